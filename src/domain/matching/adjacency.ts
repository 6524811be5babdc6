import type { MatchingInput } from './types';

/**
 * Compressed sparse rows: the allowed mentors of mentee i are the positions (rowStart[i] ?? 0) to (rowStart[i+1] ?? 0) of col, in input
 * order (which is what makes tie-breaking follow the input). `edge` maps a position back to the input
 * edge; null means positions are input edge indices (input already grouped by mentee, nothing filtered),
 * in which case the input arrays are used as they are, without a copy.
 */
export type Adjacency = {
  rowStart: Int32Array;
  col: Int32Array;
  score: Float64Array;
  edge: Int32Array | null;
};

export function buildAdjacency(input: MatchingInput, active: Uint8Array | null): Adjacency {
  const { menteeCount, edgeMentee, edgeMentor, edgeScore } = input;
  const edgeCount = edgeMentee.length;
  const rowStart = new Int32Array(menteeCount + 1);
  let grouped = active === null;
  let kept = 0;
  let previous = 0;
  for (let e = 0; e < edgeCount; e++) {
    if (active !== null && (active[e] ?? 0) === 0) continue;
    const i = edgeMentee[e] ?? 0;
    if (i < previous) grouped = false;
    previous = i;
    rowStart[i + 1] = (rowStart[i + 1] ?? 0) + 1;
    kept++;
  }
  for (let i = 0; i < menteeCount; i++) rowStart[i + 1] = (rowStart[i + 1] ?? 0) + (rowStart[i] ?? 0);
  if (grouped) return { rowStart, col: edgeMentor, score: edgeScore, edge: null };

  const col = new Int32Array(kept);
  const score = new Float64Array(kept);
  const edge = new Int32Array(kept);
  const next = rowStart.slice(0, menteeCount);
  for (let e = 0; e < edgeCount; e++) {
    if (active !== null && (active[e] ?? 0) === 0) continue;
    const i = edgeMentee[e] ?? 0;
    const p = next[i] ?? 0;
    next[i] = p + 1;
    col[p] = edgeMentor[e] ?? 0;
    score[p] = edgeScore[e] ?? 0;
    edge[p] = e;
  }
  return { rowStart, col, score, edge };
}
