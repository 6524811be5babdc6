import { and, desc, eq } from 'drizzle-orm';
import type { GuideApplicationProfile, MemberApplicationProfile } from '../../domain/programs/application';
import {
  buildMatchingProblem,
  type GuideApplication,
  type MemberApplication,
} from '../../domain/programs/build-matching-problem';
import { explainMatches, type MatchAlternative } from '../../domain/programs/explain-matches';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, matchOverrides, matchRuns } from '../db/schema';
import type { StoredAlternative, StoredMatch, StoredUnmatched } from '../db/schema/programs';
import { notFound } from '../http/problem';
import { requireCohortAdmin } from '../policies/programs';
import type { MatchRunView } from './schemas';
import { solveInWorker } from './solve-in-worker';

// Runs the exact matching engine over a cohort's applications (in a worker thread) and stores the
// result with a per-pair explanation. Re-running after pins or blocks makes a new run; earlier runs stay.
export async function runMatching(db: Db, actor: Actor, cohortId: string, now: Date): Promise<MatchRunView> {
  await requireCohortAdmin(db, actor, cohortId);
  // Only people who confirmed they joined are matched; the rest are listed on the run (getMatchRun).
  const rows = await db
    .select()
    .from(applications)
    .where(and(eq(applications.cohortId, cohortId), eq(applications.status, 'confirmed')))
    .orderBy(applications.createdAt, applications.email);
  const members: MemberApplication[] = [];
  const guides: GuideApplication[] = [];
  for (const row of rows) {
    if (row.profile.role === 'member')
      members.push({ id: row.id, name: row.name, profile: row.profile as MemberApplicationProfile });
    else guides.push({ id: row.id, name: row.name, profile: row.profile as GuideApplicationProfile });
  }
  const overrides = await db.select().from(matchOverrides).where(eq(matchOverrides.cohortId, cohortId));
  const problem = buildMatchingProblem(members, guides, overrides, now);
  const { solution, seconds } = await solveInWorker(problem.input, problem.constraints);
  const explained = explainMatches(problem, solution);
  const guideId = (index: number) => guides[index]?.id ?? '';
  const storedAlternatives = (alternatives: MatchAlternative[]): StoredAlternative[] =>
    alternatives.map(({ mentorIndex, ...rest }) => ({ guideApplicationId: guideId(mentorIndex), ...rest }));
  const matches: StoredMatch[] = explained.pairs.flatMap((pair) => {
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
  const alternativesOf = new Map(explained.unmatched.map((entry) => [entry.menteeIndex, entry.alternatives]));
  const unmatched: StoredUnmatched[] = members.flatMap((member, index) =>
    (solution.menteeMentor[index] ?? -1) >= 0
      ? []
      : [
          {
            applicationId: member.id,
            reason: problem.noOptions.get(index) ?? 'Every allowed guide was full.',
            alternatives: storedAlternatives(alternativesOf.get(index) ?? []),
          },
        ],
  );
  const [run] = await db
    .insert(matchRuns)
    .values({
      cohortId,
      matched: solution.matched,
      unmatched,
      objective: String(solution.objective),
      seconds: String(seconds),
      matches,
      createdAt: now,
    })
    .returning();
  if (!run) throw new Error('insert returned no match run');
  return getMatchRun(db, actor, cohortId, run.id);
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
    .orderBy(desc(matchRuns.createdAt))
    .limit(1);
  if (!run) throw notFound('match run');
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
    createdAt: run.createdAt.toISOString(),
    publishedAt: run.publishedAt ? run.publishedAt.toISOString() : null,
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
