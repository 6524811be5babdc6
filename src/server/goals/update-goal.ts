import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { goals } from '../db/schema';
import { getGoal, loadGoal } from './get-goal';
import type { GoalDetail, UpdateGoalInput } from './schemas';

export async function updateGoal(
  db: Db,
  actor: Actor,
  goalId: string,
  input: UpdateGoalInput,
  now: Date,
): Promise<GoalDetail> {
  return db.transaction(async (tx) => {
    await loadGoal(tx, actor, goalId, 'write');
    await tx
      .update(goals)
      .set({ ...input, updatedAt: now })
      .where(eq(goals.id, goalId));
    return getGoal(tx, actor, goalId);
  });
}
