import type { IndexPair, MatchingConstraints, MatchingInput } from './types';

export class MatchingInputError extends Error {
  override name = 'MatchingInputError';
}

/**
 * The problem the optimiser actually sees once pins and blocks are applied: pinned mentees leave the
 * problem and use up one seat of their mentor, blocked pairs disappear. The certificate checker
 * rebuilds the same view, so both agree on what "optimal" means.
 */
export type PreparedProblem = {
  /** Per edge: 1 when the optimiser may choose it; null means every edge is active. */
  active: Uint8Array | null;
  /** Per mentor: capacity left after pinned pairs. */
  capacity: Int32Array;
  /** Per mentee: the pinned edge, or -1. */
  pinnedEdge: Int32Array;
};

export function validateMatchingInput(input: MatchingInput): void {
  const { menteeCount, mentorCount, capacity, edgeMentee, edgeMentor, edgeScore } = input;
  if (!Number.isInteger(menteeCount) || menteeCount < 0) {
    throw new MatchingInputError(`menteeCount must be a non-negative integer, got ${menteeCount}.`);
  }
  if (!Number.isInteger(mentorCount) || mentorCount < 0) {
    throw new MatchingInputError(`mentorCount must be a non-negative integer, got ${mentorCount}.`);
  }
  if (capacity.length !== mentorCount) {
    throw new MatchingInputError(`capacity has ${capacity.length} entries for ${mentorCount} mentors.`);
  }
  for (let j = 0; j < mentorCount; j++) {
    if ((capacity[j] ?? 0) < 0)
      throw new MatchingInputError(`(capacity[${j}] ?? 0) is negative (${capacity[j] ?? 0}).`);
  }
  const edgeCount = edgeMentee.length;
  if (edgeMentor.length !== edgeCount || edgeScore.length !== edgeCount) {
    throw new MatchingInputError('edgeMentee, edgeMentor and edgeScore must have the same length.');
  }
  for (let e = 0; e < edgeCount; e++) {
    const i = edgeMentee[e] ?? 0;
    const j = edgeMentor[e] ?? 0;
    if (i < 0 || i >= menteeCount)
      throw new MatchingInputError(`edge ${e}: mentee index ${i} is out of range.`);
    if (j < 0 || j >= mentorCount)
      throw new MatchingInputError(`edge ${e}: mentor index ${j} is out of range.`);
    if (!Number.isFinite(edgeScore[e] ?? 0)) {
      throw new MatchingInputError(`edge ${e}: score must be a finite number, got ${edgeScore[e] ?? 0}.`);
    }
  }
}

/** Index of the edge for a pair (the best-scoring one if the input repeats a pair), or -1. */
function findEdges(input: MatchingInput, pairs: readonly IndexPair[]): Int32Array {
  const wanted = new Map<number, number>();
  const found = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([i, j], k) => {
    wanted.set(i * input.mentorCount + j, k);
  });
  for (let e = 0; e < input.edgeMentee.length; e++) {
    const k = wanted.get((input.edgeMentee[e] ?? 0) * input.mentorCount + (input.edgeMentor[e] ?? 0));
    if (k === undefined) continue;
    const previous = found[k] ?? 0;
    if (previous < 0 || (input.edgeScore[e] ?? 0) > (input.edgeScore[previous] ?? 0)) found[k] = e;
  }
  // A pair listed twice points at the same edge through its last listing; copy it to the others.
  pairs.forEach(([i, j], k) => {
    const last = wanted.get(i * input.mentorCount + j);
    if (last !== undefined) found[k] = found[last] ?? 0;
  });
  return found;
}

function checkPair(input: MatchingInput, pair: IndexPair, kind: string, k: number): void {
  const [i, j] = pair;
  if (!Number.isInteger(i) || i < 0 || i >= input.menteeCount) {
    throw new MatchingInputError(`${kind}[${k}]: mentee index ${i} is out of range.`);
  }
  if (!Number.isInteger(j) || j < 0 || j >= input.mentorCount) {
    throw new MatchingInputError(`${kind}[${k}]: mentor index ${j} is out of range.`);
  }
}

export function prepareProblem(input: MatchingInput, constraints: MatchingConstraints = {}): PreparedProblem {
  const pinned = constraints.pinned ?? [];
  const blocked = constraints.blocked ?? [];
  const pinnedEdge = new Int32Array(input.menteeCount).fill(-1);
  const capacity = Int32Array.from(input.capacity);
  if (pinned.length === 0 && blocked.length === 0) return { active: null, capacity, pinnedEdge };

  pinned.forEach((pair, k) => {
    checkPair(input, pair, 'pinned', k);
  });
  blocked.forEach((pair, k) => {
    checkPair(input, pair, 'blocked', k);
  });
  const blockedKeys = new Set(blocked.map(([i, j]) => i * input.mentorCount + j));
  const pinnedEdges = findEdges(input, pinned);
  pinned.forEach(([i, j], k) => {
    const e = pinnedEdges[k] ?? -1;
    if (e < 0)
      throw new MatchingInputError(`pinned[${k}]: mentee ${i} and mentor ${j} are not an allowed pair.`);
    if (blockedKeys.has(i * input.mentorCount + j)) {
      throw new MatchingInputError(`pinned[${k}]: mentee ${i} and mentor ${j} are both pinned and blocked.`);
    }
    const earlier = pinnedEdge[i] ?? 0;
    if (earlier >= 0 && (input.edgeMentor[earlier] ?? 0) !== j) {
      throw new MatchingInputError(
        `pinned[${k}]: mentee ${i} is already pinned to mentor ${input.edgeMentor[earlier] ?? 0}.`,
      );
    }
    if (earlier >= 0) return;
    pinnedEdge[i] = e;
    capacity[j] = (capacity[j] ?? 0) - 1;
    if ((capacity[j] ?? 0) < 0) {
      throw new MatchingInputError(`pinned[${k}]: mentor ${j} has more pinned mentees than its capacity.`);
    }
  });

  const active = new Uint8Array(input.edgeMentee.length);
  for (let e = 0; e < active.length; e++) {
    const i = input.edgeMentee[e] ?? 0;
    active[e] =
      (pinnedEdge[i] ?? 0) < 0 && !blockedKeys.has(i * input.mentorCount + (input.edgeMentor[e] ?? 0))
        ? 1
        : 0;
  }
  return { active, capacity, pinnedEdge };
}
