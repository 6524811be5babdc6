import { preferenceRows } from './preference-rows';
import { prepareProblem, validateMatchingInput } from './prepare';
import type { MatchingConstraints, MatchingInput, MatchingSolution } from './types';

/** A matching without LP prices: stable and fair mode prove themselves by other means. */
export type PlainSolution = Omit<MatchingSolution, 'duals'>;

export type TwoSidedOptions = {
  /**
   * Per edge: the guide's score for that mentee (higher is preferred). Defaults to the fit score, so a
   * guide who said nothing prefers the applicants that fit best.
   */
  guideScore?: Float64Array;
  constraints?: MatchingConstraints;
};

/**
 * Strict preferences from scores with ties broken by index (the order of the problem file), so the
 * stable matching is unique to its input. `a` beats `b` when its score is higher, or equal with a lower
 * index of the other side.
 */
export function prefers(scoreA: number, otherA: number, scoreB: number, otherB: number): boolean {
  return scoreA > scoreB || (scoreA === scoreB && otherA < otherB);
}

/**
 * Stable mode (PRODUCT.md §5): mentee-proposing deferred acceptance with capacities (hospitals and
 * residents). Every free mentee proposes to its next guide in order of preference; a guide keeps the
 * mentees it prefers up to its free seats and releases the least preferred. The result has no blocking
 * pair and is the best stable matching for every mentee. Pinned pairs are fixed first and take a seat;
 * blocked pairs are never proposed. O(E log capacity): each edge is proposed at most once, and each guide
 * keeps its mentees in a min-heap keyed by its own preference, so the one to release is at the top.
 */
export function solveStable(input: MatchingInput, options: TwoSidedOptions = {}): PlainSolution {
  validateMatchingInput(input);
  const guideScore = options.guideScore ?? input.edgeScore;
  if (guideScore.length !== input.edgeMentee.length)
    throw new RangeError(`guideScore has ${guideScore.length} entries for ${input.edgeMentee.length} edges.`);
  const prepared = prepareProblem(input, options.constraints);
  const n = input.menteeCount;
  const m = input.mentorCount;
  const { start, edge } = preferenceRows(input, prepared.active);
  const { edgeMentee, edgeMentor } = input;

  // One heap per guide, side by side in a slab; a guide never holds more than its seats or its proposers.
  const proposers = new Int32Array(m);
  for (const e of edge) {
    const j = edgeMentor[e] ?? 0;
    proposers[j] = (proposers[j] ?? 0) + 1;
  }
  const heapStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++)
    heapStart[j + 1] =
      (heapStart[j] ?? 0) + Math.max(0, Math.min(prepared.capacity[j] ?? 0, proposers[j] ?? 0));
  const heap = new Int32Array(heapStart[m] ?? 0);
  const heapSize = new Int32Array(m);

  // "a is worse for the guide than b": the heap keeps the least preferred mentee at its top.
  const worse = (a: number, b: number): boolean =>
    prefers(guideScore[b] ?? 0, edgeMentee[b] ?? 0, guideScore[a] ?? 0, edgeMentee[a] ?? 0);
  const siftUp = (base: number, at: number): void => {
    const item = heap[base + at] ?? 0;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const above = heap[base + parent] ?? 0;
      if (!worse(item, above)) break;
      heap[base + at] = above;
      at = parent;
    }
    heap[base + at] = item;
  };
  const siftDown = (base: number, size: number): void => {
    const item = heap[base] ?? 0;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && worse(heap[base + right] ?? 0, heap[base + child] ?? 0)) child = right;
      const below = heap[base + child] ?? 0;
      if (!worse(below, item)) break;
      heap[base + at] = below;
      at = child;
    }
    heap[base + at] = item;
  };

  const next = start.slice(0, n);
  const free = new Int32Array(n);
  let freeCount = 0;
  for (let i = n - 1; i >= 0; i--) if ((prepared.pinnedEdge[i] ?? 0) < 0) free[freeCount++] = i;
  const held = new Int32Array(n).fill(-1);

  while (freeCount > 0) {
    const i = free[--freeCount] ?? 0;
    const end = start[i + 1] ?? 0;
    while ((next[i] ?? 0) < end) {
      const at = next[i] ?? 0;
      next[i] = at + 1;
      const e = edge[at] ?? 0;
      const j = edgeMentor[e] ?? 0;
      const base = heapStart[j] ?? 0;
      const seats = (heapStart[j + 1] ?? 0) - base;
      const size = heapSize[j] ?? 0;
      if (size < seats) {
        heap[base + size] = e;
        heapSize[j] = size + 1;
        siftUp(base, size);
        held[i] = e;
        break;
      }
      if (seats === 0) continue;
      const top = heap[base] ?? 0;
      if (!worse(top, e)) continue;
      heap[base] = e;
      siftDown(base, size);
      held[i] = e;
      const released = edgeMentee[top] ?? 0;
      held[released] = -1;
      free[freeCount++] = released;
      break;
    }
  }

  const menteeMentor = new Int32Array(n).fill(-1);
  const menteeEdge = new Int32Array(n).fill(-1);
  const menteePinned = new Uint8Array(n);
  let matched = 0;
  let objective = 0;
  for (let i = 0; i < n; i++) {
    let e = held[i] ?? -1;
    const pinned = prepared.pinnedEdge[i] ?? -1;
    if (pinned >= 0) {
      e = pinned;
      menteePinned[i] = 1;
    }
    if (e < 0) continue;
    menteeEdge[i] = e;
    menteeMentor[i] = edgeMentor[e] ?? 0;
    matched++;
    objective += input.edgeScore[e] ?? 0;
  }
  return { menteeMentor, menteeEdge, menteePinned, matched, objective };
}
