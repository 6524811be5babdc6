import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMime, startSmtpSink } from '../../../test/support/smtp-sink';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { buildSessionInvite } from '../calendar/build-session-invite';
import { createOutboxMailer } from './mailer';
import { createMailer } from './smtp-mailer';

let t: TestApp;
let ana: Member;
let ben: Member;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  t = await createTestApp();
  ana = await signUp(t, 'Ana Member');
  ben = await signUp(t, 'Ben Guide');
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  await t.close();
});

type OutboxBody = {
  messages: {
    to: string;
    subject: string;
    text: string;
    deliveredVia: string;
    createdAt: string;
    attachments: { filename: string; contentType: string; size: number }[];
  }[];
};

const invite = () =>
  buildSessionInvite({
    uid: 'session-1@corner',
    start: '2026-12-01T16:00:00Z',
    end: '2026-12-01T17:00:00Z',
    timeZone: 'Europe/Berlin',
    summary: 'Corner session with Ben',
    organizer: { name: 'Ben Guide', email: 'ben@example.test' },
    attendees: [{ name: 'Ana Member', email: 'ana@example.test' }],
    sequence: 0,
    method: 'REQUEST',
  });

describe('mail over SMTP', () => {
  it('delivers to a real SMTP server with the invite attached, and keeps a copy in the outbox', async () => {
    const mailer = createMailer(t.database.db, { smtpUrl: sink.url, from: 'Corner <corner@example.test>' });
    await mailer.send({
      to: ana.email,
      subject: 'Session booked: Tuesday 1 December, 17:00',
      text: 'Your session with Ben is booked. The invite is attached.',
      attachments: [
        { filename: 'session.ics', contentType: 'text/calendar; method=REQUEST', content: invite() },
      ],
    });
    mailer.close();

    const mail = sink.received.at(-1);
    expect(mail?.to).toEqual([ana.email]);
    expect(mail?.from).toBe('corner@example.test');
    const parts = parseMime(mail?.raw ?? '');
    expect(parts[0]?.headers.subject).toBe('Session booked: Tuesday 1 December, 17:00');
    const calendarPart = parts.find((part) => part.headers['content-type']?.startsWith('text/calendar'));
    expect(calendarPart?.headers['content-disposition']).toContain('session.ics');
    const events = Object.values(ical.sync.parseICS(calendarPart?.body ?? '')).filter(
      (component): component is VEvent => component?.type === 'VEVENT',
    );
    expect(events.map((event) => event.start.toISOString())).toEqual(['2026-12-01T16:00:00.000Z']);

    const outbox = (await (await ana.request('/api/v1/outbox')).json()) as OutboxBody;
    const copy = outbox.messages.find((message) => message.subject.startsWith('Session booked'));
    expect(copy?.deliveredVia).toBe('smtp');
    expect(copy?.attachments).toEqual([
      { filename: 'session.ics', contentType: 'text/calendar; method=REQUEST', size: expect.any(Number) },
    ]);
  });

  it('sends plain-text mail with an HTML part whose web addresses are real links, and markup escaped', async () => {
    const mailer = createMailer(t.database.db, { smtpUrl: sink.url, from: 'corner@example.test' });
    await mailer.send({
      to: ana.email,
      subject: 'Ben invites you',
      text: 'Ben <ben@example.test> invites you.\n\nOpen https://corner.test/invitations/tok?x=1&y=2 to answer.',
    });
    mailer.close();
    const parts = parseMime(sink.received.at(-1)?.raw ?? '');
    const html = parts.find((part) => part.headers['content-type']?.startsWith('text/html'))?.body ?? '';
    const text = parts.find((part) => part.headers['content-type']?.startsWith('text/plain'))?.body ?? '';
    expect(text).toContain('Open https://corner.test/invitations/tok?x=1&y=2 to answer.');
    expect(html).toContain(
      '<a href="https://corner.test/invitations/tok?x=1&amp;y=2">https://corner.test/invitations/tok?x=1&amp;y=2</a>',
    );
    expect(html).toContain('Ben &lt;ben@example.test&gt; invites you.');
    expect(html).not.toContain('<ben@example.test>');
  });

  it('records nothing when the SMTP server is unreachable, and says so by throwing', async () => {
    const mailer = createMailer(t.database.db, {
      smtpUrl: 'smtp://127.0.0.1:1',
      from: 'corner@example.test',
    });
    await expect(mailer.send({ to: ana.email, subject: 'Never delivered', text: 'x' })).rejects.toThrow();
    mailer.close();
    const outbox = (await (await ana.request('/api/v1/outbox')).json()) as OutboxBody;
    expect(outbox.messages.map((message) => message.subject)).not.toContain('Never delivered');
  });

  it('falls back to the outbox alone without SMTP_URL', async () => {
    const before = sink.received.length;
    const mailer = createMailer(t.database.db, { smtpUrl: undefined, from: 'corner@example.test' });
    await mailer.send({ to: ana.email, subject: 'Outbox only', text: 'Kept inside Corner.' });
    expect(sink.received.length).toBe(before);
    const outbox = (await (await ana.request('/api/v1/outbox')).json()) as OutboxBody;
    expect(outbox.messages[0]).toMatchObject({ subject: 'Outbox only', deliveredVia: 'outbox' });
  });
});

describe('the outbox page', () => {
  it('shows each person only their own mail, newest first', async () => {
    const mailer = createOutboxMailer(t.database.db);
    await mailer.send({ to: ben.email, subject: 'For Ben only', text: 'private to Ben' });
    await mailer.send({ to: ana.email.toUpperCase(), subject: 'Ana first', text: '1' });
    await mailer.send({ to: ana.email, subject: 'Ana second', text: '2' });
    const anaBox = (await (await ana.request('/api/v1/outbox')).json()) as OutboxBody;
    const subjects = anaBox.messages.map((message) => message.subject);
    expect(subjects.indexOf('Ana second')).toBeLessThan(subjects.indexOf('Ana first'));
    expect(subjects).not.toContain('For Ben only');
    expect(anaBox.messages.every((message) => message.to === ana.email.toLowerCase())).toBe(true);
    const benBox = (await (await ben.request('/api/v1/outbox')).json()) as OutboxBody;
    expect(benBox.messages.map((message) => message.subject)).toEqual(['For Ben only']);
  });

  it('keeps the order mail was sent in when it shares one instant', async () => {
    // One transaction: every insert gets the same now(), on both engines, whatever the clock's tick.
    const subjects = Array.from({ length: 8 }, (_, i) => `Same instant ${i}`);
    await t.database.db.transaction(async (tx) => {
      const mailer = createOutboxMailer(tx);
      for (const subject of subjects) await mailer.send({ to: ben.email, subject, text: subject });
    });
    const benBox = (await (await ben.request('/api/v1/outbox')).json()) as OutboxBody;
    const tied = benBox.messages.filter((message) => message.subject.startsWith('Same instant'));
    expect(new Set(tied.map((message) => message.createdAt)).size).toBe(1);
    expect(tied.map((message) => message.subject)).toEqual([...subjects].reverse());
  });

  it('needs a signed-in person', async () => {
    const response = await t.app.request('/api/v1/outbox');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
