import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVariedCohort } from '../../../test/support/cohort-fixture';
import { json } from '../../../test/support/relationship-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { defaultAgreementTerms } from '../../domain/agreements/agreement-terms';
import {
  actions,
  agreements,
  cohortActivity,
  cohorts,
  reflections,
  relationships,
  sessionPulses,
  sessions,
  storedHealth,
  user,
} from '../db/schema';
import { loadPeople } from '../relationships/load-relationship';
import { relationshipHealth } from '../relationships/relationship-health';
import { cohortPairHealth, refreshStaleHealth, refreshStoredHealth } from './stored-health';

// The dashboard reads stored states and monthly counts. Whatever is written, and however time moves,
// they must say what counting every row says, and each pair's state must be the one it sees itself.
const NOW = new Date('2027-03-10T12:00:00Z');
const DAY = 86_400_000;
let t: TestApp;
let admin: Member;
let cohortA: string;
let cohortB: string;
let pairsA: string[];
let pairsB: string[];
let usersA: string[];

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

async function createCohort(name: string) {
  const program = await json<{ id: string }>(
    await admin.request('/api/v1/programs', { method: 'POST', body: { name: `${name} program` } }),
    201,
  );
  const cohort = await json<{ id: string }>(
    await admin.request(`/api/v1/programs/${program.id}/cohorts`, {
      method: 'POST',
      body: {
        name,
        applicationsOpen: '2026-09-01',
        applicationsClose: '2026-09-30',
        matchingOn: '2026-10-05',
        startsOn: '2026-10-10',
        endsOn: '2027-06-30',
      },
    }),
    201,
  );
  return cohort.id;
}

beforeAll(async () => {
  t = await createTestApp(NOW);
  admin = await signUp(t, 'Rollup Admin');
  cohortA = await createCohort('Cohort A');
  cohortB = await createCohort('Cohort B');
  const tag = `rollup-${process.pid}`;
  ({ relationshipIds: pairsA, userIds: usersA } = await seedVariedCohort(t.database.db, {
    cohortId: cohortA,
    now: NOW,
    pairs: 30,
    seed: 11,
    tag: `${tag}-a`,
  }));
  ({ relationshipIds: pairsB } = await seedVariedCohort(t.database.db, {
    cohortId: cohortB,
    now: NOW,
    pairs: 6,
    seed: 12,
    tag: `${tag}-b`,
  }));
});
afterAll(() => t.close());

// Counting every row of the cohort's pairs, as the dashboard used to.
async function countedFromScratch(cohortId: string) {
  return rowsOf<Record<string, number | string>>(
    await t.database.db.execute(sql`
      select to_char(x.month, 'YYYY-MM-DD') as month, sum(x.held)::int as "heldSessions",
        sum(x.created)::int as actions, sum(x.done)::int as "actionsDone", sum(x.pulses)::int as pulses,
        sum(x.total)::int as "pulseTotal"
      from (
        select relationship_id, corner_month(starts_at) as month, 1 as held, 0 as created, 0 as done,
          0 as pulses, 0 as total from sessions where status = 'held'
        union all select relationship_id, corner_month(created_at), 0, 1, 0, 0, 0 from actions
        union all select relationship_id, corner_month(updated_at), 0, 0, 1, 0, 0 from actions where status = 'done'
        union all select s.relationship_id, corner_month(p.created_at), 0, 0, 0, 1, p.score
          from session_pulses p join sessions s on s.id = p.session_id
      ) as x join relationships r on r.id = x.relationship_id
      where r.cohort_id = ${cohortId}
      group by x.month order by x.month`),
  );
}

async function stored(cohortId: string) {
  const rows = await t.database.db
    .select()
    .from(cohortActivity)
    .where(eq(cohortActivity.cohortId, cohortId))
    .orderBy(cohortActivity.month);
  return rows
    .filter((row) => row.heldSessions + row.actions + row.actionsDone + row.pulses !== 0)
    .map(({ cohortId: _, ...row }) => row);
}

