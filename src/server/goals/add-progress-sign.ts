import { eq, max } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { progressSigns } from '../db/schema';
import { Problem } from '../http/problem';
import { getGoal, loadGoal } from './get-goal';
import type { GoalDetail } from './schemas';

const MAX_ACTIVE_SIGNS = 6;

export async function addProgressSign(
  db: Db,
  actor: Actor,
  goalId: string,
  label: string,
): Promise<GoalDetail> {
  return db.transaction(async (tx) => {
    await loadGoal(tx, actor, goalId, 'write');
    const existing = await tx.select().from(progressSigns).where(eq(progressSigns.goalId, goalId));
    if (existing.filter((sign) => sign.retiredAt === null).length >= MAX_ACTIVE_SIGNS) {
      throw new Problem(
        422,
        'too-many-signs',
        `A goal keeps at most ${MAX_ACTIVE_SIGNS} signs of progress.`,
        'label',
      );
    }
    const [top] = await tx
      .select({ position: max(progressSigns.position) })
      .from(progressSigns)
      .where(eq(progressSigns.goalId, goalId));
    await tx.insert(progressSigns).values({ goalId, label, position: (top?.position ?? -1) + 1 });
    return getGoal(tx, actor, goalId);
  });
}
