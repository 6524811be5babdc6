import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AvailabilityWindow } from '../sessions/availability';
import { type BookingRules, bookingRulesSchema, defaultBookingRules } from './booking-rules';
import { type MsInterval, type OpenSlotsInput, openSlots } from './open-slots';

const at = (iso: string) => Date.parse(iso);
const iso = (slots: MsInterval[]) => slots.map((s) => new Date(s.start).toISOString());
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const berlinMornings: AvailabilityWindow[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday: weekday as AvailabilityWindow['weekday'],
  start: '09:00',
  end: '11:00',
}));

const noLimits: BookingRules = {
  ...defaultBookingRules,
  bufferAfterMinutes: 0,
  bufferBeforeMinutes: 0,
  dailyLimit: null,
  weeklyLimit: null,
};

// Monday 7 December 2026, Berlin is UTC+1.
const base: OpenSlotsInput = {
  from: at('2026-12-14T00:00:00Z'),
  to: at('2026-12-15T00:00:00Z'),
  now: at('2026-12-07T08:00:00Z'),
  guideTimeZone: 'Europe/Berlin',
  availability: berlinMornings,
  rules: noLimits,
  minNoticeMinutes: 7 * 24 * 60,
  sessionMinutes: 60,
  busy: [],
  sessions: [],
};

type Case = { name: string; input: Partial<OpenSlotsInput>; rules?: Partial<BookingRules>; starts: string[] };

const cases: Case[] = [
  {
    name: 'weekly hours in the guide’s zone, on the half-hour grid',
    input: {},
    starts: ['2026-12-14T08:00:00.000Z', '2026-12-14T08:30:00.000Z', '2026-12-14T09:00:00.000Z'],
  },
  {
    name: 'busy time of either person hides the overlapping slots',
    input: { busy: [{ start: at('2026-12-14T08:15:00Z'), end: at('2026-12-14T08:45:00Z') }] },
    starts: ['2026-12-14T09:00:00.000Z'],
  },
  {
    name: 'a session keeps its buffer clear',
    input: {
      sessions: [{ start: at('2026-12-14T07:00:00Z'), end: at('2026-12-14T08:00:00Z'), guideIsHost: false }],
    },
    rules: { bufferAfterMinutes: 15 },
    starts: ['2026-12-14T08:30:00.000Z', '2026-12-14T09:00:00.000Z'],
  },
  {
    name: 'the week ahead: nothing inside the notice',
    input: { now: at('2026-12-07T08:31:00Z') },
    starts: ['2026-12-14T09:00:00.000Z'],
  },
  {
    name: 'nothing after the rolling window',
    input: { now: at('2026-12-06T09:00:00Z') },
    rules: { bookingWindowDays: 8 },
    starts: ['2026-12-14T08:00:00.000Z'],
  },
  {
    name: 'a date override with no hours',
    input: {},
    rules: { dateOverrides: [{ date: '2026-12-14', windows: [] }] },
    starts: [],
  },
  {
    name: 'a date override with other hours',
    input: {},
    rules: { dateOverrides: [{ date: '2026-12-14', windows: [{ start: '15:00', end: '16:00' }] }] },
    starts: ['2026-12-14T14:00:00.000Z'],
  },
  {
    name: 'out of office',
    input: {},
    rules: {
      outOfOffice: [{ start: '2026-12-14T08:00:00+01:00', end: '2026-12-14T10:30:00+01:00', note: '' }],
    },
    starts: [],
  },
  {
    name: 'the daily limit is reached',
    input: {
      sessions: [{ start: at('2026-12-14T15:00:00Z'), end: at('2026-12-14T16:00:00Z'), guideIsHost: true }],
    },
    rules: { dailyLimit: 1 },
    starts: [],
  },
  {
    name: 'the weekly limit counts the guide’s sessions of that week only',
    input: {
      sessions: [
        { start: at('2026-12-16T15:00:00Z'), end: at('2026-12-16T16:00:00Z'), guideIsHost: true },
        { start: at('2026-12-10T15:00:00Z'), end: at('2026-12-10T16:00:00Z'), guideIsHost: true },
        { start: at('2026-12-17T15:00:00Z'), end: at('2026-12-17T16:00:00Z'), guideIsHost: false },
      ],
    },
    rules: { weeklyLimit: 2 },
    starts: ['2026-12-14T08:00:00.000Z', '2026-12-14T08:30:00.000Z', '2026-12-14T09:00:00.000Z'],
  },
  {
    name: 'the weekly limit is reached',
    input: {
      sessions: [
        { start: at('2026-12-16T15:00:00Z'), end: at('2026-12-16T16:00:00Z'), guideIsHost: true },
        { start: at('2026-12-18T15:00:00Z'), end: at('2026-12-18T16:00:00Z'), guideIsHost: true },
      ],
    },
    rules: { weeklyLimit: 2 },
    starts: [],
  },
  { name: 'an unknown zone offers nothing', input: { guideTimeZone: 'Mars/Olympus' }, starts: [] },
  { name: 'a session longer than the window', input: { sessionMinutes: 150 }, starts: [] },
];

