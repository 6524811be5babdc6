import { describe, expect, it } from 'vitest';
import type { AvailabilityWindow } from './availability';
import { checkSchedule, type ScheduleCheckInput } from './check-schedule';

const weekdays = [1, 2, 3, 4, 5] as const;
const newYorkWeek: AvailabilityWindow[] = weekdays.flatMap((weekday) => [
  { weekday, start: '09:00', end: '12:00' },
  { weekday, start: '13:00', end: '17:00' },
]);

const base: ScheduleCheckInput = {
  // Monday 17 March 2025, 10:00–11:00 in New York (daylight time, UTC−4)
  start: '2025-03-17T14:00:00Z',
  end: '2025-03-17T15:00:00Z',
  now: '2025-03-03T12:00:00Z',
  guideTimeZone: 'America/New_York',
  availability: newYorkWeek,
  existingSessions: [],
};

type Case = { name: string; input: Partial<ScheduleCheckInput>; codes: string[] };

const cases: Case[] = [
  { name: 'two weeks ahead inside availability', input: {}, codes: [] },
  {
    name: 'a time that has passed',
    input: { start: '2025-02-28T15:00:00Z', end: '2025-02-28T16:00:00Z' },
    codes: ['in-past'],
  },
  {
    name: 'two days ahead',
    input: { start: '2025-03-05T15:00:00Z', end: '2025-03-05T16:00:00Z' },
    codes: ['too-soon'],
  },
  {
    name: 'two days ahead with short notice agreed',
    input: { start: '2025-03-05T15:00:00Z', end: '2025-03-05T16:00:00Z', allowShortNotice: true },
    codes: [],
  },
  {
    name: 'two days ahead when the pair set a two-day lead time',
    input: { start: '2025-03-05T15:00:00Z', end: '2025-03-05T16:00:00Z', minLeadDays: 2 },
    codes: [],
  },
  {
    name: 'six days and 23 hours ahead',
    input: { start: '2025-03-10T11:00:00Z', end: '2025-03-10T12:00:00Z', now: '2025-03-03T12:00:00Z' },
    codes: ['too-soon', 'outside-availability'],
  },
  {
    name: 'clashes with a booked session',
    input: { existingSessions: [{ id: 's1', start: '2025-03-17T14:30:00Z', end: '2025-03-17T15:30:00Z' }] },
    codes: ['overlap'],
  },
  {
    name: 'clashes only with itself while being moved',
    input: {
      existingSessions: [{ id: 's1', start: '2025-03-17T14:30:00Z', end: '2025-03-17T15:30:00Z' }],
      ignoreSessionId: 's1',
    },
    codes: [],
  },
  {
    name: 'back to back with another session',
    input: {
      existingSessions: [
        { id: 's1', start: '2025-03-17T13:00:00Z', end: '2025-03-17T14:00:00Z' },
        { id: 's2', start: '2025-03-17T15:00:00Z', end: '2025-03-17T16:00:00Z' },
      ],
    },
    codes: [],
  },
  {
    name: 'over the guide lunch break',
    input: { start: '2025-03-17T16:00:00Z', end: '2025-03-17T17:00:00Z' },
    codes: ['outside-availability'],
  },
  {
    name: 'running past the end of the working day',
    input: { start: '2025-03-17T20:30:00Z', end: '2025-03-17T21:30:00Z' },
    codes: ['outside-availability'],
  },
  {
    name: 'on a Saturday',
    input: { start: '2025-03-15T14:00:00Z', end: '2025-03-15T15:00:00Z' },
    codes: ['outside-availability'],
  },
  {
    name: 'across two windows that touch',
    input: {
      availability: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '12:00', end: '15:00' },
      ],
      start: '2025-03-17T15:30:00Z',
      end: '2025-03-17T16:30:00Z',
    },
    codes: [],
  },
  {
    name: '09:30 in New York in winter time (14:30 UTC)',
    input: { now: '2025-02-01T00:00:00Z', start: '2025-03-06T14:30:00Z', end: '2025-03-06T15:30:00Z' },
    codes: [],
  },
  {
    name: '08:30 in New York in winter time (13:30 UTC)',
    input: { now: '2025-02-01T00:00:00Z', start: '2025-03-06T13:30:00Z', end: '2025-03-06T14:30:00Z' },
    codes: ['outside-availability'],
  },
  {
    name: '09:30 in New York after the clocks changed (13:30 UTC)',
    input: { now: '2025-02-01T00:00:00Z', start: '2025-03-13T13:30:00Z', end: '2025-03-13T14:30:00Z' },
    codes: [],
  },
  {
    name: 'the last hour of a window that runs to midnight',
    input: {
      availability: [{ weekday: 7, start: '20:00', end: '24:00' }],
      start: '2025-03-24T03:00:00Z',
      end: '2025-03-24T04:00:00Z',
    },
    codes: [],
  },
  {
    name: 'past midnight in the guide zone',
    input: {
      availability: [{ weekday: 7, start: '20:00', end: '24:00' }],
      start: '2025-03-24T03:30:00Z',
      end: '2025-03-24T04:30:00Z',
    },
    codes: ['outside-availability'],
  },
  {
    name: 'an unknown time zone',
    input: { guideTimeZone: 'Mars/Olympus_Mons' },
    codes: ['unknown-time-zone'],
  },
  {
    name: 'ends before it starts',
    input: { start: '2025-03-17T15:00:00Z', end: '2025-03-17T14:00:00Z' },
    codes: ['invalid-range'],
  },
  {
    name: 'past, clashing and outside the hours at once',
    input: {
      start: '2025-03-01T14:00:00Z',
      end: '2025-03-01T15:00:00Z',
      existingSessions: [{ id: 'x', start: '2025-03-01T14:00:00Z', end: '2025-03-01T14:30:00Z' }],
    },
    codes: ['in-past', 'overlap', 'outside-availability'],
  },
];

describe('checkSchedule', () => {
  it.each(cases)('$name → $codes', ({ input, codes }) => {
    const problems = checkSchedule({ ...base, ...input });
    expect(problems.map((p) => p.code)).toEqual(codes);
  });

  it('names the clashing session and the guide hours in plain words', () => {
    const [overlap] = checkSchedule({
      ...base,
      existingSessions: [{ id: 'booked-1', start: '2025-03-17T14:30:00Z', end: '2025-03-17T15:30:00Z' }],
    });
    expect(overlap?.conflictingSessionId).toBe('booked-1');
    const [outside] = checkSchedule({ ...base, start: '2025-03-17T16:00:00Z', end: '2025-03-17T17:00:00Z' });
    expect(outside?.message).toContain('Monday 12:00–13:00 (America/New_York)');
    expect(outside?.message).toContain('09:00–12:00, 13:00–17:00');
  });
});
