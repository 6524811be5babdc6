import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuide } from '../../../test/support/guide-factory';
import { json } from '../../../test/support/relationship-fixtures';
import { scriptedCalendars } from '../../../test/support/scripted-calendars';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { INTRO_SESSION_MINUTES } from '../../domain/settings/scheduling';

// Intro slots for the directory: any signed-in member sees a guide's open intro times, with the intro's own
// notice (24 hours by default) and length, from hours and busy time only; the guide's calendar trouble is
// not shown to strangers.

// Monday 7 December 2026, 08:00 UTC (09:00 in Berlin).
const START = new Date('2026-12-07T08:00:00Z');

const { calendars, reader: scriptedReader } = scriptedCalendars();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(START, { busyReader: scriptedReader });
});
afterAll(() => t.close());

type IntroSlots = {
  slots: { start: string; end: string }[];
  hidden: { who: string; userId: string; reason: string; calendarName?: string; since?: string }[];
  sessionMinutes: number;
  byAgreement: { available: boolean } | null;
};

const guide = (): Promise<Member> =>
  createGuide(t, 'Gia Guide', {
    availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '10:00' })),
    capacity: 5,
  });

const range = 'from=2026-12-07T00:00:00Z&to=2026-12-10T00:00:00Z';

describe('intro slots for a guide in the directory', () => {
  it('offers a stranger the guide’s intro times after the intro notice, in intro-length slots', async () => {
    const gia = await guide();
    const stranger = await signUp(t, 'Sam Stranger', 'America/New_York');
    const answer = await json<IntroSlots>(
      await stranger.request(`/api/v1/guides/${gia.userId}/intro-slots?${range}`),
      200,
    );
    expect(answer.hidden).toEqual([]);
    expect(answer.sessionMinutes).toBe(INTRO_SESSION_MINUTES);
    // Monday's hour is inside the 24-hour notice; Tuesday and Wednesday 09:00–10:00 Berlin give two each.
    expect(answer.slots.map((slot) => slot.start)).toEqual([
      '2026-12-08T08:00:00.000Z',
      '2026-12-08T08:30:00.000Z',
      '2026-12-09T08:00:00.000Z',
      '2026-12-09T08:30:00.000Z',
    ]);
    for (const slot of answer.slots) {
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(INTRO_SESSION_MINUTES * 60_000);
    }
  });

  it('follows the guide’s own intro notice and hides times either person is busy', async () => {
    const gia = await guide();
    const rules = await json<Record<string, unknown>>(await gia.request('/api/v1/me/booking-rules'), 200);
    await json(
      await gia.request('/api/v1/me/booking-rules', {
        method: 'PUT',
        body: { ...rules, introMinNoticeHours: 48 },
      }),
      200,
    );
    const asker = await signUp(t, 'Ava Asker', 'Europe/London');
    calendars.busy.set(asker.userId, [
      { start: new Date('2026-12-09T08:30:00Z'), end: new Date('2026-12-09T09:00:00Z') },
    ]);
    const answer = await json<IntroSlots>(
      await asker.request(`/api/v1/guides/${gia.userId}/intro-slots?${range}`),
      200,
    );
    expect(answer.slots.map((slot) => slot.start)).toEqual(['2026-12-09T08:00:00.000Z']);
  });

  it('fails closed on the guide’s unreadable calendar, saying since when but not which one or why', async () => {
    const gia = await guide();
    calendars.unreadable.push({
      userId: gia.userId,
      calendarName: 'Private therapy calendar',
      reason: 'the password was refused',
      since: START,
    });
    const stranger = await signUp(t, 'Sam Second', 'America/New_York');
    const response = await stranger.request(`/api/v1/guides/${gia.userId}/intro-slots?${range}`);
    const text = await response.text();
    expect(response.status).toBe(200);
    const answer = JSON.parse(text) as IntroSlots;
    expect(answer.slots).toEqual([]);
    expect(answer.hidden).toEqual([
      {
        who: 'Gia Guide',
        userId: gia.userId,
        reason: 'Gia Guide’s open times cannot be offered right now.',
        since: START.toISOString(),
      },
    ]);
    expect(answer.byAgreement?.available).toBe(true);
    expect(text).not.toContain('therapy');
    expect(text).not.toContain('password');
  });

  it('answers 404 for someone who is no guide, 422 for oneself and a bad range, 401 signed out', async () => {
    const gia = await guide();
    const member = await signUp(t, 'Mo Member', 'Europe/Berlin');
    const notAGuide = await member.request(`/api/v1/guides/${member.userId}x/intro-slots?${range}`);
    expect(notAGuide.status).toBe(404);
    const plainMember = await member.request(
      `/api/v1/guides/${(await signUp(t, 'Pat', 'UTC')).userId}/intro-slots?${range}`,
    );
    expect(plainMember.status).toBe(404);
    const self = await gia.request(`/api/v1/guides/${gia.userId}/intro-slots?${range}`);
    expect(self.status).toBe(422);
    expect(await self.json()).toMatchObject({ field: 'guideId' });
    const backwards = await member.request(
      `/api/v1/guides/${gia.userId}/intro-slots?from=2026-12-10T00:00:00Z&to=2026-12-07T00:00:00Z`,
    );
    expect(backwards.status).toBe(422);
    expect(await backwards.json()).toMatchObject({ field: 'to' });
    const signedOut = await t.app.request(`/api/v1/guides/${gia.userId}/intro-slots?${range}`);
    expect(signedOut.status).toBe(401);
  });
});
