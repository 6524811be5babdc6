import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { relationships, repairSteps } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import { recordNotification } from '../notifications/record-reminders';
import { requireCohortAdmin } from '../policies/programs';

export type RepairStepKind = 'nudge' | 'check-in-offer';

const texts: Record<RepairStepKind, string> = {
  nudge:
    'Your program team noticed your pair has gone quiet. A short message to each other, or booking the next session, is often all it takes.',
  'check-in-offer':
    'Your program team offers you a short check-in about how your pair is going. Reply to them, or book it from your relationship page.',
};

// The repair flow's first steps: the same sentence to both people, in-app and in their next digest.
// One of each kind per pair and day (the notification key carries the day), so an admin pressing twice
// never floods a pair.
export async function takeRepairStep(
  db: Db,
  actor: Actor,
  cohortId: string,
  relationshipId: string,
  kind: RepairStepKind,
  now: Date,
): Promise<{ notified: number }> {
  await requireCohortAdmin(db, actor, cohortId);
  return db.transaction(async (tx) => {
    const [pair] = await tx
      .select({
        memberId: relationships.memberId,
        guideId: relationships.guideId,
        status: relationships.status,
      })
      .from(relationships)
      .where(and(eq(relationships.id, relationshipId), eq(relationships.cohortId, cohortId)));
    if (!pair) throw notFound('pair in this cohort');
    if (pair.status !== 'active' || !pair.memberId || !pair.guideId) {
      throw new Problem(409, 'pair-not-active', 'Only an active pair can be nudged or offered a check-in.');
    }
    const day = now.toISOString().slice(0, 10);
    let notified = 0;
    for (const userId of [pair.memberId, pair.guideId]) {
      const fresh = await recordNotification(
        tx,
        {
          userId,
          key: `repair:${kind}:${relationshipId}:${day}`,
          kind: `repair-${kind}`,
          text: texts[kind],
          link: `/relationships/${relationshipId}`,
        },
        now,
      );
      if (fresh) notified += 1;
    }
    if (notified === 0) {
      throw new Problem(
        409,
        'already-sent-today',
        kind === 'nudge'
          ? 'This pair was already nudged today; one nudge a day is enough.'
          : 'This pair was already offered a check-in today.',
      );
    }
    await tx.insert(repairSteps).values({ relationshipId, kind, takenBy: actor.userId, createdAt: now });
    return { notified };
  });
}
