import { explainAndShortlist } from '../matching/explain';
import type { LexValue, MatchingSolution } from '../matching/types';
import type { CohortProblem } from './build-matching-problem';

/** Another guide the member could have had. */
export type MatchAlternative = {
  mentorIndex: number;
  score: number;
  /** Other members want this guide's seats: its price is above zero. */
  inDemand: boolean;
};

export type PairExplanation = {
  menteeIndex: number;
  mentorIndex: number;
  score: number;
  pinned: boolean;
  why: string[];
  /**
   * How far this pair's net value is ahead of the next-best option's: the runner-up's fit would have to
   * rise by more than this to change the result (null: no other option). Zero means a tie at the margin.
   */
  margin: number | null;
  /** The next-best option: another guide, or staying unmatched (mentorIndex null). */
  runnerUp: { mentorIndex: number | null; score: number; inDemand: boolean } | null;
  /**
   * Up to four other guides, ranked by reduced cost at the lowest optimal prices rather than by raw fit,
   * so a guide everyone wants does not top every member's list.
   */
  alternatives: MatchAlternative[];
};

export type UnmatchedExplanation = { menteeIndex: number; alternatives: MatchAlternative[] };

const round = (value: number) => Math.round(value * 1000) / 1000;

const inDemand = (price: LexValue) => price.count > 0 || price.score > 0;

function alternativeOf(entry: { mentor: number; score: number; price: LexValue }): MatchAlternative {
  return { mentorIndex: entry.mentor, score: entry.score, inDemand: inDemand(entry.price) };
}

// Why each pair was chosen, read from the engine's lowest optimal prices (matching/explain.ts): a guide
// everyone wants carries a price, so "another guide fit better" is answered with "but their seats did
// more good elsewhere", and each member's alternatives are the guides they could really have had — the
// popular guides do not top every list. The fit reasons come from the cohort problem's edges.
export function explainMatches(
  problem: CohortProblem,
  solution: MatchingSolution,
): { pairs: PairExplanation[]; unmatched: UnmatchedExplanation[] } {
  const { input, constraints } = problem;
  const { explanations, shortlists } = explainAndShortlist(input, solution, undefined, constraints);
  const pairs: PairExplanation[] = [];
  const unmatched: UnmatchedExplanation[] = [];
  for (const explanation of explanations) {
    const menteeIndex = explanation.mentee;
    const alternatives = (shortlists[menteeIndex] ?? [])
      .filter((entry) => !entry.assigned)
      .map(alternativeOf);
    const { chosen, runnerUp, margin } = explanation;
    if (chosen.mentor === null) {
      unmatched.push({ menteeIndex, alternatives });
      continue;
    }
    pairs.push({
      menteeIndex,
      mentorIndex: chosen.mentor,
      score: chosen.score,
      pinned: explanation.pinned,
      why: problem.edgeWhy[chosen.edge] ?? [],
      margin: margin === null ? null : round(margin.score),
      runnerUp:
        runnerUp === null
          ? null
          : {
              mentorIndex: runnerUp.mentor,
              score: runnerUp.score,
              inDemand: inDemand(runnerUp.price),
            },
      alternatives,
    });
  }
  return { pairs, unmatched };
}
