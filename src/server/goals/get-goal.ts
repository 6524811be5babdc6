import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { checkInRatings, checkIns, goals, progressSigns } from '../db/schema';
import { notFound } from '../http/problem';
import { goalPolicy } from '../policies/goals';
import { presentGoalDetail } from './present';
import type { GoalDetail } from './schemas';

export async function loadGoal(db: Db | Tx, actor: Actor, goalId: string, access: 'read' | 'write') {
  const [goal] = await db.select().from(goals).where(eq(goals.id, goalId));
  const allowed =
    goal && (access === 'read' ? goalPolicy.canRead(actor, goal) : goalPolicy.canWrite(actor, goal));
  if (!goal || !allowed) throw notFound('goal');
  return goal;
}

export async function getGoal(db: Db | Tx, actor: Actor, goalId: string): Promise<GoalDetail> {
  const goal = await loadGoal(db, actor, goalId, 'read');
  const signs = await db.select().from(progressSigns).where(eq(progressSigns.goalId, goal.id));
  const checkInRows = await db
    .select()
    .from(checkIns)
    .where(eq(checkIns.goalId, goal.id))
    .orderBy(asc(checkIns.createdAt));
  const ratings =
    checkInRows.length === 0
      ? []
      : await db
          .select()
          .from(checkInRatings)
          .where(
            inArray(
              checkInRatings.checkInId,
              checkInRows.map((row) => row.id),
            ),
          );
  return presentGoalDetail(goal, signs, checkInRows, ratings, actor.timeZone);
}
