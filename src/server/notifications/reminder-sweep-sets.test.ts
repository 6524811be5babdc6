import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../bench/prng';
import { seedVariedCohort } from '../../../test/support/cohort-fixture';
import { countingDb } from '../../../test/support/counting-db';
import { perRelationshipReminderSource } from '../../../test/support/per-relationship-reminder-source';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { dueReminders } from '../../domain/reminders/due-reminders';
import { journalEntries, reflections, relationships } from '../db/schema';
import { REMINDER_SWEEP_BATCH, relationshipReminderSource } from './relationship-reminder-source';
import type { RelationshipReminderInput } from './reminder-source';

// The sweep loads every active relationship in sets (the dashboard's momentum window plus the few
// rows only reminders read); each pair must get exactly the reminders the old per-relationship path,
// which read every row of every pair, gave it.
const NOW = new Date('2027-03-10T12:00:00Z');
const DAY = 86_400_000;
let t: TestApp;
let ids: string[];

beforeAll(async () => {
  t = await createTestApp(NOW);
  const db = t.database.db;
  ({ relationshipIds: ids } = await seedVariedCohort(db, {
    cohortId: null,
    now: NOW,
    pairs: 60,
    seed: 11,
    tag: `sweep-${process.pid}`,
  }));
  // What the cohort fixture leaves out and only reminders read: planned ends, decisions with and
  // without answered follow-ups, mid-point check-ins already given by one side.
  const rand = mulberry32(5);
  const rels = await db
    .select()
    .from(relationships)
    .where(and(inArray(relationships.id, ids), eq(relationships.status, 'active')));
  for (const rel of rels) {
    if (!rel.memberId || !rel.guideId) continue;
    const started = (rel.acceptedAt ?? rel.createdAt).getTime();
    if (rel.framing === 'time-framed' && rand() < 0.8) {
      const end = new Date(started + (20 + rand() * 200) * DAY).toISOString().slice(0, 10);
      await db.update(relationships).set({ plannedEndDate: end }).where(eq(relationships.id, rel.id));
      if (rand() < 0.4) {
        await db.insert(reflections).values({
          relationshipId: rel.id,
          authorId: rand() < 0.5 ? rel.memberId : rel.guideId,
          kind: 'midpoint',
          answers: {},
          createdAt: NOW,
        });
      }
    }
    for (let k = Math.floor(rand() * 3); k > 0; k -= 1) {
      const ageDays = rand() * 120;
      await db.insert(journalEntries).values({
        userId: rel.memberId,
        relationshipId: rel.id,
        kind: 'decision',
        body: 'Which offer to take',
        decision:
          rand() < 0.7 ? { decision: `Take offer ${k}`, options: 'a, b', expectation: 'growth' } : null,
        followUpAnswers:
          ageDays > 30 && rand() < 0.5
            ? [{ afterDays: 30, answer: 'went fine', answeredAt: NOW.toISOString() }]
            : [],
        createdAt: new Date(NOW.getTime() - ageDays * DAY),
      });
    }
  }
});
afterAll(() => t.close());

const remindersOf = (inputs: RelationshipReminderInput[], now: Date) =>
  new Map(
    inputs
      .filter((input) => ids.includes(input.facts.relationshipId))
      .map((input) => [
        input.facts.relationshipId,
        {
          people: input.people,
          reminders: dueReminders(input.facts, now.toISOString()).sort((a, b) => a.key.localeCompare(b.key)),
        },
      ]),
  );

describe('the set-based reminder sweep', () => {
  const seen = new Set<string>();
  const moments = [0, 13 / 24, 3, 17.5, -2, 40].map((days) => new Date(NOW.getTime() + days * DAY));
  for (const now of moments) {
    it(`gives every pair the reminders of the per-relationship path at ${now.toISOString()}`, async () => {
      const db = t.database.db;
      const expected = remindersOf(await perRelationshipReminderSource(db)(now), now);
      const actual = remindersOf(await relationshipReminderSource(db)(now), now);
      expect(expected.size).toBeGreaterThan(40);
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [id, want] of expected) {
        expect(actual.get(id), id).toEqual(want);
        for (const reminder of want.reminders) seen.add(reminder.kind);
      }
    });
  }

  it('was tried on a fixture varied enough to give every kind of reminder', () => {
    expect([...seen].sort()).toEqual([
      'action-due',
      'action-overdue',
      'agenda-missing',
      'cadence-at-risk',
      'cadence-slipping',
      'decision-follow-up',
      'midpoint-check-in',
      'next-step-missing',
      'session-soon',
    ]);
  });

  it('issues a bounded number of queries, however many relationships are active', async () => {
    const counting = countingDb(t.database);
    const active = await t.database.db.$count(relationships, eq(relationships.status, 'active'));
    const inputs = await relationshipReminderSource(counting.db)(NOW);
    expect(inputs.length).toBeGreaterThan(40);
    // One query for the active list, then per batch: four momentum rows, decisions, check-ins, bookings.
    expect(counting.queries()).toBeLessThanOrEqual(1 + 7 * Math.ceil(active / REMINDER_SWEEP_BATCH));
    // The old path read each pair separately: several queries per relationship.
    counting.reset();
    await perRelationshipReminderSource(counting.db)(NOW);
    expect(counting.queries()).toBeGreaterThan(5 * inputs.length);
  });
});
