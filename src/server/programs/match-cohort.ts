import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, matchOverrides, matchRuns } from '../db/schema';
import type { StoredAlternative } from '../db/schema/programs';
import { notFound } from '../http/problem';
import { requireCohortAdmin } from '../policies/programs';
import { loadCohortProblem } from './load-cohort-problem';
import { modeRunRow } from './mode-run-row';
import type { MatchRunView } from './schemas';
import { solveModesInWorker } from './solve-in-worker';

// Runs the matching engine over a cohort's applications (in a worker thread) in every mode — optimal,
// stable and fair — and stores one run per mode, sharing a batch, each with its checked proof and a
// per-pair explanation. Re-running after pins or blocks makes a new batch; earlier runs stay.
export async function runMatching(db: Db, actor: Actor, cohortId: string, now: Date): Promise<MatchRunView> {
  await requireCohortAdmin(db, actor, cohortId);
  const loaded = await loadCohortProblem(db, cohortId, now);
  const { problem } = loaded;
  const { reports, seconds } = await solveModesInWorker(
    problem.input,
    problem.constraints,
    loaded.guideScore,
  );

  const batchId = randomUUID();
  const inserted = await db
    .insert(matchRuns)
    .values(reports.map((report) => ({ ...modeRunRow(report, loaded, { cohortId, seconds, now }), batchId })))
    .returning({ id: matchRuns.id, mode: matchRuns.mode });
  const optimal = inserted.find((run) => run.mode === 'optimal') ?? inserted[0];
  const view = optimal && (await loadMatchRun(db, cohortId, optimal.id));
  if (!view) throw new Error('insert returned no match run');
  return view;
}

/** The run the cohort page opens on, or null before the first run (a cohort without one is normal). */
export async function getLatestMatchRun(
  db: Db,
  actor: Actor,
  cohortId: string,
): Promise<MatchRunView | null> {
  await requireCohortAdmin(db, actor, cohortId);
  return loadMatchRun(db, cohortId, 'latest');
}

export async function getMatchRun(
  db: Db,
  actor: Actor,
  cohortId: string,
  runId: string,
): Promise<MatchRunView> {
  await requireCohortAdmin(db, actor, cohortId);
  const view = await loadMatchRun(db, cohortId, runId);
  if (!view) throw notFound('match run');
  return view;
}

function rematchView(
  stored: NonNullable<MatchRunRow['proof']>['rematch'],
  nameOf: (applicationId: string) => string,
): MatchRunView['rematch'] {
  if (!stored) return null;
  const guide = (id: string | null) =>
    id === null ? null : { guideApplicationId: id, guideName: nameOf(id) };
  return {
    current: stored.current,
    kept: stored.kept,
    moves: stored.moves.map((move) => ({
      memberApplicationId: move.memberApplicationId,
      memberName: nameOf(move.memberApplicationId),
      from: guide(move.from),
      to: guide(move.to),
    })),
  };
}

type MatchRunRow = typeof matchRuns.$inferSelect;

/** A run with names, its modes side by side and the cohort's overrides; null when there is none. */
async function loadMatchRun(
  db: Db,
  cohortId: string,
  runId: string | 'latest',
): Promise<MatchRunView | null> {
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
  if (!run) return null;
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
    rematch: rematchView(run.proof?.rematch, nameOf),
    overrides: overrides.map((o) => ({
      memberApplicationId: o.memberApplicationId,
      guideApplicationId: o.guideApplicationId,
      decision: o.decision,
    })),
    unconfirmed,
  };
}
