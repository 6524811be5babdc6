import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuide } from '../../../test/support/guide-factory';
import { json, startPair } from '../../../test/support/relationship-fixtures';
import { scriptedCalendars } from '../../../test/support/scripted-calendars';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { sessions } from '../db/schema';
import { isOverlapViolation } from './book-slot';

// Monday 7 December 2026, 08:00 UTC (09:00 in Berlin).
const START = new Date('2026-12-07T08:00:00Z');

// What the calendars say, per test: busy intervals per person and who cannot be read.
const { calendars, reader: scriptedReader } = scriptedCalendars();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(START, { busyReader: scriptedReader });
});
afterAll(() => t.close());

type Slots = {
  slots: { start: string; end: string }[];
  hidden: { who: string; reason: string; since?: string }[];
  byAgreement: { available: boolean; how: string } | null;
  sessionMinutes: number;
  zones: { member: string; guide: string };
  suggested: { start: string }[];
  balance: { member: number; guide: number };
};
type Problem = { code: string; field?: string; slots?: { start: string }[] };

const weekdayMornings = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '11:00' }));

const guideWith = (zone = 'Europe/Berlin', availability: unknown[] = weekdayMornings): Promise<Member> =>
  createGuide(t, 'Gia Guide', { timeZone: zone, availability, capacity: 5 });

const pairWith = (guide: Member, memberZone = 'America/New_York') =>
  startPair(t, { guide, memberName: 'Milo Member', memberZone });

const slotsOf = (who: Member, relationshipId: string, from: string, to: string) =>
  who.request(`/api/v1/relationships/${relationshipId}/slots?from=${from}&to=${to}`);

const weekOf14th = ['2026-12-14T00:00:00Z', '2026-12-19T00:00:00Z'] as const;

async function setRules(guide: Member, rules: Record<string, unknown>) {
  const current = await json<Record<string, unknown>>(await guide.request('/api/v1/me/booking-rules'), 200);
  return guide.request('/api/v1/me/booking-rules', { method: 'PUT', body: { ...current, ...rules } });
}

