import type { MatchingInput } from './types';

/** Per mentee, its allowed edges best first (compressed rows: `edge[start[i]..start[i+1])`). */
export type PreferenceRows = { start: Int32Array; edge: Int32Array };

/**
 * Each mentee's allowed edges in order of preference: higher score first, equal scores by lower guide
 * index. `active` (1 = usable) leaves out pinned and blocked pairs. Rows are sorted one by one: a
 * seven-pass radix sort of all edges was tried and ran ~2× slower in V8 than these short comparator sorts.
 */
export function preferenceRows(input: MatchingInput, active: Uint8Array | null): PreferenceRows {
  const n = input.menteeCount;
  const start = new Int32Array(n + 1);
  const edgeCount = input.edgeMentee.length;
  for (let e = 0; e < edgeCount; e++) {
    if (active !== null && active[e] === 0) continue;
    const at = (input.edgeMentee[e] ?? 0) + 1;
    start[at] = (start[at] ?? 0) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const fill = start.slice(0, n);
  const edge = new Int32Array(start[n] ?? 0);
  for (let e = 0; e < edgeCount; e++) {
    if (active !== null && active[e] === 0) continue;
    const i = input.edgeMentee[e] ?? 0;
    const slot = fill[i] ?? 0;
    edge[slot] = e;
    fill[i] = slot + 1;
  }
  const { edgeScore, edgeMentor } = input;
  for (let i = 0; i < n; i++) {
    const from = start[i] ?? 0;
    const to = start[i + 1] ?? 0;
    if (to - from < 2) continue;
    edge.subarray(from, to).sort((a, b) => {
      const sa = edgeScore[a] ?? 0;
      const sb = edgeScore[b] ?? 0;
      return sa === sb ? (edgeMentor[a] ?? 0) - (edgeMentor[b] ?? 0) : sb - sa;
    });
  }
  return { start, edge };
}