describe('openSlots', () => {
  it.each(cases)('$name', ({ input, rules, starts }) => {
    expect(iso(openSlots({ ...base, ...input, rules: { ...noLimits, ...rules } }))).toEqual(starts);
  });

  it('out of office leaves the time after it', () => {
    const slots = openSlots({
      ...base,
      rules: {
        ...noLimits,
        outOfOffice: [{ start: '2026-12-14T08:00:00+01:00', end: '2026-12-14T09:30:00+01:00', note: '' }],
      },
    });
    expect(iso(slots)).toEqual(['2026-12-14T08:30:00.000Z', '2026-12-14T09:00:00.000Z']);
  });

  it('keeps 09:00 local across the daylight-saving switch (New York, March 2027)', () => {
    // Clocks go forward on Sunday 14 March 2027: 09:00 is 14:00Z before and 13:00Z after.
    const slots = openSlots({
      ...base,
      from: at('2027-03-08T00:00:00Z'),
      to: at('2027-03-20T00:00:00Z'),
      now: at('2027-03-01T00:00:00Z'),
      guideTimeZone: 'America/New_York',
      availability: [
        { weekday: 5, start: '09:00', end: '10:00' },
        { weekday: 1, start: '09:00', end: '10:00' },
        { weekday: 7, start: '01:30', end: '03:30' },
      ],
      rules: { ...noLimits, bookingWindowDays: 60 },
    });
    expect(iso(slots)).toEqual([
      '2027-03-08T14:00:00.000Z',
      '2027-03-12T14:00:00.000Z',
      // Sunday 14 March: 01:30–03:30 holds only one real hour (02:00–03:00 does not exist).
      '2027-03-14T06:30:00.000Z',
      '2027-03-15T13:00:00.000Z',
      '2027-03-19T13:00:00.000Z',
    ]);
  });

  it('does not stretch a window on the autumn switch (Berlin, October 2026)', () => {
    // Sunday 25 October 2026: 02:00–03:00 happens twice. A 02:00–04:00 window is 3 real hours.
    const slots = openSlots({
      ...base,
      from: at('2026-10-24T00:00:00Z'),
      to: at('2026-10-27T00:00:00Z'),
      now: at('2026-10-01T00:00:00Z'),
      availability: [{ weekday: 7, start: '02:00', end: '04:00' }],
      sessionMinutes: 120,
      rules: { ...noLimits, bookingWindowDays: 60 },
    });
    for (const slot of slots) expect(slot.end - slot.start).toBe(120 * MIN);
    // 02:00 (first, CEST = 00:00Z) + 2 real hours ends 03:00 CET, inside the window.
    expect(iso(slots)).toContain('2026-10-25T00:00:00.000Z');
  });
});

const interval = (lo: number, span: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: span }), fc.integer({ min: 15, max: 240 }))
    .map(([offset, minutes]) => ({ start: lo + offset * MIN, end: lo + (offset + minutes) * MIN }));