describe('open slots of a pair', () => {
  it('offers the guide’s hours from a week ahead, on the agreement’s session length, to both people only', async () => {
    const guide = await guideWith();
    const pair = await pairWith(guide);
    const answer = await json<Slots>(await slotsOf(pair.member, pair.relationshipId, ...weekOf14th), 200);
    expect(answer.sessionMinutes).toBe(60);
    expect(answer.hidden).toEqual([]);
    expect(answer.zones).toEqual({ member: 'America/New_York', guide: 'Europe/Berlin' });
    // 09:00, 09:30, 10:00 Berlin on five weekdays.
    expect(answer.slots).toHaveLength(15);
    expect(answer.slots[0]).toEqual({ start: '2026-12-14T08:00:00.000Z', end: '2026-12-14T09:00:00.000Z' });
    // 09:00 Berlin is 03:00 in New York: every slot is early for the member, none has been taken yet.
    expect(answer.balance).toEqual({ member: 0, guide: 0 });
    expect(answer.suggested.map((s) => s.start)).toEqual(answer.slots.slice(0, 5).map((s) => s.start));
    const asGuide = await json<Slots>(await slotsOf(guide, pair.relationshipId, ...weekOf14th), 200);
    expect(asGuide.slots).toEqual(answer.slots);

    // The week ahead (PRODUCT.md §2.5): nothing before 14 December 08:00 UTC.
    const early = await json<Slots>(
      await slotsOf(pair.member, pair.relationshipId, '2026-12-08T00:00:00Z', '2026-12-14T12:00:00Z'),
      200,
    );
    expect(early.slots.map((s) => s.start)).toEqual([
      '2026-12-14T08:00:00.000Z',
      '2026-12-14T08:30:00.000Z',
      '2026-12-14T09:00:00.000Z',
    ]);

    const stranger = await signUp(t, 'Sam Stranger');
    expect((await slotsOf(stranger, pair.relationshipId, ...weekOf14th)).status).toBe(404);
  });

  it('hides times either person is busy in their calendar', async () => {
    const guide = await guideWith();
    const pair = await pairWith(guide);
    calendars.busy.set(guide.userId, [
      { start: new Date('2026-12-14T08:15:00Z'), end: new Date('2026-12-14T08:45:00Z') },
    ]);
    calendars.busy.set(pair.member.userId, [
      { start: new Date('2026-12-15T09:30:00Z'), end: new Date('2026-12-15T09:31:00Z') },
    ]);
    const answer = await json<Slots>(
      await slotsOf(pair.member, pair.relationshipId, '2026-12-14T00:00:00Z', '2026-12-16T00:00:00Z'),
      200,
    );
    expect(answer.slots.map((s) => s.start)).toEqual([
      '2026-12-14T09:00:00.000Z',
      // Ends as the member's busy minute starts: touching is free.
      '2026-12-15T08:00:00.000Z',
      '2026-12-15T08:30:00.000Z',
    ]);
    calendars.busy.clear();
  });

  it('fails closed: an unreadable calendar hides every slot, says whose and since when, and offers booking by agreement', async () => {
    const guide = await guideWith();
    const pair = await pairWith(guide);
    calendars.unreadable = [
      {
        userId: guide.userId,
        calendarName: 'Fastmail',
        reason: 'the server did not answer.',
        since: new Date('2026-12-07T06:00:00Z'),
      },
    ];
    const answer = await json<Slots>(await slotsOf(pair.member, pair.relationshipId, ...weekOf14th), 200);
    calendars.unreadable = [];
    expect(answer.slots).toEqual([]);
    expect(answer.hidden).toHaveLength(1);
    expect(answer.hidden[0]?.who).toBe('Gia Guide');
    expect(answer.hidden[0]?.reason).toContain('Fastmail');
    expect(answer.hidden[0]?.since).toBe('2026-12-07T06:00:00.000Z');
    expect(answer.byAgreement?.available).toBe(true);
  });

  it('applies date overrides, out of office, buffers and the daily limit', async () => {
    const guide = await guideWith();
    const pair = await pairWith(guide);
    await json(
      await setRules(guide, {
        dateOverrides: [
          { date: '2026-12-14', windows: [] },
          { date: '2026-12-19', windows: [{ start: '12:00', end: '13:00' }] },
        ],
        outOfOffice: [{ start: '2026-12-15T00:00:00+01:00', end: '2026-12-17T00:00:00+01:00', note: 'Away' }],
        dailyLimit: 1,
      }),
      200,
    );
    const answer = await json<Slots>(
      await slotsOf(pair.member, pair.relationshipId, '2026-12-14T00:00:00Z', '2026-12-20T00:00:00Z'),
      200,
    );
    const days = [...new Set(answer.slots.map((s) => s.start.slice(0, 10)))];
    expect(days).toEqual(['2026-12-17', '2026-12-18', '2026-12-19']);
    expect(answer.slots.filter((s) => s.start.startsWith('2026-12-19'))).toEqual([
      { start: '2026-12-19T11:00:00.000Z', end: '2026-12-19T12:00:00.000Z' },
    ]);

    // Booking one session on the 17th fills that day (daily limit 1).
    await json(
      await pair.member.request(`/api/v1/relationships/${pair.relationshipId}/slots/book`, {
        method: 'POST',
        body: { start: '2026-12-17T08:00:00.000Z' },
      }),
      201,
    );
    const after = await json<Slots>(
      await slotsOf(pair.member, pair.relationshipId, '2026-12-14T00:00:00Z', '2026-12-20T00:00:00Z'),
      200,
    );
    expect([...new Set(after.slots.map((s) => s.start.slice(0, 10)))]).toEqual(['2026-12-18', '2026-12-19']);
  });

  it('keeps a guide’s local hours across a daylight-saving switch', async () => {
    const guide = await guideWith('America/New_York', [{ weekday: 1, start: '09:00', end: '10:00' }]);
    const pair = await pairWith(guide, 'Europe/Berlin');
    await json(await setRules(guide, { bookingWindowDays: 120 }), 200);
    // US clocks go forward on 14 March 2027; Europe's only on 28 March.
    const answer = await json<Slots>(
      await slotsOf(pair.member, pair.relationshipId, '2027-03-01T00:00:00Z', '2027-03-23T00:00:00Z'),
      200,
    );
    expect(answer.slots.map((s) => s.start)).toEqual([
      '2027-03-01T14:00:00.000Z',
      '2027-03-08T14:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
      '2027-03-22T13:00:00.000Z',
    ]);
  });

  it('answers bad input with 422 naming the field', async () => {
    const guide = await guideWith();
    const pair = await pairWith(guide);
    const cases: [Response, string][] = [
      [await slotsOf(pair.member, pair.relationshipId, 'tomorrow', '2026-12-20T00:00:00Z'), 'from'],
      [await slotsOf(pair.member, pair.relationshipId, '2026-12-20T00:00:00Z', '2026-12-14T00:00:00Z'), 'to'],
      [await slotsOf(pair.member, pair.relationshipId, '2026-12-01T00:00:00Z', '2027-06-01T00:00:00Z'), 'to'],
      [await setRules(guide, { bookingWindowDays: 1 }), 'bookingWindowDays'],
      [await setRules(guide, { bufferAfterMinutes: -5 }), 'bufferAfterMinutes'],
      [
        await setRules(guide, { dateOverrides: [{ date: '2026-13-01', windows: [] }] }),
        'dateOverrides.0.date',
      ],
      [await setRules(guide, { roomLink: 'not a link' }), 'roomLink'],
      [
        await pair.member.request(`/api/v1/relationships/${pair.relationshipId}/slots/book`, {
          method: 'POST',
          body: { start: 'soon' },
        }),
        'start',
      ],
    ];
    for (const [response, field] of cases) {
      expect(response.status).toBe(422);
      expect(((await response.json()) as Problem).field).toBe(field);
    }
  });
});

