import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, matchOverrides, pairEndings, relationships, repairSteps } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import { recordNotification } from '../notifications/record-reminders';
import { requireCohortAdmin } from '../policies/programs';

export const endingReasons = [
  'schedule',
  'fit',
  'goal-changed',
  'left-organisation',
  'unresponsive',
  'other',
] as const;
export type EndingReason = (typeof endingReasons)[number];

// The repair flow's last step: a graceful close with a structured reason (counted in the early
// endings), and the first pair blocked, so the next matching run — the same engine — rematches both
// people with someone else.
export async function closePair(
  db: Db,
  actor: Actor,
  cohortId: string,
  relationshipId: string,
  reason: EndingReason,
  now: Date,
): Promise<{ closed: true; blockedForRematch: boolean }> {
  await requireCohortAdmin(db, actor, cohortId);
  return db.transaction(async (tx) => {
    const [pair] = await tx
      .select()
      .from(relationships)
      .where(and(eq(relationships.id, relationshipId), eq(relationships.cohortId, cohortId)));
    if (!pair) throw notFound('pair in this cohort');
    if (pair.status !== 'active' || !pair.memberId || !pair.guideId) {
      throw new Problem(409, 'pair-not-active', 'Only an active pair can be closed.');
    }
    await tx
      .update(relationships)
      .set({ status: 'closed', closedAt: now })
      .where(eq(relationships.id, relationshipId));
    await tx.insert(pairEndings).values({ relationshipId, reason, closedBy: actor.userId, createdAt: now });
    await tx
      .insert(repairSteps)
      .values({ relationshipId, kind: 'close', takenBy: actor.userId, createdAt: now });
    const applicationOf = async (role: 'member' | 'guide', userId: string) => {
      const [row] = await tx
        .select({ id: applications.id })
        .from(applications)
        .where(
          and(
            eq(applications.cohortId, cohortId),
            eq(applications.role, role),
            eq(applications.confirmedBy, userId),
          ),
        );
      return row?.id ?? null;
    };
    const memberApplicationId = await applicationOf('member', pair.memberId);
    const guideApplicationId = await applicationOf('guide', pair.guideId);
    if (memberApplicationId && guideApplicationId) {
      await tx
        .insert(matchOverrides)
        .values({ cohortId, memberApplicationId, guideApplicationId, decision: 'block' })
        .onConflictDoUpdate({
          target: [matchOverrides.memberApplicationId, matchOverrides.guideApplicationId],
          set: { decision: 'block' },
        });
    }
    for (const userId of [pair.memberId, pair.guideId]) {
      await recordNotification(
        tx,
        {
          userId,
          key: `repair:close:${relationshipId}`,
          kind: 'repair-close',
          text: 'Your program team has closed this pairing with care. Thank you both; the program will offer a new match.',
          link: `/relationships/${relationshipId}`,
        },
        now,
      );
    }
    return { closed: true as const, blockedForRematch: Boolean(memberApplicationId && guideApplicationId) };
  });
}
