import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  END,
  factsAt,
  HOUR,
  iso,
  people,
  START,
  simulate,
} from '../../../test/support/six-month-relationship';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import type { RelationshipRole } from '../../domain/reminders/reminder-facts';
import { digestSends, notifications, outboxMessages } from '../db/schema';
import type { Jobs } from '../jobs/job-definition';
import type { WorkerContext } from '../jobs/worker-context';
import { createOutboxMailer } from '../mail/mailer';
import { reminderSweepJob, sendDigestJob } from './notification-jobs';

// The domain's six-month script replayed against the database through the real job handlers: an
// hourly sweep that stores notifications and gives each person a digest job. The queue itself is
// tested elsewhere; here jobs run inline so six months take seconds, not six months.

let t: TestApp;
const members = {} as Record<RelationshipRole, Member>;
const expected = simulate();

beforeAll(async () => {
  t = await createTestApp(new Date(START));
  members.member = await signUp(t, people.member.name, people.member.timeZone);
  members.guide = await signUp(t, people.guide.name, people.guide.timeZone);
  const inline: Jobs = {
    enqueue: async (definition, payload) => {
      if (definition.name !== sendDigestJob.name) throw new Error(`unexpected job ${definition.name}`);
      await sendDigestJob.handler(sendDigestJob.payload.parse(payload), context);
    },
  };
  const context: WorkerContext = {
    db: t.database.db,
    mailer: createOutboxMailer(t.database.db),
    clock: () => t.clock.now,
    jobs: inline,
    reminderFacts: async (now) => [
      {
        facts: factsAt(now.getTime()),
        people: { member: members.member.userId, guide: members.guide.userId },
      },
    ],
    publicUrl: 'https://corner.test',
  };
  for (let now = Date.parse(START); now <= Date.parse(END); now += HOUR) {
    t.clock.now = new Date(now);
    await reminderSweepJob.handler({}, context);
  }
}, 600_000);
afterAll(() => t.close());

describe('six months of one relationship on the database', () => {
  it.each(['member', 'guide'] as const)(
    'stores exactly the reminders the rules call for (%s)',
    async (role) => {
      const rows = await t.database.db
        .select({ key: notifications.key, digestedAt: notifications.digestedAt })
        .from(notifications)
        .where(eq(notifications.userId, members[role].userId));
      expect(rows.map((row) => row.key).sort()).toEqual([...expected.stored[role].keys()].sort());
      expect(rows.every((row) => row.digestedAt !== null)).toBe(true);
    },
  );

  it.each(['member', 'guide'] as const)(
    'mails one digest on the same days as the rules (%s)',
    async (role) => {
      const sends = await t.database.db
        .select({ day: digestSends.day, sentAt: digestSends.sentAt })
        .from(digestSends)
        .where(eq(digestSends.userId, members[role].userId));
      const expectedDigests = expected.digests.filter((digest) => digest.role === role);
      expect(sends.map((send) => send.day).sort()).toEqual(
        expectedDigests.map((digest) => digest.day).sort(),
      );
      expect(sends.map((send) => send.sentAt.toISOString()).sort()).toEqual(
        expectedDigests.map((digest) => iso(digest.at)).sort(),
      );
      const mails = await t.database.db
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.to, members[role].email.toLowerCase()));
      expect(mails).toHaveLength(sends.length);
      expect(mails.length).toBeLessThanOrEqual(expected.stored[role].size);
    },
  );
});
