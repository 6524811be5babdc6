import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { goals, progressSigns } from '../db/schema';
import { getGoal } from './get-goal';
import type { CreateGoalInput, GoalDetail } from './schemas';

// A vague goal is saved all the same: the checker advises, the member decides. The goal page shows
// the checker's reasons and a rewrite right away.
export async function createGoal(
  db: Db,
  actor: Actor,
  input: CreateGoalInput,
  now: Date,
): Promise<GoalDetail> {
  return db.transaction(async (tx) => {
    const [goal] = await tx
      .insert(goals)
      .values({
        userId: actor.userId,
        title: input.title,
        category: input.category,
        targetDate: input.targetDate,
        motivation: input.motivation,
        pattern: input.pattern,
        sharedWithGuides: input.sharedWithGuides,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!goal) throw new Error('insert returned no goal');
    if (input.signs.length > 0) {
      await tx
        .insert(progressSigns)
        .values(input.signs.map((sign, position) => ({ goalId: goal.id, label: sign.label, position })));
    }
    return getGoal(tx, actor, goal.id);
  });
}
