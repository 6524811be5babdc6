import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { ModeReport } from '../../domain/matching/mode-report';
import type { MatchingMode } from '../../domain/matching/problem-file';
import type { GuideApplicationProfile, MemberApplicationProfile } from '../../domain/programs/application';
import {
  buildMatchingProblem,
  type GuideApplication,
  type MemberApplication,
} from '../../domain/programs/build-matching-problem';
import {
  explainMatches,
  type MatchAlternative,
  type PairExplanation,
} from '../../domain/programs/explain-matches';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, matchOverrides, matchRuns } from '../db/schema';
import type {
  StoredAlternative,
  StoredLex,
  StoredMatch,
  StoredProof,
  StoredUnmatched,
} from '../db/schema/programs';
import { notFound, Problem } from '../http/problem';
import { requireCohortAdmin } from '../policies/programs';
import { loadCohortProblem } from './load-cohort-problem';
import type { MatchRunView } from './schemas';
import { solveModesInWorker } from './solve-in-worker';

const UNMATCHED_REASON: Record<MatchingMode, string> = {
  optimal: 'Every allowed guide was full.',
  stable: 'Every guide they could have had kept people they ranked higher.',
  fair: 'Every allowed guide was full.',
};

// Runs the matching engine over a cohort's applications (in a worker thread) in every mode — optimal,
// stable and fair — and stores one run per mode, sharing a batch, each with its checked proof and a
// per-pair explanation. Re-running after pins or blocks makes a new batch; earlier runs stay.
export async function runMatching(db: Db, actor: Actor, cohortId: string, now: Date): Promise<MatchRunView> {
  await requireCohortAdmin(db, actor, cohortId);
  const { members, guides, problem } = await loadCohortProblem(db, cohortId, now);
  const { reports, seconds } = await solveModesInWorker(problem.input, problem.constraints);
  const guideId = (index: number) => guides[index]?.id ?? '';
  const storedAlternatives = (alternatives: MatchAlternative[]): StoredAlternative[] =>
    alternatives.map(({ mentorIndex, ...rest }) => ({ guideApplicationId: guideId(mentorIndex), ...rest }));

  const toStored = (report: ModeReport) => {
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
  };

  const batchId = randomUUID();
  const inserted = await db
    .insert(matchRuns)
    .values(reports.map((report) => ({ ...toStored(report), batchId })))
    .returning({ id: matchRuns.id, mode: matchRuns.mode });
  const optimal = inserted.find((run) => run.mode === 'optimal') ?? inserted[0];
  if (!optimal) throw new Error('insert returned no match run');
  return getMatchRun(db, actor, cohortId, optimal.id);
}

/** The run the cohort page opens on, or null before the first run (a cohort without one is normal). */
export async function getLatestMatchRun(
  db: Db,
  actor: Actor,
  cohortId: string,
): Promise<MatchRunView | null> {
  await requireCohortAdmin(db, actor, cohortId);
  try {
    return await getMatchRun(db, actor, cohortId, 'latest');
  } catch (error) {
    // The admin check passed above, so a 404 here can only mean there is no run yet.
    if (error instanceof Problem && error.status === 404) return null;
    throw error;
  }
}

export async function getMatchRun(
  db: Db,
  actor: Actor,
  cohortId: string,
  runId: string | 'latest',
): Promise<MatchRunView> {
  await requireCohortAdmin(db, actor, cohortId);
  const [run] = await db
    .select()
    .from(matchRuns)
    .where(
      runId === 'latest'
        ? eq(matchRuns.cohortId, cohortId)
        : and(eq(matchRuns.cohortId, cohortId), eq(matchRuns.id, runId)),
    )
    // The newest press of "run matching"; within it the published mode, else the optimal one.
    .orderBy(
      desc(matchRuns.createdAt),
      sql`${matchRuns.publishedAt} is null`,
      sql`${matchRuns.mode} <> 'optimal'`,
    )
    .limit(1);
  if (!run) throw notFound('match run');
  const siblings =
    run.batchId === null
      ? []
      : await db
          .select({
            id: matchRuns.id,
            mode: matchRuns.mode,
            matched: matchRuns.matched,
            objective: matchRuns.objective,
            proof: matchRuns.proof,
            publishedAt: matchRuns.publishedAt,
          })
          .from(matchRuns)
          .where(and(eq(matchRuns.cohortId, cohortId), eq(matchRuns.batchId, run.batchId)));
  const modeOrder = { optimal: 0, stable: 1, fair: 2 } as const;
  const comparison = siblings
    .sort((a, b) => modeOrder[a.mode] - modeOrder[b.mode])
    .map((sibling) => ({
      runId: sibling.id,
      mode: sibling.mode,
      matched: sibling.matched,
      totalFit: Number(sibling.objective),
      worstFit: sibling.proof?.worstFit ?? null,
      blockingPairs: sibling.proof?.blockingPairs ?? 0,
      movedFromOptimal: sibling.proof?.movedFromOptimal ?? 0,
      proved: sibling.proof?.proved ?? false,
      summary: sibling.proof?.summary ?? '',
      publishedAt: sibling.publishedAt ? sibling.publishedAt.toISOString() : null,
    }));
  const names = new Map(
    (
      await db
        .select({
          id: applications.id,
          name: applications.name,
          role: applications.role,
          status: applications.status,
        })
        .from(applications)
        .where(eq(applications.cohortId, cohortId))
    ).map((row) => [row.id, row]),
  );
  const nameOf = (applicationId: string) => names.get(applicationId)?.name ?? 'someone who left';
  const withNames = (alternatives: StoredAlternative[] = []) =>
    alternatives.map((alternative) => ({
      ...alternative,
      guideName: nameOf(alternative.guideApplicationId),
    }));
  const overrides = await db.select().from(matchOverrides).where(eq(matchOverrides.cohortId, cohortId));
  const members = [...names.values()].filter(
    (row) => row.role === 'member' && row.status === 'confirmed',
  ).length;
  const unconfirmed = [...names.values()].flatMap((row) =>
    row.status === 'confirmed'
      ? []
      : [
          {
            applicationId: row.id,
            name: row.name,
            role: row.role,
            status: row.status,
            message:
              row.status === 'pending'
                ? `${row.name} has not yet confirmed joining this cohort, so they are not matched. They confirm after signing in with the address you imported.`
                : `${row.name} declined to join this cohort and is never matched.`,
          },
        ],
  );
  return {
    id: run.id,
    mode: run.mode,
    createdAt: run.createdAt.toISOString(),
    publishedAt: run.publishedAt ? run.publishedAt.toISOString() : null,
    comparison,
    matched: run.matched,
    members,
    objective: Number(run.objective),
    seconds: Number(run.seconds),
    matches: run.matches.map((match) => ({
      ...match,
      memberName: nameOf(match.memberApplicationId),
      guideName: nameOf(match.guideApplicationId),
      runnerUp: match.runnerUp
        ? {
            ...match.runnerUp,
            guideName: match.runnerUp.guideApplicationId ? nameOf(match.runnerUp.guideApplicationId) : null,
          }
        : null,
      alternatives: withNames(match.alternatives),
    })),
    unmatched: run.unmatched.map((entry) => ({
      ...entry,
      name: nameOf(entry.applicationId),
      alternatives: withNames(entry.alternatives),
    })),
    overrides: overrides.map((o) => ({
      memberApplicationId: o.memberApplicationId,
      guideApplicationId: o.guideApplicationId,
      decision: o.decision,
    })),
    unconfirmed,
  };
}
