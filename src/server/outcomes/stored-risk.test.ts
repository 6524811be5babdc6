import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCohortPair, insertPairSession, type SeededPair } from '../../../test/support/cohort-pairs';
import { createProgramCohort } from '../../../test/support/program-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { AT_RISK_MAX_PAGE_SIZE } from '../../domain/settings/outcomes';
import { actions, agreements, relationshipMessages, repairSteps, sessions } from '../db/schema';
import { refreshStaleRisk } from './pair-risk';

// The at-risk list keeps each pair's risk with its dashboard line and recomputes it only when a write
// or the passing of time makes it stale. These tests hold the kept list to a cold computation from the
// facts at every step of a month in which sessions begin, leave the recent window, messages age and
// people write: whatever the list kept, it must say what the facts say now.

const DAY = 86_400_000;
let t: TestApp;
let admin: Member;
let cohortId: string;
type Pair = SeededPair;
const pairs: Record<string, Pair> = {};
const at = (days: number) => new Date(t.clock.now.getTime() + days * DAY);

type Listed = { relationshipId: string; level: string; signals: { code: string; reason: string }[] };

const read = async () => {
  const response = await admin.request(
    `/api/v1/cohorts/${cohortId}/at-risk?pageSize=${AT_RISK_MAX_PAGE_SIZE}`,
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { pairs: Listed[] }).pairs;
};
const forget = () =>
  t.database.db.execute(
    sql`update relationship_health set risk_generation = -1 where cohort_id = ${cohortId}`,
  );
const keptCount = async () =>
  Number(
    (
      (await t.database.db.execute(sql`select count(*) as n from relationship_health
        where cohort_id = ${cohortId} and risk_generation = generation`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]?.n,
  );

async function seed() {
  const db = t.database.db;
  let n = 0;
  const pair = async (name: string): Promise<Pair> => {
    n += 1;
    const made = await insertCohortPair(db, {
      cohortId,
      memberId: `sr-m${n}`,
      guideId: `sr-g${n}`,
      memberName: name,
      guideName: `Guide ${n}`,
      createdAt: at(-25),
      acceptedAt: at(-20),
    });
    pairs[name] = made;
    return made;
  };
  const session = (p: Pair, days: number, status: 'held' | 'scheduled' | 'cancelled' | 'no-show') =>
    insertPairSession(db, p, at(days), status, at(-20));
  const message = (p: Pair, who: 'member' | 'guide', days: number) =>
    db.insert(relationshipMessages).values({
      relationshipId: p.id,
      authorId: who === 'member' ? p.memberId : p.guideId,
      body: 'Words the list never reads',
      createdAt: at(days),
    });

  // A booked session in 3 days is the next step until it begins.
  await session(await pair('Booked Soon'), 3, 'scheduled');
  // A cancelled session 25 days ago leaves the recent window in 5 days; one cancelled ahead counts once begun.
  const missed = await pair('Missed Once');
  await session(missed, -25, 'cancelled');
  await session(missed, 6, 'cancelled');
  await db.insert(actions).values({
    relationshipId: missed.id,
    ownerId: missed.memberId,
    kind: 'practical',
    title: 'Draft the plan',
    createdAt: at(-5),
    updatedAt: at(-5),
  });
  // The member wrote 2 days ago: unanswered from day 7, and the guide is slow to answer.
  const waiting = await pair('Waiting Member');
  await message(waiting, 'guide', -10);
  await message(waiting, 'member', -2);
  // A weekly agreement: its first month ends in 10 days, from when too few sessions are a signal.
  const paced = await pair('New Weekly');
  await db.insert(agreements).values({
    relationshipId: paced.id,
    version: 1,
    terms: { cadence: 'weekly' } as never,
    status: 'accepted',
    proposedBy: paced.memberId,
    proposedAt: at(-19),
  });
  await session(paced, -10, 'held');
  await session(paced, 20, 'scheduled');
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, 'Rita Risk');
  cohortId = await createProgramCohort(admin, 'Kept League');
  await seed();
});
afterAll(() => t.close());

describe('the kept early warning', () => {
  it('keeps every pair once computed, and a second read uses what it kept', async () => {
    const first = await read();
    expect(await keptCount()).toBe(Object.keys(pairs).length);
    // Mark what was kept: a read at the same instant that shows the mark read it instead of recomputing.
    const listed = first[0];
    expect(listed).toBeDefined();
    await t.database.db.execute(sql`update relationship_health
      set risk_detail = jsonb_set(risk_detail, '{signals,0,reason}', '"kept"')
      where relationship_id = ${listed?.relationshipId ?? ''}`);
    const second = await read();
    expect(second.find((p) => p.relationshipId === listed?.relationshipId)?.signals[0]?.reason).toBe('kept');
    await forget();
  });

  it('is brought up to date by the refresh job, so the list finds it ready', async () => {
    await forget();
    expect(await keptCount()).toBe(0);
    expect(await refreshStaleRisk(t.database.db, t.clock.now)).toBeGreaterThanOrEqual(
      Object.keys(pairs).length,
    );
    expect(await keptCount()).toBe(Object.keys(pairs).length);
    await forget();
  });

  it('says what a cold computation says at every step of a month of time and writes', async () => {
    const db = t.database.db;
    const steps: { days: number; write?: () => Promise<unknown> }[] = [
      { days: 0 },
      { days: 1 },
      { days: 2.5 }, // the booked session has begun: no next step any more
      { days: 2 }, // the first month of the weekly pair is over; the member has waited 7 days
      { days: 0.5 }, // the cancelled session ahead has begun
      {
        days: 0.2,
        write: () =>
          db.insert(relationshipMessages).values({
            relationshipId: pairs['Waiting Member']?.id ?? '',
            authorId: pairs['Waiting Member']?.guideId ?? '',
            body: 'An answer',
            createdAt: t.clock.now,
          }),
      },
      { days: 0.3 }, // the old cancelled session leaves the recent window
      {
        days: 1,
        write: () =>
          db.insert(repairSteps).values({
            relationshipId: pairs['Booked Soon']?.id ?? '',
            kind: 'nudge',
            takenBy: null,
            createdAt: t.clock.now,
          }),
      },
      {
        days: 3,
        write: () =>
          db
            .update(sessions)
            .set({ status: 'held' })
            .where(sql`relationship_id = ${pairs['New Weekly']?.id ?? ''}`),
      },
      { days: 8 },
      { days: 12 },
    ];
    const seen = new Set<string>();
    for (const [index, step] of steps.entries()) {
      t.clock.advanceDays(step.days);
      await step.write?.();
      const kept = await read();
      await forget();
      const cold = await read();
      expect(kept, `step ${index}`).toEqual(cold);
      for (const pair of cold) for (const signal of pair.signals) seen.add(signal.code);
    }
    // The month went through the signals the steps were written for.
    expect([...seen].sort()).toEqual(
      [
        'cadence-behind',
        'cancelled-or-missed',
        'guide-slow-to-answer',
        'no-next-step',
        'unanswered-messages',
      ].sort(),
    );
  });
});
