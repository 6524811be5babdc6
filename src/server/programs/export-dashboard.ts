import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { cohorts } from '../db/schema';
import { stringifyCsv } from '../http/csv';
import { cohortDashboard } from './cohort-dashboard';

const stateLabels: Record<string, string> = {
  'on-track': 'on track',
  slipping: 'slipping',
  'at-risk': 'at risk',
};

// The dashboard's pair list as a spreadsheet, for programs that report upwards in one: the same states
// and counts the page shows (the same operation and policy), never anything a pair wrote.
export async function exportDashboard(db: Db, actor: Actor, cohortId: string, now: Date): Promise<string> {
  const dashboard = await cohortDashboard(db, actor, cohortId, now);
  const [cohort] = await db
    .select({ programId: cohorts.programId })
    .from(cohorts)
    .where(eq(cohorts.id, cohortId));
  await recordAuditEvent(db, {
    actor: actor.userId,
    action: 'export.pair-health',
    target: `cohort:${cohortId}`,
    programId: cohort?.programId ?? null,
    meta: { rows: dashboard.pairList.length },
  });
  return stringifyCsv(
    dashboard.pairList.map((pair) => [
      pair.member,
      pair.guide,
      (stateLabels[pair.state] ?? pair.state).toLowerCase(),
      pair.sessionsLast30Days,
    ]),
    { header: true, columns: ['member', 'guide', 'state', 'sessions_last_30_days'] },
  );
}