describe('booking a slot', () => {
  it('lets exactly one of two people racing for the same slot win; the other gets 409 with fresh slots', async () => {
    const guide = await guideWith();
    const first = await pairWith(guide);
    const second = await pairWith(guide);
    const slot = '2026-12-15T08:00:00.000Z';
    const book = (pair: typeof first) =>
      pair.member.request(`/api/v1/relationships/${pair.relationshipId}/slots/book`, {
        method: 'POST',
        body: { start: slot },
      });
    const responses = await Promise.all([book(first), book(second)]);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const loser = responses.find((r) => r.status === 409);
    const problem = (await loser?.json()) as Problem;
    expect(problem.code).toBe('slot-taken');
    expect(problem.slots?.length).toBeGreaterThan(0);
    expect(problem.slots?.map((s) => s.start)).not.toContain(slot);
    const rows = await t.database.db.select().from(sessions);
    expect(rows.filter((r) => r.guideId === guide.userId && r.startsAt.toISOString() === slot)).toHaveLength(
      1,
    );
  });

  it('is guarded by the database itself: an overlapping session of the same guide cannot be inserted', async () => {
    const guide = await guideWith();
    const first = await pairWith(guide);
    const second = await pairWith(guide);
    const row = (relationshipId: string, start: string, end: string) => ({
      relationshipId,
      guideId: guide.userId,
      startsAt: new Date(start),
      endsAt: new Date(end),
      bookedTimeZone: 'UTC',
      template: 'regular' as const,
      createdBy: guide.userId,
      createdAt: START,
    });
    await t.database.db
      .insert(sessions)
      .values(row(first.relationshipId, '2027-01-05T10:00:00Z', '2027-01-05T11:00:00Z'));
    const refused = await t.database.db
      .insert(sessions)
      .values(row(second.relationshipId, '2027-01-05T10:30:00Z', '2027-01-05T11:30:00Z'))
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isOverlapViolation(refused)).toBe(true);
    // Touching ends are fine, and so is a cancelled session at the same time.
    await t.database.db
      .insert(sessions)
      .values(row(second.relationshipId, '2027-01-05T11:00:00Z', '2027-01-05T12:00:00Z'));
    await t.database.db.insert(sessions).values({
      ...row(second.relationshipId, '2027-01-05T10:00:00Z', '2027-01-05T11:00:00Z'),
      status: 'cancelled',
    });
  });

  it('refuses a time that is not an open slot with 409 and the open ones', async () => {
    const guide = await guideWith();
    const pair = await pairWith(guide);
    const response = await pair.member.request(`/api/v1/relationships/${pair.relationshipId}/slots/book`, {
      method: 'POST',
      body: { start: '2026-12-14T15:00:00.000Z' },
    });
    expect(response.status).toBe(409);
    const problem = (await response.json()) as Problem;
    expect(problem.code).toBe('slot-taken');
    expect(problem.slots?.[0]?.start).toBe('2026-12-14T08:00:00.000Z');
  });
});
