import type { ModeReport } from '../../domain/matching/mode-report';
import type { MatchingMode } from '../../domain/matching/problem-file';
import {
  explainMatches,
  type MatchAlternative,
  type PairExplanation,
} from '../../domain/programs/explain-matches';
import type { matchRuns } from '../db/schema';
import type {
  StoredAlternative,
  StoredLex,
  StoredMatch,
  StoredProof,
  StoredUnmatched,
} from '../db/schema/programs';
import type { LoadedCohortProblem } from './load-cohort-problem';

const UNMATCHED_REASON: Record<MatchingMode, string> = {
  optimal: 'Every allowed guide was full.',
  stable: 'Every guide they could have had kept people they ranked higher.',
  fair: 'Every allowed guide was full.',
};

/**
 * One mode of a cohort run as the row it is stored in: pairs by application id with their reasons,
 * the unmatched with why, and the checked proof with its prices (keyed by application id).
 */
export function modeRunRow(
  report: ModeReport,
  { members, guides, problem }: LoadedCohortProblem,
  context: { cohortId: string; seconds: number; now: Date },
): typeof matchRuns.$inferInsert {
  const { cohortId, seconds, now } = context;
  const guideId = (index: number) => guides[index]?.id ?? '';
  const storedAlternatives = (alternatives: MatchAlternative[]): StoredAlternative[] =>
    alternatives.map(({ mentorIndex, ...rest }) => ({ guideApplicationId: guideId(mentorIndex), ...rest }));
  // Optimal runs explain each pair from the prices; the other modes give the fit reasons.
  const explained =
    report.mode === 'optimal' && report.duals !== null
      ? explainMatches(problem, { ...report.solution, duals: report.duals })
      : null;
  const pairs: PairExplanation[] =
    explained?.pairs ??
    members.flatMap((_, index) => {
      const edge = report.solution.menteeEdge[index] ?? -1;
      if (edge < 0) return [];
      return [
        {
          menteeIndex: index,
          mentorIndex: report.solution.menteeMentor[index] ?? 0,
          score: Math.round((problem.input.edgeScore[edge] ?? 0) * 1000) / 1000,
          pinned: report.solution.menteePinned[index] === 1,
          why: problem.edgeWhy[edge] ?? [],
          margin: null,
          runnerUp: null,
          alternatives: [],
        },
      ];
    });
  const matches: StoredMatch[] = pairs.flatMap((pair) => {
    const member = members[pair.menteeIndex];
    const guide = guides[pair.mentorIndex];
    if (!member || !guide) return [];
    const { runnerUp } = pair;
    return [
      {
        memberApplicationId: member.id,
        guideApplicationId: guide.id,
        score: pair.score,
        pinned: pair.pinned,
        why: pair.why,
        margin: pair.margin,
        runnerUp: runnerUp && {
          guideApplicationId: runnerUp.mentorIndex === null ? null : guideId(runnerUp.mentorIndex),
          score: runnerUp.score,
          inDemand: runnerUp.inDemand,
        },
        alternatives: storedAlternatives(pair.alternatives),
      },
    ];
  });
  const alternativesOf = new Map(
    (explained?.unmatched ?? []).map((entry) => [entry.menteeIndex, entry.alternatives]),
  );
  const unmatched: StoredUnmatched[] = members.flatMap((member, index) =>
    (report.solution.menteeMentor[index] ?? -1) >= 0
      ? []
      : [
          {
            applicationId: member.id,
            reason: problem.noOptions.get(index) ?? UNMATCHED_REASON[report.mode],
            alternatives: storedAlternatives(alternativesOf.get(index) ?? []),
          },
        ],
  );
  const lex = (count: Int32Array, score: Float64Array, ids: { id: string }[]) =>
    Object.fromEntries(
      ids.map((entry, k): [string, StoredLex] => [entry.id, [count[k] ?? 0, score[k] ?? 0]]),
    );
  const proof: StoredProof = {
    proved: report.proved,
    summary: report.summary,
    worstFit: report.worstFit,
    blockingPairs: report.blockingPairs,
    movedFromOptimal: report.movedFromOptimal,
    threshold: report.threshold,
    prices:
      report.duals === null
        ? null
        : {
            members: lex(report.duals.menteeValueCount, report.duals.menteeValueScore, members),
            guides: lex(report.duals.mentorPriceCount, report.duals.mentorPriceScore, guides),
          },
  };
  return {
    cohortId,
    mode: report.mode,
    matched: report.solution.matched,
    unmatched,
    objective: String(report.solution.objective),
    seconds: String(seconds),
    matches,
    proof,
    createdAt: now,
  };
}
