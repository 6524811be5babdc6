import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { preparedPerDb } from '../db/prepared';
import { checkIns, goals, progressSigns } from '../db/schema';
import { presentGoalWithSigns } from './present';
import type { Goal } from './schemas';

type SignView = Goal['signs'][number];

// One round trip for the list: each goal with its live signs (in order) and its last check-in, as
// correlated subqueries, instead of three queries per request.
const listColumns = {
  goal: goals,
  signs: sql<SignView[]>`coalesce((
    select json_agg(json_build_object('id', ${progressSigns.id}, 'label', ${progressSigns.label},
      'position', ${progressSigns.position}) order by ${progressSigns.position})
    from ${progressSigns}
    where ${progressSigns.goalId} = ${goals.id} and ${progressSigns.retiredAt} is null), '[]'::json)`,
  // Epoch milliseconds: the same number on PGlite and node-postgres, whatever their timestamp parsing.
  lastCheckInMs: sql<number | null>`(
    select (extract(epoch from max(${checkIns.createdAt})) * 1000)::float8
    from ${checkIns} where ${checkIns.goalId} = ${goals.id})`,
};

const allGoals = preparedPerDb((db) =>
  db
    .select(listColumns)
    .from(goals)
    .where(eq(goals.userId, sql.placeholder('userId')))
    .orderBy(desc(goals.createdAt))
    .prepare('list_goals_all'),
);

const goalsByStatus = preparedPerDb((db) =>
  db
    .select(listColumns)
    .from(goals)
    .where(and(eq(goals.userId, sql.placeholder('userId')), eq(goals.status, sql.placeholder('status'))))
    .orderBy(desc(goals.createdAt))
    .prepare('list_goals_by_status'),
);

export async function listGoals(
  db: Db,
  actor: Actor,
  status: 'active' | 'achieved' | 'archived' | 'all',
): Promise<Goal[]> {
  const rows =
    status === 'all'
      ? await allGoals(db).execute({ userId: actor.userId })
      : await goalsByStatus(db).execute({ userId: actor.userId, status });
  return rows.map((row) =>
    presentGoalWithSigns(
      row.goal,
      row.signs,
      row.lastCheckInMs === null ? null : new Date(Number(row.lastCheckInMs)),
      actor.timeZone,
    ),
  );
}