async function ownStates(ids: string[], now: Date) {
  const db = t.database.db;
  const rels = await db.select().from(relationships).where(inArray(relationships.id, ids));
  const states = new Map<string, { state: string; sessionsLast30Days: number }>();
  for (const rel of rels) {
    const { momentum } = await relationshipHealth(
      db,
      rel,
      await loadPeople(db, [rel.memberId, rel.guideId]),
      now,
    );
    states.set(rel.id, { state: momentum.state, sessionsLast30Days: momentum.metrics.sessionsLast30Days });
  }
  return states;
}

async function staleCount(cohortId: string, now: Date) {
  const [row] = rowsOf<{ n: number }>(
    await t.database.db.execute(sql`
      select count(*)::int as n from relationship_health h where h.cohort_id = ${cohortId}
        and not coalesce(h.computed_generation = h.generation and h.computed_at <= ${now.toISOString()}::timestamptz
          and (h.stable_until is null or h.stable_until > ${now.toISOString()}::timestamptz
            or h.computed_at = ${now.toISOString()}::timestamptz), false)`),
  );
  return row?.n ?? -1;
}

async function expectStatesAsOwn(cohortId: string, now: Date) {
  const pairs = await cohortPairHealth(t.database.db, cohortId, now);
  const own = await ownStates(
    pairs.map((pair) => pair.relationshipId),
    now,
  );
  expect(pairs.length).toBe(own.size);
  for (const pair of pairs) {
    expect({ id: pair.relationshipId, ...own.get(pair.relationshipId) }).toEqual({
      id: pair.relationshipId,
      state: pair.state,
      sessionsLast30Days: pair.sessionsLast30Days,
    });
  }
  return pairs;
}

describe('cohort activity counts', () => {
  it('match a count from scratch once the pairs have their history', async () => {
    expect(await stored(cohortA)).toEqual(await countedFromScratch(cohortA));
    expect(await stored(cohortB)).toEqual(await countedFromScratch(cohortB));
    expect((await stored(cohortA)).length).toBeGreaterThan(3);
  });

  it('stay right through updates, deletions, a pair moving and a cohort deleted', async () => {
    const db = t.database.db;
    const held = await db
      .select()
      .from(sessions)
      .where(and(inArray(sessions.relationshipId, pairsA), eq(sessions.status, 'held')));
    const [first, second, third] = held;
    if (!first || !second || !third) throw new Error('fixture has too few held sessions');
    await db.update(sessions).set({ status: 'cancelled' }).where(eq(sessions.id, first.id));
    await db
      .update(sessions)
      .set({ startsAt: new Date(second.startsAt.getTime() - 40 * DAY) })
      .where(eq(sessions.id, second.id));
    await db.update(sessions).set({ sharedNotes: 'only notes changed' }).where(eq(sessions.id, third.id));
    await db.delete(sessions).where(eq(sessions.id, third.id));
    await db
      .update(sessions)
      .set({ status: 'held' })
      .where(and(inArray(sessions.relationshipId, pairsA), eq(sessions.status, 'no-show')));

    const someActions = await db
      .select()
      .from(actions)
      .where(inArray(actions.relationshipId, pairsA))
      .limit(12);
    for (const [index, action] of someActions.entries()) {
      if (index % 3 === 0)
        await db.update(actions).set({ status: 'done', updatedAt: NOW }).where(eq(actions.id, action.id));
      if (index % 3 === 1)
        await db.update(actions).set({ outcome: 'Edited', updatedAt: NOW }).where(eq(actions.id, action.id));
      if (index % 3 === 2) await db.delete(actions).where(eq(actions.id, action.id));
    }
    const somePulses = await db
      .select({ sessionId: sessionPulses.sessionId, userId: sessionPulses.userId })
      .from(sessionPulses)
      .innerJoin(sessions, eq(sessions.id, sessionPulses.sessionId))
      .where(inArray(sessions.relationshipId, pairsA))
      .limit(4);
    for (const [index, pulse] of somePulses.entries()) {
      const where = and(eq(sessionPulses.sessionId, pulse.sessionId), eq(sessionPulses.userId, pulse.userId));
      if (index % 2 === 0) await db.update(sessionPulses).set({ score: 1 }).where(where);
      else await db.delete(sessionPulses).where(where);
    }

    // A member's account goes (and the pair with it); one pair moves to B, another leaves any cohort.
    const [gone, moved, left] = pairsA.slice(-3);
    const [goneRel] = await db
      .select()
      .from(relationships)
      .where(eq(relationships.id, gone ?? ''));
    await db.delete(user).where(eq(user.id, goneRel?.memberId ?? ''));
    await db
      .update(relationships)
      .set({ cohortId: cohortB })
      .where(eq(relationships.id, moved ?? ''));
    await db
      .update(relationships)
      .set({ cohortId: null })
      .where(eq(relationships.id, left ?? ''));

    expect(await stored(cohortA)).toEqual(await countedFromScratch(cohortA));
    expect(await stored(cohortB)).toEqual(await countedFromScratch(cohortB));

    await db.delete(cohorts).where(eq(cohorts.id, cohortB));
    expect(await db.select().from(cohortActivity).where(eq(cohortActivity.cohortId, cohortB))).toEqual([]);
    pairsA = pairsA.slice(0, -3);
    pairsB = [];
  });
});

