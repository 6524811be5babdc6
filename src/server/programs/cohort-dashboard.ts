import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { cohortActivity, reflections, relationships } from '../db/schema';
import { requireCohortAdmin } from '../policies/programs';
import { cohortPairHealth } from './stored-health';

const DAY_MS = 86_400_000;

export type CohortDashboard = {
  pairs: number;
  states: { 'on-track': number; slipping: number; 'at-risk': number };
  sessionsPerPairPerMonth: { actual: number; target: number };
  actions: { done: number; total: number };
  pulse: { average: number | null; answers: number };
  goals: { yes: number; partly: number; no: number; open: number };
  months: { month: string; sessions: number; actionsDone: number; pulseAverage: number | null }[];
  pairList: {
    relationshipId: string;
    member: string;
    guide: string;
    state: string;
    sessionsLast30Days: number;
  }[];
};

// What a program admin may see of its pairs (PRODUCT.md §3): health states, counts and aggregates —
// never notes, journals, agendas, feedback or reflections' words. Nothing here reads a pair's history
// row by row: each pair's state is the one stored for it (recomputed by the momentum rule the pair
// sees, from the rows that matter, when a write or the clock has made it stale) and the charts come
// from the cohort's monthly counts, kept by triggers (see the dashboard_rollups migration).
export async function cohortDashboard(
  db: Db,
  actor: Actor,
  cohortId: string,
  now: Date,
): Promise<CohortDashboard> {
  const cohort = await requireCohortAdmin(db, actor, cohortId);
  const [pairs, activity, retrospectives] = await Promise.all([
    cohortPairHealth(db, cohortId, now),
    db
      .select()
      .from(cohortActivity)
      .where(eq(cohortActivity.cohortId, cohortId))
      .orderBy(asc(cohortActivity.month)),
    db
      .select({ relationshipId: reflections.relationshipId, answers: reflections.answers })
      .from(reflections)
      .innerJoin(relationships, eq(relationships.id, reflections.relationshipId))
      .where(and(eq(relationships.cohortId, cohortId), eq(reflections.kind, 'retrospective'))),
  ]);

  const states = { 'on-track': 0, slipping: 0, 'at-risk': 0 };
  for (const pair of pairs) states[pair.state] += 1;

  const total = { held: 0, actions: 0, done: 0, pulses: 0, pulseTotal: 0 };
  for (const month of activity) {
    total.held += month.heldSessions;
    total.actions += month.actions;
    total.done += month.actionsDone;
    total.pulses += month.pulses;
    total.pulseTotal += month.pulseTotal;
  }
  const startedAt = new Date(`${cohort.startsOn}T00:00:00Z`);
  const monthsRunning = Math.max(1, (now.getTime() - startedAt.getTime()) / (30 * DAY_MS));
  const goals = { yes: 0, partly: 0, no: 0, open: pairs.length };
  for (const retro of retrospectives) {
    const achieved = (retro.answers as { goalAchieved?: string }).goalAchieved;
    if (achieved === 'yes' || achieved === 'partly' || achieved === 'no') goals[achieved] += 1;
  }
  goals.open = Math.max(0, pairs.length - new Set(retrospectives.map((r) => r.relationshipId)).size);

  return {
    pairs: pairs.length,
    states,
    sessionsPerPairPerMonth: {
      actual: pairs.length === 0 ? 0 : Math.round((total.held / pairs.length / monthsRunning) * 10) / 10,
      target: cohort.sessionsPerMonthTarget,
    },
    actions: { done: total.done, total: total.actions },
    pulse: { average: average(total.pulseTotal, total.pulses), answers: total.pulses },
    goals,
    // A month shows once something happened in it: a session held, an action done or a pulse given.
    months: activity
      .filter((month) => month.heldSessions + month.actionsDone + month.pulses > 0)
      .map((month) => ({
        month: month.month.slice(0, 7),
        sessions: month.heldSessions,
        actionsDone: month.actionsDone,
        pulseAverage: average(month.pulseTotal, month.pulses),
      })),
    // Each line is already just the pair's id, names, state and count.
    pairList: pairs,
  };
}

function average(sum: number, count: number): number | null {
  if (count === 0) return null;
  return Math.round((sum / count) * 10) / 10;
}
