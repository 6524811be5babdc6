import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { dueReminders } from '../../domain/reminders/due-reminders';
import type { ReminderFacts } from '../../domain/reminders/reminder-facts';
import { digestSends, notifications, outboxMessages } from '../db/schema';
import type { WorkerContext } from '../jobs/worker-context';
import { createOutboxMailer } from '../mail/mailer';
import { reminderSweepJob } from './notification-jobs';
import { recordNotification, recordReminders } from './record-reminders';
import type { RelationshipReminderInput } from './reminder-source';
import { sendDigest } from './send-digest';

let t: TestApp;
let max: Member;
let gia: Member;
let facts: ReminderFacts;

// Sunday 10:00 UTC: 11:00 in Berlin (Max), 05:00 in New York (Gia, still asleep).
const START = new Date('2026-03-01T10:00:00Z');

beforeAll(async () => {
  t = await createTestApp(START);
  max = await signUp(t, 'Max Member', 'Europe/Berlin');
  gia = await signUp(t, 'Gia Guide', 'America/New_York');
  facts = {
    relationshipId: 'rel-db',
    cadence: 'weekly',
    framing: 'goal-oriented',
    startedAt: '2026-02-01T09:00:00Z',
    plannedEndAt: null,
    heldSessions: ['2026-02-23T17:00:00Z'],
    upcomingSessions: [{ id: 'sess-2', startsAt: '2026-03-02T08:00:00Z', agendaSet: false }],
    lastHeldSession: { id: 'sess-1', startsAt: '2026-02-23T17:00:00Z' },
    lastHeldSessionHasNextStep: true,
    actions: [
      {
        id: 'act-1',
        title: 'Talk to my manager',
        owner: 'member',
        dueAt: '2026-03-01T22:59:59Z',
        status: 'open',
      },
    ],
    pulses: [],
    decisions: [],
    midpointCheckIn: { member: false, guide: false },
  };
});
afterAll(() => t.close());

const input = (): RelationshipReminderInput[] => [
  { facts, people: { member: max.userId, guide: gia.userId } },
];
const mailsTo = async (member: Member) =>
  t.database.db.select().from(outboxMessages).where(eq(outboxMessages.to, member.email.toLowerCase()));
type ListBody = { notifications: { id: string; kind: string; readAt: string | null }[]; unread: number };