describe('stored pair states', () => {
  it('are the pairs’ own, and stay stored while nothing changes', async () => {
    await expectStatesAsOwn(cohortA, NOW);
    expect(await staleCount(cohortA, NOW)).toBe(0);
  });

  it('follow writes: a session held, an overdue action, new terms, a time zone, a name', async () => {
    const db = t.database.db;
    const [a, b, c] = pairsA;
    const [scheduled] = await db
      .select()
      .from(sessions)
      .where(and(inArray(sessions.relationshipId, pairsA), eq(sessions.status, 'scheduled')))
      .limit(1);
    if (scheduled) await db.update(sessions).set({ status: 'held' }).where(eq(sessions.id, scheduled.id));
    const [relA] = await db
      .select()
      .from(relationships)
      .where(eq(relationships.id, a ?? ''));
    if (!relA?.memberId) throw new Error('fixture pair without member');
    await db.insert(actions).values({
      relationshipId: relA.id,
      ownerId: relA.memberId,
      kind: 'practical',
      title: 'Overdue on purpose',
      dueDate: '2027-03-01',
      createdAt: NOW,
      updatedAt: NOW,
    });
    await db.insert(agreements).values({
      relationshipId: b ?? '',
      version: 9,
      terms: { ...defaultAgreementTerms('mentoring'), cadence: 'monthly' },
      status: 'accepted',
      proposedBy: relA.memberId,
      proposedAt: NOW,
    });
    const [relC] = await db
      .select()
      .from(relationships)
      .where(eq(relationships.id, c ?? ''));
    await db
      .update(user)
      .set({ timeZone: 'Pacific/Kiritimati' })
      .where(eq(user.id, relC?.memberId ?? ''));
    await db.update(user).set({ name: 'Renamed Member' }).where(eq(user.id, relA.memberId));

    expect(await staleCount(cohortA, NOW)).toBeGreaterThanOrEqual(3);
    const pairs = await expectStatesAsOwn(cohortA, NOW);
    expect(pairs.find((pair) => pair.relationshipId === relA.id)?.member).toBe('Renamed Member');
    expect(await staleCount(cohortA, NOW)).toBe(0);
  });

  it('follow the clock, recomputing only the pairs time has changed', async () => {
    for (const hours of [1, 30, 24 * 5, 24 * 21, 24 * 45]) {
      const now = new Date(NOW.getTime() + hours * 3_600_000);
      const stale = await staleCount(cohortA, now);
      if (hours === 1) expect(stale).toBeLessThan(pairsA.length / 2);
      await expectStatesAsOwn(cohortA, now);
      expect(await staleCount(cohortA, now)).toBe(0);
    }
  });

  it('are brought up to date by the refresh job', async () => {
    const now = new Date(NOW.getTime() + 45 * DAY);
    for (const id of pairsA.slice(0, 3))
      await t.database.db.execute(sql`select corner_touch_health(${id}::uuid)`);
    expect(await staleCount(cohortA, now)).toBe(3);
    expect(await refreshStaleHealth(t.database.db, now)).toBeGreaterThanOrEqual(3);
    expect(await staleCount(cohortA, now)).toBe(0);
    await expectStatesAsOwn(cohortA, now);
  });

  it('are not stored over a write that came in while they were computed', async () => {
    const db = t.database.db;
    const id = pairsA[0] ?? '';
    const [before] = await db.select().from(storedHealth).where(eq(storedHealth.relationshipId, id));
    if (!before) throw new Error('no stored health');
    await db.execute(sql`select corner_touch_health(${id}::uuid)`);
    // Computed from the generation read before the write: not stored.
    await refreshStoredHealth(db, [{ relationshipId: id, generation: before.generation }], NOW);
    const [after] = await db.select().from(storedHealth).where(eq(storedHealth.relationshipId, id));
    expect(after?.generation).toBe(before.generation + 1);
    expect(after?.computedGeneration).not.toBe(after?.generation);
  });
});

