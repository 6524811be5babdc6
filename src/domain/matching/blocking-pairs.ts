import { prepareProblem } from './prepare';
import { prefers } from './stable';
import type { IndexPair, MatchingConstraints, MatchingInput } from './types';

export type BlockingPairReport = {
  /** How many allowed pairs block the matching (0 means it is stable). */
  count: number;
  /** The first few, for a person to look at. */
  examples: IndexPair[];
  /** Ways the matching is not even a valid assignment (wrong pair, over capacity, pin ignored). */
  invalid: string[];
};

const MAX_EXAMPLES = 10;

/**
 * Counts blocking pairs, written apart from the solver so it can check any matching (a published one,
 * the optimum, a file someone sent): an allowed, unpinned pair (mentee, guide) blocks when the mentee is
 * unmatched or prefers that guide to its own, and the guide has a seat left after its pinned mentees or
 * prefers the mentee to one it holds. Preferences are the scores with ties broken by index, as in
 * solveStable. `menteeEdge` gives each mentee's edge, or -1. O(E).
 */
export function findBlockingPairs(
  input: MatchingInput,
  menteeEdge: Int32Array,
  options: { guideScore?: Float64Array; constraints?: MatchingConstraints } = {},
): BlockingPairReport {
  const guideScore = options.guideScore ?? input.edgeScore;
  const prepared = prepareProblem(input, options.constraints);
  const { edgeMentee, edgeMentor, edgeScore } = input;
  const m = input.mentorCount;
  const invalid: string[] = [];
  const seatsHeld = new Int32Array(m);
  // Per guide, the edge of the unpinned mentee it likes least, or -1.
  const worstHeld = new Int32Array(m).fill(-1);

  for (let i = 0; i < input.menteeCount; i++) {
    const e = menteeEdge[i] ?? -1;
    const pinned = prepared.pinnedEdge[i] ?? -1;
    if (pinned >= 0) {
      if (e < 0 || edgeMentor[e] !== edgeMentor[pinned])
        invalid.push(`mentee ${i} is pinned to guide ${edgeMentor[pinned] ?? 0} but not matched to them`);
      continue;
    }
    if (e < 0) continue;
    if (e >= edgeMentee.length || edgeMentee[e] !== i) {
      invalid.push(`mentee ${i} is matched through a pair that is not theirs`);
      continue;
    }
    if (prepared.active !== null && prepared.active[e] === 0)
      invalid.push(`mentee ${i} is matched through the blocked pair with guide ${edgeMentor[e] ?? 0}`);
    const j = edgeMentor[e] ?? 0;
    seatsHeld[j] = (seatsHeld[j] ?? 0) + 1;
    const worst = worstHeld[j] ?? -1;
    if (worst < 0 || prefers(guideScore[worst] ?? 0, edgeMentee[worst] ?? 0, guideScore[e] ?? 0, i))
      worstHeld[j] = e;
  }
  for (let j = 0; j < m; j++) {
    if ((seatsHeld[j] ?? 0) > (prepared.capacity[j] ?? 0))
      invalid.push(
        `guide ${j} holds ${seatsHeld[j] ?? 0} mentees for ${prepared.capacity[j] ?? 0} free seats`,
      );
  }

  let count = 0;
  const examples: IndexPair[] = [];
  for (let e = 0; e < edgeMentee.length; e++) {
    if (prepared.active !== null && prepared.active[e] === 0) continue;
    const i = edgeMentee[e] ?? 0;
    const j = edgeMentor[e] ?? 0;
    const own = menteeEdge[i] ?? -1;
    if (own === e) continue;
    const menteeWants = own < 0 || prefers(edgeScore[e] ?? 0, j, edgeScore[own] ?? 0, edgeMentor[own] ?? 0);
    if (!menteeWants) continue;
    const worst = worstHeld[j] ?? -1;
    const guideWants =
      (seatsHeld[j] ?? 0) < (prepared.capacity[j] ?? 0) ||
      (worst >= 0 && prefers(guideScore[e] ?? 0, i, guideScore[worst] ?? 0, edgeMentee[worst] ?? 0));
    if (!guideWants) continue;
    count++;
    if (examples.length < MAX_EXAMPLES) examples.push([i, j]);
  }
  return { count, examples, invalid };
}