describe('reminders and the daily digest on the database', () => {
  it('stores each reminder once per person, however often the sweep runs', async () => {
    const first = await recordReminders(t.database.db, input(), t.clock.now);
    const second = await recordReminders(t.database.db, input(), t.clock.now);
    expect([...first].sort()).toEqual([max.userId, gia.userId].sort());
    expect(second.size).toBe(0);
    const maxList = (await (await max.request('/api/v1/notifications')).json()) as ListBody;
    expect(maxList.notifications.map((n) => n.kind).sort()).toEqual([
      'action-due',
      'agenda-missing',
      'session-soon',
    ]);
    // One sweep stores all its reminders at one instant: the list still shows them newest-stored first.
    const stored = dueReminders(facts, t.clock.now.toISOString())
      .filter((reminder) => reminder.audience.includes('member'))
      .map((reminder) => reminder.kind);
    expect(maxList.notifications.map((n) => n.kind)).toEqual([...stored].reverse());
    const giaList = (await (await gia.request('/api/v1/notifications')).json()) as ListBody;
    expect(giaList.notifications.map((n) => n.kind).sort()).toEqual(['agenda-missing', 'session-soon']);
  });

  it('mails one digest a day, and only in waking hours', async () => {
    const mailer = createOutboxMailer(t.database.db);
    const url = 'https://corner.test';
    expect(await sendDigest(t.database.db, mailer, max.userId, t.clock.now, url)).toBe('sent');
    expect(await sendDigest(t.database.db, mailer, gia.userId, t.clock.now, url)).toBe('not-now');
    const [digest] = await mailsTo(max);
    expect(digest?.subject).toBe('Corner: 3 things for today');
    expect(digest?.text).toContain('https://corner.test/relationships/rel-db/sessions/sess-2');
    // Something new the same day waits for tomorrow.
    facts.lastHeldSessionHasNextStep = false;
    facts.lastHeldSession = { id: 'sess-0', startsAt: '2026-02-27T09:00:00Z' };
    await recordReminders(t.database.db, input(), t.clock.now);
    expect(await sendDigest(t.database.db, mailer, max.userId, t.clock.now, url)).toBe('already-sent-today');
    expect(await mailsTo(max)).toHaveLength(1);
    // Gia's morning: 07:00 in New York.
    const morning = new Date('2026-03-01T12:00:00Z');
    expect(await sendDigest(t.database.db, mailer, gia.userId, morning, url)).toBe('sent');
    const next = new Date('2026-03-02T07:00:00Z');
    expect(await sendDigest(t.database.db, mailer, max.userId, next, url)).toBe('sent');
    const maxMails = await mailsTo(max);
    expect(maxMails).toHaveLength(2);
    expect(maxMails.map((mail) => mail.subject)).toContain('Corner: one thing for today');
  });

  it('puts a digest back when the mail cannot be sent, so the job can retry', async () => {
    const failing = { send: async () => Promise.reject(new Error('smtp down')) };
    facts.decisions = [
      { id: 'dec-1', title: 'Switch teams', createdAt: '2026-01-01T09:00:00Z', answered: [] },
    ];
    const later = new Date('2026-03-03T09:00:00Z');
    await recordReminders(t.database.db, input(), later);
    await expect(
      sendDigest(t.database.db, failing, max.userId, later, 'https://corner.test'),
    ).rejects.toThrow('smtp down');
    const sends = await t.database.db
      .select()
      .from(digestSends)
      .where(and(eq(digestSends.userId, max.userId), eq(digestSends.day, '2026-03-03')));
    expect(sends).toHaveLength(0);
    const ok = await sendDigest(
      t.database.db,
      createOutboxMailer(t.database.db),
      max.userId,
      later,
      'https://corner.test',
    );
    expect(ok).toBe('sent');
    const pending = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.key, 'decision:dec-1:30'));
    expect(pending[0]?.digestedAt).not.toBeNull();
  });

  it('lets people read and clear only their own notifications', async () => {
    const list = (await (await max.request('/api/v1/notifications?unread=true')).json()) as ListBody;
    const [first] = list.notifications;
    if (!first) throw new Error('expected a notification');
    expect(list.unread).toBe(list.notifications.length);
    expect((await gia.request(`/api/v1/notifications/${first.id}/read`, { method: 'POST' })).status).toBe(
      404,
    );
    expect((await max.request('/api/v1/notifications/not-an-id/read', { method: 'POST' })).status).toBe(422);
    expect((await max.request('/api/v1/notifications?unread=maybe')).status).toBe(422);
    const read = await max.request(`/api/v1/notifications/${first.id}/read`, { method: 'POST' });
    expect(((await read.json()) as { readAt: string | null }).readAt).not.toBeNull();
    const cleared = await max.request('/api/v1/notifications/read-all', { method: 'POST' });
    expect(await cleared.json()).toEqual({ marked: list.notifications.length - 1 });
    const after = (await (await max.request('/api/v1/notifications')).json()) as ListBody;
    expect(after.unread).toBe(0);
    const gias = (await (await gia.request('/api/v1/notifications')).json()) as ListBody;
    expect(gias.unread).toBeGreaterThan(0);
  });

  it('stores a direct notification once, inside the caller’s transaction', async () => {
    const note = {
      userId: gia.userId,
      key: 'message:m1',
      kind: 'message',
      text: 'Max wrote to you',
      link: '/relationships/rel-db/messages',
    };
    const first = await t.database.db.transaction((tx) => recordNotification(tx, note, t.clock.now));
    const again = await recordNotification(t.database.db, note, t.clock.now);
    expect([first, again]).toEqual([true, false]);
    await expect(
      t.database.db.transaction(async (tx) => {
        await recordNotification(tx, { ...note, key: 'message:m2' }, t.clock.now);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const rows = await t.database.db.select().from(notifications).where(eq(notifications.userId, gia.userId));
    expect(rows.map((row) => row.key)).toContain('message:m1');
    expect(rows.map((row) => row.key)).not.toContain('message:m2');
  });

  it('runs the sweep and the digest through the job queue', async () => {
    const ida = await signUp(t, 'Ida Member', 'Europe/Berlin');
    const context: WorkerContext = {
      db: t.database.db,
      mailer: createOutboxMailer(t.database.db),
      clock: () => new Date('2026-03-04T10:00:00Z'),
      jobs: t.jobs,
      reminderFacts: async () => [
        {
          facts: { ...facts, relationshipId: 'rel-q', decisions: [], upcomingSessions: [], actions: [] },
          people: { member: ida.userId, guide: gia.userId },
        },
      ],
      publicUrl: 'https://corner.test',
    };
    await t.jobs.startWorker(context);
    await t.jobs.enqueue(reminderSweepJob, {});
    await vi.waitFor(async () => expect(await mailsTo(ida)).toHaveLength(1), {
      timeout: 20_000,
      interval: 200,
    });
    const [mail] = await mailsTo(ida);
    expect(mail?.text).toContain('next step');
  });
});
