import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calendarPartOf, type SmtpSink, startAppWithSmtp } from '../../../test/support/app-with-smtp';
import { localIn, startPair } from '../../../test/support/relationship-fixtures';
import type { TestApp } from '../../../test/support/test-app';

// Issue 3, acceptance 2: a real SMTP server process receives the invitation and the scheduling mails,
// and an independent parser reads the attached .ics as the right instant for a member in Berlin and a
// guide in New York.
let t: TestApp;
let sink: SmtpSink;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, sink, close } = await startAppWithSmtp(new Date('2026-11-21T09:00:00Z')));
});
afterAll(() => close());

describe('invitation and scheduling mail over SMTP', () => {
  it('mails the invitation, then both people an invite whose instant is right in both zones', async () => {
    const { member, guide, relationshipId } = await startPair(t, {
      memberZone: 'Europe/Berlin',
      guideZone: 'America/New_York',
    });
    const invitation = sink.received.find((mail) => mail.to.includes(guide.email));
    expect(invitation?.raw).toMatch(/invitations\//);

    const localStart = localIn(t.clock.now, 10, 16);
    const response = await member.request(`/api/v1/relationships/${relationshipId}/sessions`, {
      method: 'POST',
      body: {
        localStart,
        timeZone: 'Europe/Berlin',
        template: 'first',
        meetingLink: 'https://meet.example/abc',
      },
    });
    expect(response.status).toBe(201);
    await vi.waitFor(
      () => {
        const scheduling = sink.received.filter((mail) => /session is booked/i.test(mail.raw));
        expect(scheduling.map((mail) => mail.to[0]).sort()).toEqual([guide.email, member.email].sort());
      },
      { timeout: 20_000, interval: 100 },
    );
    // 16:00 in Berlin on that date (CET, UTC+1) is 15:00 UTC, which is 10:00 in New York (EST).
    const expected = new Date(`${localStart.slice(0, 10)}T15:00:00Z`).toISOString();
    for (const mail of sink.received.filter((m) => /session is booked/i.test(m.raw))) {
      const events = Object.values(ical.sync.parseICS(calendarPartOf(mail.raw))).filter(
        (component): component is VEvent => component?.type === 'VEVENT',
      );
      expect(events.map((event) => event.start.toISOString())).toEqual([expected]);
    }
    const guideMail = sink.received.find(
      (m) => /session is booked/i.test(m.raw) && m.to.includes(guide.email),
    );
    expect(guideMail?.raw).toMatch(/10:00/);
    const memberMail = sink.received.find(
      (m) => /session is booked/i.test(m.raw) && m.to.includes(member.email),
    );
    expect(memberMail?.raw).toMatch(/16:00/);
  });
});
