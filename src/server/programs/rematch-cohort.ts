import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { IndexPair } from '../../domain/matching/types';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, matchRuns, relationships } from '../db/schema';
import { requireCohortAdmin } from '../policies/programs';
import { loadCohortProblem } from './load-cohort-problem';
import { getMatchRun } from './match-cohort';
import { modeRunRow } from './mode-run-row';
import type { MatchRunView } from './schemas';
import { solveRematchInWorker } from './solve-in-worker';

/**
 * Rematch mid-cohort with the fewest changes: the cohort's current pairs (active or proposed) are kept
 * wherever they still can be — their people still confirmed, the pair not blocked, the guide's seats
 * still there — and only the rest is solved again (people whose pair ended, people who joined). The
 * result is stored as a run of its own, with who moves, and is published like any run: each new pair
 * is proposed to both people, who accept or decline; kept pairs are not proposed again.
 */
export async function runRematch(db: Db, actor: Actor, cohortId: string, now: Date): Promise<MatchRunView> {
  await requireCohortAdmin(db, actor, cohortId);
  const loaded = await loadCohortProblem(db, cohortId, now);
  const current = await currentPairs(db, cohortId);
  const memberIndex = new Map(loaded.members.map((member, index) => [member.id, index]));
  const guideIndex = new Map(loaded.guides.map((guide, index) => [guide.id, index]));
  const keep: IndexPair[] = [];
  for (const [memberApplicationId, guideApplicationId] of current) {
    const i = memberIndex.get(memberApplicationId);
    const j = guideIndex.get(guideApplicationId);
    if (i !== undefined && j !== undefined) keep.push([i, j]);
  }
  const { problem } = loaded;
  const { report, seconds } = await solveRematchInWorker(
    problem.input,
    problem.constraints,
    keep,
    loaded.guideScore,
  );
  // Who moves, said against the pairs people have now, even where their guide has left the cohort.
  const moves: { memberApplicationId: string; from: string | null; to: string | null }[] = [];
  let kept = 0;
  loaded.members.forEach((member, index) => {
    const from = current.get(member.id) ?? null;
    const mentor = report.solution.menteeMentor[index] ?? -1;
    const to = mentor >= 0 ? (loaded.guides[mentor]?.id ?? null) : null;
    if (from !== null && from === to) kept += 1;
    else if (from !== to) moves.push({ memberApplicationId: member.id, from, to });
  });
  const row = modeRunRow(report, loaded, { cohortId, seconds, now });
  const [inserted] = await db
    .insert(matchRuns)
    .values({
      ...row,
      batchId: randomUUID(),
      proof: {
        ...(row.proof as NonNullable<typeof row.proof>),
        rematch: { current: current.size, kept, moves },
      },
    })
    .returning({ id: matchRuns.id });
  if (!inserted) throw new Error('insert returned no match run');
  return getMatchRun(db, actor, cohortId, inserted.id);
}

/** The cohort's pairs as they stand (active or proposed), by member and guide application id. */
async function currentPairs(db: Db, cohortId: string): Promise<Map<string, string>> {
  const pairs = await db
    .select({ memberId: relationships.memberId, guideId: relationships.guideId })
    .from(relationships)
    .where(and(eq(relationships.cohortId, cohortId), inArray(relationships.status, ['active', 'proposed'])));
  const apps = await db
    .select({ id: applications.id, role: applications.role, userId: applications.confirmedBy })
    .from(applications)
    .where(eq(applications.cohortId, cohortId));
  const appOf = new Map(apps.flatMap((app) => (app.userId ? [[`${app.role}|${app.userId}`, app.id]] : [])));
  const result = new Map<string, string>();
  for (const pair of pairs) {
    const member = appOf.get(`member|${pair.memberId}`);
    const guide = appOf.get(`guide|${pair.guideId}`);
    if (member && guide) result.set(member, guide);
  }
  return result;
}
