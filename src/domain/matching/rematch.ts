import { totalFit } from './pair-edges';
import { validateMatchingInput } from './prepare';
import { solveMatching } from './solve';
import type { IndexPair, MatchingConstraints, MatchingInput, MatchingSolution } from './types';

export type Move = { mentee: number; from: number; to: number };

export type Rematch = {
  solution: MatchingSolution;
  /** The problem actually solved (kept pairs carry a bonus); its duals prove `solution` optimal for it. */
  weighted: MatchingInput;
  kept: number;
  /** Every mentee whose guide changed, including those newly matched (from -1) or left without (to -1). */
  moves: Move[];
};

/**
 * The bonus that makes keeping a pair worth more than any amount of fit: more than the largest possible
 * difference in total fit between two assignments (every mentee's best minus worst score, plus one).
 */
function keepBonus(input: MatchingInput): number {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const score of input.edgeScore) {
    low = Math.min(low, score);
    high = Math.max(high, score);
  }
  return high < low ? 1 : (high - low + 1) * (input.menteeCount + 1);
}

/** The same problem with every pair in `keep` worth the keep bonus more. */
export function weightKeptPairs(input: MatchingInput, keep: readonly IndexPair[]): MatchingInput {
  const bonus = keepBonus(input);
  const wanted = new Set(keep.map(([i, j]) => i * input.mentorCount + j));
  const edgeScore = Float64Array.from(input.edgeScore, (score, e) =>
    wanted.has((input.edgeMentee[e] ?? 0) * input.mentorCount + (input.edgeMentor[e] ?? 0))
      ? score + bonus
      : score,
  );
  return { ...input, edgeScore };
}

/**
 * Rematch mid-cohort with the fewest changes: as many mentees matched as possible, then as many of the
 * `keep` pairs kept as possible, then the highest total fit — solved exactly by giving kept pairs a bonus
 * larger than any fit difference. A kept pair that is no longer allowed (a guide left, a block) simply
 * cannot be kept. The objective reported is the true total fit, without the bonus.
 */
export function solveRematch(
  input: MatchingInput,
  keep: readonly IndexPair[],
  constraints: MatchingConstraints = {},
): Rematch {
  validateMatchingInput(input);
  const weighted = weightKeptPairs(input, keep);
  const solution = solveMatching(weighted, constraints);
  const objective = totalFit(input, solution.menteeEdge);
  const before = new Int32Array(input.menteeCount).fill(-1);
  for (const [i, j] of keep) before[i] = j;
  let kept = 0;
  const moves: Move[] = [];
  for (let i = 0; i < input.menteeCount; i++) {
    const from = before[i] ?? -1;
    const to = solution.menteeMentor[i] ?? -1;
    if (from >= 0 && from === to) kept++;
    else if (from !== to) moves.push({ mentee: i, from, to });
  }
  return { solution: { ...solution, objective }, weighted, kept, moves };
}

/** Checks a rematch's proof: the LP prices prove it optimal for the weighted (keep-first) objective. */
export function rematchCertificateInput(
  input: MatchingInput,
  keep: readonly IndexPair[],
  solution: MatchingSolution,
) {
  const weighted = weightKeptPairs(input, keep);
  return { weighted, solution: { ...solution, objective: totalFit(weighted, solution.menteeEdge) } };
}
