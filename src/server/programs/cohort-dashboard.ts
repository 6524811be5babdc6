import { and, eq, inArray } from 'drizzle-orm';
import { defaultAgreementTerms } from '../../domain/agreements/agreement-terms';
import { computeMomentum } from '../../domain/momentum/compute-momentum';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { actions, agreements, reflections, relationships, sessionPulses, sessions, user } from '../db/schema';
import { requireCohortAdmin } from '../policies/programs';
import { momentumFactsOf } from '../relationships/momentum-facts';

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
// never notes, journals, agendas, feedback or reflections' words. Each pair's state comes from the same
// momentum rule the pair itself sees; everything is loaded in a handful of set queries.
export async function cohortDashboard(
  db: Db,
  actor: Actor,
  cohortId: string,
  now: Date,
): Promise<CohortDashboard> {
  const cohort = await requireCohortAdmin(db, actor, cohortId);
  const rels = await db.select().from(relationships).where(eq(relationships.cohortId, cohortId));
  const ids = rels.map((rel) => rel.id);
  const empty = ids.length === 0;
  const sessionRows = empty
    ? []
    : await db
        .select({
          id: sessions.id,
          relationshipId: sessions.relationshipId,
          startsAt: sessions.startsAt,
          status: sessions.status,
          agendaTopic: sessions.agendaTopic,
        })
        .from(sessions)
        .where(inArray(sessions.relationshipId, ids));
  const actionRows = empty
    ? []
    : await db
        .select({
          relationshipId: actions.relationshipId,
          sessionId: actions.sessionId,
          ownerId: actions.ownerId,
          status: actions.status,
          dueDate: actions.dueDate,
          updatedAt: actions.updatedAt,
        })
        .from(actions)
        .where(inArray(actions.relationshipId, ids));
  const sessionIds = sessionRows.map((s) => s.id);
  const pulseRows =
    sessionIds.length === 0
      ? []
      : await db
          .select({
            sessionId: sessionPulses.sessionId,
            score: sessionPulses.score,
            createdAt: sessionPulses.createdAt,
          })
          .from(sessionPulses)
          .where(inArray(sessionPulses.sessionId, sessionIds));
  const agreementRows = empty
    ? []
    : await db
        .select()
        .from(agreements)
        .where(and(inArray(agreements.relationshipId, ids), eq(agreements.status, 'accepted')));
  const retrospectives = empty
    ? []
    : await db
        .select({ relationshipId: reflections.relationshipId, answers: reflections.answers })
        .from(reflections)
        .where(and(inArray(reflections.relationshipId, ids), eq(reflections.kind, 'retrospective')));
  const names = new Map(
    (
      await db
        .select({ id: user.id, name: user.name, timeZone: user.timeZone })
        .from(user)
        .where(
          inArray(
            user.id,
            rels.flatMap((r) => [r.memberId ?? '', r.guideId ?? '']),
          ),
        )
    ).map((u) => [u.id, u]),
  );

  const sessionOf = new Map(sessionRows.map((s) => [s.id, s]));
  const states = { 'on-track': 0, slipping: 0, 'at-risk': 0 };
  const pairList: CohortDashboard['pairList'] = [];
  // Group once: filtering every list per pair would be quadratic in a large cohort.
  const sessionsBy = groupBy(sessionRows, (s) => s.relationshipId);
  const actionsBy = groupBy(actionRows, (a) => a.relationshipId);
  const pulsesBy = groupBy(pulseRows, (p) => sessionOf.get(p.sessionId)?.relationshipId ?? '');
  const termsBy = new Map<string, { version: number; terms: (typeof agreementRows)[number]['terms'] }>();
  for (const a of agreementRows) {
    const known = termsBy.get(a.relationshipId);
    if (!known || a.version > known.version)
      termsBy.set(a.relationshipId, { version: a.version, terms: a.terms });
  }
  const zoneOf = (userId: string) => names.get(userId)?.timeZone ?? 'UTC';
  for (const rel of rels) {
    const terms = termsBy.get(rel.id)?.terms ?? defaultAgreementTerms(rel.kind);
    const sessionsInOrder = [...(sessionsBy.get(rel.id) ?? [])].sort(
      (a, b) => a.startsAt.getTime() - b.startsAt.getTime(),
    );
    const momentum = computeMomentum(
      momentumFactsOf(
        rel,
        terms.cadence,
        {
          sessions: sessionsInOrder,
          actions: actionsBy.get(rel.id) ?? [],
          pulses: pulsesBy.get(rel.id) ?? [],
        },
        zoneOf,
      ),
      now.toISOString(),
    );
    states[momentum.state] += 1;
    pairList.push({
      relationshipId: rel.id,
      member: names.get(rel.memberId ?? '')?.name ?? '—',
      guide: names.get(rel.guideId ?? '')?.name ?? '—',
      state: momentum.state,
      sessionsLast30Days: momentum.metrics.sessionsLast30Days,
    });
  }

  const heldAll = sessionRows.filter((s) => s.status === 'held' && s.startsAt <= now);
  const startedAt = new Date(`${cohort.startsOn}T00:00:00Z`);
  const monthsRunning = Math.max(1, (now.getTime() - startedAt.getTime()) / (30 * DAY_MS));
  const pulseScores = pulseRows.map((p) => p.score);
  const goals = { yes: 0, partly: 0, no: 0, open: rels.length };
  for (const retro of retrospectives) {
    const achieved = (retro.answers as { goalAchieved?: string }).goalAchieved;
    if (achieved === 'yes' || achieved === 'partly' || achieved === 'no') goals[achieved] += 1;
  }
  goals.open = Math.max(0, rels.length - new Set(retrospectives.map((r) => r.relationshipId)).size);

  const byMonth = new Map<string, { sessions: number; actionsDone: number; pulses: number[] }>();
  const bucket = (date: Date) => {
    const key = date.toISOString().slice(0, 7);
    const entry = byMonth.get(key) ?? { sessions: 0, actionsDone: 0, pulses: [] };
    byMonth.set(key, entry);
    return entry;
  };
  for (const s of heldAll) bucket(s.startsAt).sessions += 1;
  for (const a of actionRows) if (a.status === 'done') bucket(a.updatedAt).actionsDone += 1;
  for (const p of pulseRows) bucket(p.createdAt).pulses.push(p.score);

  return {
    pairs: rels.length,
    states,
    sessionsPerPairPerMonth: {
      actual: rels.length === 0 ? 0 : Math.round((heldAll.length / rels.length / monthsRunning) * 10) / 10,
      target: cohort.sessionsPerMonthTarget,
    },
    actions: { done: actionRows.filter((a) => a.status === 'done').length, total: actionRows.length },
    pulse: { average: average(pulseScores), answers: pulseScores.length },
    goals,
    months: [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, entry]) => ({
        month,
        sessions: entry.sessions,
        actionsDone: entry.actionsDone,
        pulseAverage: average(entry.pulses),
      })),
    pairList,
  };
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function average(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;
}
