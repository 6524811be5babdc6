import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { checkInRatings, checkIns, progressSigns } from '../db/schema';
import { Problem } from '../http/problem';
import { getGoal, loadGoal } from './get-goal';
import type { CheckInInput, GoalDetail } from './schemas';

export async function addCheckIn(
  db: Db,
  actor: Actor,
  goalId: string,
  input: CheckInInput,
  now: Date,
): Promise<GoalDetail> {
  return db.transaction(async (tx) => {
    const goal = await loadGoal(tx, actor, goalId, 'write');
    if (goal.status === 'archived') {
      throw new Problem(409, 'goal-archived', 'This goal is archived. Restore it before checking in.');
    }
    const signs = await tx.select().from(progressSigns).where(eq(progressSigns.goalId, goalId));
    const activeIds = new Set(signs.filter((sign) => sign.retiredAt === null).map((sign) => sign.id));
    const seen = new Set<string>();
    input.ratings.forEach((rating, index) => {
      const field = `ratings.${index}.signId`;
      if (!activeIds.has(rating.signId)) {
        throw new Problem(422, 'unknown-sign', 'That sign of progress does not belong to this goal.', field);
      }
      if (seen.has(rating.signId))
        throw new Problem(422, 'duplicate-sign', 'Each sign is rated once.', field);
      seen.add(rating.signId);
    });
    const [checkIn] = await tx
      .insert(checkIns)
      .values({ goalId, note: input.note, createdAt: now })
      .returning();
    if (!checkIn) throw new Error('insert returned no check-in');
    await tx.insert(checkInRatings).values(
      input.ratings.map((rating) => ({
        checkInId: checkIn.id,
        signId: rating.signId,
        score: rating.score,
      })),
    );
    return getGoal(tx, actor, goalId);
  });
}
