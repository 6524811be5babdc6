import type { MatchingSolution } from '../matching/types';
import type { CohortProblem } from './build-matching-problem';

export type PairExplanation = {
  menteeIndex: number;
  mentorIndex: number;
  score: number;
  pinned: boolean;
  why: string[];
  /** How much better this pair scored than the member's best other allowed guide (null: no other). */
  margin: number | null;
};

// Per chosen pair: the fit reasons, and how it compared with the member's runner-up, so an admin can see
// whether a match was clear-cut or a close call worth a second look.
export function explainMatches(problem: CohortProblem, solution: MatchingSolution): PairExplanation[] {
  const bestOther = new Float64Array(problem.input.menteeCount).fill(Number.NEGATIVE_INFINITY);
  const { edgeMentee, edgeScore } = problem.input;
  for (let e = 0; e < edgeMentee.length; e++) {
    const mentee = edgeMentee[e] ?? -1;
    if (mentee < 0 || solution.menteeEdge[mentee] === e) continue;
    bestOther[mentee] = Math.max(bestOther[mentee] ?? Number.NEGATIVE_INFINITY, edgeScore[e] ?? 0);
  }
  const explanations: PairExplanation[] = [];
  for (let mentee = 0; mentee < problem.input.menteeCount; mentee++) {
    const edge = solution.menteeEdge[mentee] ?? -1;
    if (edge < 0) continue;
    const score = edgeScore[edge] ?? 0;
    const other = bestOther[mentee] ?? Number.NEGATIVE_INFINITY;
    explanations.push({
      menteeIndex: mentee,
      mentorIndex: solution.menteeMentor[mentee] ?? -1,
      score,
      pinned: solution.menteePinned[mentee] === 1,
      why: problem.edgeWhy[edge] ?? [],
      margin: Number.isFinite(other) ? Math.round((score - other) * 1000) / 1000 : null,
    });
  }
  return explanations;
}
