import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseMime, startSmtpSink } from '../../../test/support/smtp-sink';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { transactionThenEnqueue } from '../jobs/after-commit';
import { createMailer, type SmtpMailer } from '../mail/smtp-mailer';
import { noRelationships } from '../notifications/reminder-source';
import { type SessionInviteMail, sendSessionInviteJob } from './session-invite-job';

let t: TestApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let mailer: SmtpMailer;

beforeAll(async () => {
  t = await createTestApp();
  sink = await startSmtpSink();
  mailer = createMailer(t.database.db, { smtpUrl: sink.url, from: 'Corner <corner@example.test>' });
  await t.jobs.startWorker({
    db: t.database.db,
    mailer,
    clock: () => t.clock.now,
    jobs: t.jobs,
    reminderFacts: noRelationships,
    publicUrl: 'https://corner.test',
  });
});
afterAll(async () => {
  await t.close();
  mailer.close();
  await sink.close();
});

const mail = (to: string, method: 'REQUEST' | 'CANCEL', sequence: number): SessionInviteMail => ({
  to,
  subject: method === 'REQUEST' ? 'Session booked' : 'Session cancelled',
  text: 'See the invite.',
  invite: {
    uid: 'sess-77@corner',
    start: '2026-11-01T15:00:00Z',
    end: '2026-11-01T16:00:00Z',
    timeZone: 'America/New_York',
    summary: 'Corner session',
    organizer: { name: 'Gia Guide', email: 'gia@example.test' },
    attendees: [{ name: 'Max Member', email: 'max@example.test' }],
    sequence,
    method,
  },
});

const calendarOf = (raw: string) => {
  const part = parseMime(raw).find((p) => p.headers['content-type']?.startsWith('text/calendar'));
  return part?.body ?? '';
};

describe('scheduling mail with an invite, through the queue to a real SMTP server', () => {
  it('sends the booked invite after the transaction commits, then a cancellation with the same uid', async () => {
    await transactionThenEnqueue(t.database.db, t.jobs, async (_tx, later) => {
      later.add(sendSessionInviteJob, mail('max@example.test', 'REQUEST', 0));
    });
    await vi.waitFor(() => expect(sink.received).toHaveLength(1), { timeout: 20_000, interval: 100 });
    await t.jobs.enqueue(sendSessionInviteJob, mail('max@example.test', 'CANCEL', 1));
    await vi.waitFor(() => expect(sink.received).toHaveLength(2), { timeout: 20_000, interval: 100 });

    const [booked, cancelled] = sink.received.map((received) => calendarOf(received.raw));
    expect(booked).toContain('METHOD:REQUEST');
    // 1 Nov 2026 is the day New York leaves daylight time: 15:00 UTC is 10:00 EST, not 11:00.
    expect(booked).toContain('DTSTART;TZID=America/New_York:20261101T100000');
    const events = Object.values(ical.sync.parseICS(booked ?? '')).filter(
      (c): c is VEvent => c?.type === 'VEVENT',
    );
    expect(events.map((event) => event.start.toISOString())).toEqual(['2026-11-01T15:00:00.000Z']);
    expect(cancelled).toContain('METHOD:CANCEL');
    expect(cancelled).toContain('UID:sess-77@corner');
    expect(cancelled).toContain('SEQUENCE:1');
  });

  it('refuses a malformed invite at the caller', async () => {
    const bad = { ...mail('not-an-address', 'REQUEST', 0) };
    await expect(t.jobs.enqueue(sendSessionInviteJob, bad)).rejects.toThrow();
  });
});