describe('openSlots properties', () => {
  const from = at('2026-12-14T00:00:00Z');
  const spanMinutes = 21 * 24 * 60;
  const arbitraryInput = fc.record({
    busy: fc.array(interval(from, spanMinutes), { maxLength: 30 }),
    sessions: fc.array(
      fc.tuple(interval(from, spanMinutes), fc.boolean()).map(([i, guideIsHost]) => ({ ...i, guideIsHost })),
      { maxLength: 12 },
    ),
    nowOffsetDays: fc.integer({ min: -10, max: 10 }),
    notice: fc.integer({ min: 0, max: 14 * 24 * 60 }),
    windowDays: fc.integer({ min: 7, max: 30 }),
    bufferBefore: fc.integer({ min: 0, max: 60 }),
    bufferAfter: fc.integer({ min: 0, max: 60 }),
    dailyLimit: fc.option(fc.integer({ min: 1, max: 3 })),
    weeklyLimit: fc.option(fc.integer({ min: 3, max: 6 })),
    sessionMinutes: fc.constantFrom(30, 45, 60, 90),
    zone: fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'),
  });

  it('never offers a slot over busy time, a buffered session, before the notice, after the window or past a limit', () => {
    fc.assert(
      fc.property(arbitraryInput, (a) => {
        const now = from + a.nowOffsetDays * DAY;
        const rules: BookingRules = {
          ...noLimits,
          bufferBeforeMinutes: a.bufferBefore,
          bufferAfterMinutes: a.bufferAfter,
          bookingWindowDays: a.windowDays,
          dailyLimit: a.dailyLimit,
          weeklyLimit: a.weeklyLimit,
        };
        const availability: AvailabilityWindow[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          weekday: weekday as AvailabilityWindow['weekday'],
          start: '07:00',
          end: '21:00',
        }));
        const slots = openSlots({
          ...base,
          from,
          to: from + spanMinutes * MIN,
          now,
          guideTimeZone: a.zone,
          availability,
          rules,
          minNoticeMinutes: a.notice,
          sessionMinutes: a.sessionMinutes,
          busy: a.busy,
          sessions: a.sessions,
        });
        const format = new Intl.DateTimeFormat('en-CA', { timeZone: a.zone });
        const localDate = (ms: number) => format.format(ms);
        for (const slot of slots) {
          expect(slot.end - slot.start).toBe(a.sessionMinutes * MIN);
          expect(slot.start).toBeGreaterThanOrEqual(now + a.notice * MIN);
          expect(slot.end).toBeLessThanOrEqual(now + a.windowDays * DAY);
          for (const b of a.busy) expect(slot.start < b.end && b.start < slot.end).toBe(false);
          for (const s of a.sessions) {
            const extendedStart = s.start - a.bufferBefore * MIN;
            const extendedEnd = s.end + a.bufferAfter * MIN;
            expect(slot.start < extendedEnd && extendedStart < slot.end).toBe(false);
          }
          if (a.dailyLimit !== null) {
            const sameDay = a.sessions.filter(
              (s) => s.guideIsHost && localDate(s.start) === localDate(slot.start),
            ).length;
            expect(sameDay).toBeLessThan(a.dailyLimit);
          }
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('only ever offers times inside the guide’s local hours', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Pacific/Auckland'),
        fc.integer({ min: 0, max: 365 }),
        (zone, dayOffset) => {
          const start = at('2026-01-05T00:00:00Z') + dayOffset * DAY;
          const slots = openSlots({
            ...base,
            from: start,
            to: start + 14 * DAY,
            now: start - DAY,
            guideTimeZone: zone,
            minNoticeMinutes: 0,
          });
          for (const slot of slots) {
            const hour = Number(
              new Date(slot.start).toLocaleTimeString('en-GB', { timeZone: zone, hour: '2-digit' }),
            );
            expect(hour === 9 || hour === 10).toBe(true);
          }
          return true;
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('bookingRulesSchema', () => {
  it('names the field of a bad value', () => {
    const result = bookingRulesSchema.safeParse({ ...defaultBookingRules, bookingWindowDays: 2 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['bookingWindowDays']);
  });
  it('rejects an impossible date override', () => {
    const result = bookingRulesSchema.safeParse({
      ...defaultBookingRules,
      dateOverrides: [{ date: '2026-02-30', windows: [] }],
    });
    expect(result.error?.issues[0]?.path).toEqual(['dateOverrides', 0, 'date']);
  });
  it('accepts the defaults', () => {
    expect(bookingRulesSchema.parse(defaultBookingRules)).toEqual(defaultBookingRules);
  });
});