describe('the cohort dashboard', () => {
  it('shows what counting every row shows, and nothing the pairs wrote', async () => {
    const db = t.database.db;
    const [x, y] = pairsA;
    const [relX] = await db
      .select()
      .from(relationships)
      .where(eq(relationships.id, x ?? ''));
    if (!relX?.memberId || !relX.guideId) throw new Error('fixture pair without people');
    await db.insert(reflections).values([
      {
        relationshipId: relX.id,
        authorId: relX.memberId,
        kind: 'retrospective',
        answers: { takeaways: 'Private words', goalAchieved: 'yes' },
        createdAt: NOW,
      },
      {
        relationshipId: relX.id,
        authorId: relX.guideId,
        kind: 'retrospective',
        answers: { takeaways: 'Private words', goalAchieved: 'partly' },
        createdAt: NOW,
      },
      {
        relationshipId: y ?? '',
        authorId: relX.memberId,
        kind: 'midpoint',
        answers: { takeaways: 'Private words' },
        createdAt: NOW,
      },
    ]);
    t.clock.now = NOW;
    const response = await admin.request(`/api/v1/cohorts/${cohortA}/dashboard`);
    const text = await response.text();
    expect(response.status).toBe(200);
    for (const secret of ['Private words', 'What to bring', 'Next step', 'Think it over', 'Edited'])
      expect(text).not.toContain(secret);
    const dashboard = JSON.parse(text) as {
      pairs: number;
      states: Record<string, number>;
      actions: { done: number; total: number };
      pulse: { average: number | null; answers: number };
      goals: Record<string, number>;
      months: { month: string; sessions: number; actionsDone: number; pulseAverage: number | null }[];
      pairList: { relationshipId: string; state: string; sessionsLast30Days: number }[];
    };
    const own = await ownStates(pairsA, NOW);
    expect(dashboard.pairs).toBe(pairsA.length);
    const states = { 'on-track': 0, slipping: 0, 'at-risk': 0 };
    for (const { state } of own.values()) states[state as keyof typeof states] += 1;
    expect(dashboard.states).toEqual(states);
    for (const pair of dashboard.pairList) expect(pair.state).toBe(own.get(pair.relationshipId)?.state);

    const months = await countedFromScratch(cohortA);
    const sum = (key: string) => months.reduce((total, month) => total + Number(month[key]), 0);
    expect(dashboard.actions).toEqual({ done: sum('actionsDone'), total: sum('actions') });
    expect(dashboard.pulse.answers).toBe(sum('pulses'));
    expect(dashboard.pulse.average).toBe(Math.round((sum('pulseTotal') / sum('pulses')) * 10) / 10);
    expect(dashboard.months).toEqual(
      months
        .filter((m) => Number(m.heldSessions) + Number(m.actionsDone) + Number(m.pulses) > 0)
        .map((m) => ({
          month: String(m.month).slice(0, 7),
          sessions: m.heldSessions,
          actionsDone: m.actionsDone,
          pulseAverage:
            Number(m.pulses) === 0 ? null : Math.round((Number(m.pulseTotal) / Number(m.pulses)) * 10) / 10,
        })),
    );
    expect(dashboard.goals).toEqual({ yes: 1, partly: 1, no: 0, open: pairsA.length - 1 });
    expect(usersA.length).toBeGreaterThan(0);
    expect(pairsB).toEqual([]);
  });
});
