import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calendarPartOf, type SmtpSink, startAppWithSmtp } from '../../../test/support/app-with-smtp';
import { json, localIn, startPair } from '../../../test/support/relationship-fixtures';
import type { TestApp } from '../../../test/support/test-app';

// Every session has a meeting link: the guide's own room, or a generated Jitsi Meet room. It reaches
// the .ics (LOCATION and URL, read back by node-ical), the e-mail and the session.
let t: TestApp;
let sink: SmtpSink;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, sink, close } = await startAppWithSmtp(new Date('2026-11-21T09:00:00Z')));
});
afterAll(() => close());

// The booking mails to both people that carry this link (its room name survives any line wrapping).
async function bookedMails(link: string) {
  const withLink = () =>
    sink.received.filter((m) => /session is booked/i.test(m.raw) && m.raw.includes(link.slice(-16)));
  await vi.waitFor(() => expect(withLink().length).toBe(2), { timeout: 20_000, interval: 100 });
  return withLink();
}

// node-ical reads URL as a value with parameters.
const urlOf = (event: VEvent | undefined): string => {
  const url = event?.url as unknown;
  return typeof url === 'string' ? url : String((url as { val?: string } | undefined)?.val);
};

const eventsOf = (raw: string) =>
  Object.values(ical.sync.parseICS(calendarPartOf(raw))).filter(
    (component): component is VEvent => component?.type === 'VEVENT',
  );

describe('meeting link', () => {
  it('gives a session without a link an unguessable Jitsi room, in the .ics and the mail', async () => {
    const { member, guide, relationshipId } = await startPair(t);
    const session = await json<{ id: string; meetingLink: string }>(
      await member.request(`/api/v1/relationships/${relationshipId}/sessions`, {
        method: 'POST',
        body: { localStart: localIn(t.clock.now, 10, 16), timeZone: 'Europe/Berlin' },
      }),
      201,
    );
    // 16 random bytes in base64url: 22 characters, 128 bits.
    expect(session.meetingLink).toMatch(/^https:\/\/meet\.jit\.si\/Corner-[A-Za-z0-9_-]{22}$/);
    const again = await json<{ meetingLink: string }>(
      await member.request(`/api/v1/relationships/${relationshipId}/sessions`, {
        method: 'POST',
        body: { localStart: localIn(t.clock.now, 12, 16), timeZone: 'Europe/Berlin' },
      }),
      201,
    );
    expect(again.meetingLink).not.toBe(session.meetingLink);

    const mails = await bookedMails(session.meetingLink);
    expect(mails.map((m) => m.to[0]).sort()).toEqual([guide.email, member.email].sort());
    for (const mail of mails) {
      expect(mail.raw).toContain(`Join: ${session.meetingLink}`);
      const [event] = eventsOf(mail.raw);
      expect(event?.location).toBe(session.meetingLink);
      expect(urlOf(event)).toBe(session.meetingLink);
    }
  });

  it('uses the guide’s own room when they set one', async () => {
    const { member, guide, relationshipId } = await startPair(t);
    const rules = await json<Record<string, unknown>>(await guide.request('/api/v1/me/booking-rules'), 200);
    await json(
      await guide.request('/api/v1/me/booking-rules', {
        method: 'PUT',
        body: { ...rules, roomLink: 'https://video.example.test/gus' },
      }),
      200,
    );
    const session = await json<{ meetingLink: string }>(
      await member.request(`/api/v1/relationships/${relationshipId}/sessions`, {
        method: 'POST',
        body: { localStart: localIn(t.clock.now, 10, 18), timeZone: 'Europe/Berlin' },
      }),
      201,
    );
    expect(session.meetingLink).toBe('https://video.example.test/gus');
    const mails = await bookedMails('https://video.example.test/gus');
    expect(mails.map((m) => m.to[0]).sort()).toEqual([guide.email, member.email].sort());
    for (const mail of mails) {
      expect(eventsOf(mail.raw)[0]?.location).toBe('https://video.example.test/gus');
      expect(urlOf(eventsOf(mail.raw)[0])).toBe('https://video.example.test/gus');
    }
  });
});
