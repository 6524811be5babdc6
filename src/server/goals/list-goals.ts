import { and, desc, eq, inArray, max } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { checkIns, goals, progressSigns } from '../db/schema';
import { presentGoal } from './present';
import type { Goal } from './schemas';

export async function listGoals(
  db: Db,
  actor: Actor,
  status: 'active' | 'achieved' | 'archived' | 'all',
): Promise<Goal[]> {
  const mine = eq(goals.userId, actor.userId);
  const rows = await db
    .select()
    .from(goals)
    .where(status === 'all' ? mine : and(mine, eq(goals.status, status)))
    .orderBy(desc(goals.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const signs = await db.select().from(progressSigns).where(inArray(progressSigns.goalId, ids));
  const lastCheckIns = await db
    .select({ goalId: checkIns.goalId, at: max(checkIns.createdAt) })
    .from(checkIns)
    .where(inArray(checkIns.goalId, ids))
    .groupBy(checkIns.goalId);
  const lastByGoal = new Map(lastCheckIns.map((row) => [row.goalId, row.at]));
  return rows.map((row) => presentGoal(row, signs, lastByGoal.get(row.id) ?? null, actor.timeZone));
}
