import { describe, expect, it } from 'vitest';
import type { AvailabilityWindow } from '../sessions/availability';
import { type BookingRules, defaultBookingRules } from './booking-rules';
import { checkProposedTime, type ProposedTimeInput } from './proposed-time';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

const berlinMornings: AvailabilityWindow[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday: weekday as AvailabilityWindow['weekday'],
  start: '09:00',
  end: '11:00',
}));

// Monday 7 December 2026; a proposal for Monday 14 December, 09:00–10:00 in Berlin.
const base: ProposedTimeInput = {
  start: at('2026-12-14T08:00:00Z'),
  end: at('2026-12-14T09:00:00Z'),
  now: at('2026-12-07T07:00:00Z'),
  guideTimeZone: 'Europe/Berlin',
  availability: berlinMornings,
  rules: defaultBookingRules,
  minNoticeMinutes: 7 * 24 * 60,
  sessions: [],
};

const session = (start: string, hours = 1, guideIsHost = true) => ({
  start: at(start),
  end: at(start) + hours * HOUR,
  guideIsHost,
});

type Case = {
  name: string;
  input: Partial<ProposedTimeInput>;
  rules?: Partial<BookingRules>;
  codes: string[];
};

const cases: Case[] = [
  { name: 'a time inside the guide’s hours a week ahead', input: {}, codes: [] },
  { name: 'a start that has passed', input: { now: at('2026-12-14T08:30:00Z') }, codes: ['in-past'] },
  { name: 'less than the notice', input: { now: at('2026-12-08T09:00:00Z') }, codes: ['too-soon'] },
  {
    name: 'a confirmation after the notice shrank is not held to it',
    input: { now: at('2026-12-08T09:00:00Z'), minNoticeMinutes: null },
    codes: [],
  },
  { name: 'past the rolling window', input: {}, rules: { bookingWindowDays: 7 }, codes: ['beyond-window'] },
  {
    name: 'time away',
    input: {},
    rules: { outOfOffice: [{ start: '2026-12-13T00:00:00Z', end: '2026-12-15T00:00:00Z', note: '' }] },
    codes: ['out-of-office'],
  },
  {
    name: 'outside the weekly hours',
    input: { start: at('2026-12-14T12:00:00Z'), end: at('2026-12-14T13:00:00Z') },
    codes: ['outside-hours'],
  },
  {
    name: 'a date override with hours opens a Saturday',
    input: { start: at('2026-12-19T12:00:00Z'), end: at('2026-12-19T13:00:00Z') },
    rules: { dateOverrides: [{ date: '2026-12-19', windows: [{ start: '13:00', end: '15:00' }] }] },
    codes: [],
  },
  {
    name: 'no published hours: the guide decides',
    input: { availability: [], start: at('2026-12-14T20:00:00Z'), end: at('2026-12-14T21:00:00Z') },
    codes: [],
  },
  {
    name: 'one of them has a session in Corner then',
    input: { sessions: [session('2026-12-14T08:30:00Z', 1, false)] },
    codes: ['clash'],
  },
  {
    name: 'a session ending inside the buffer',
    input: { sessions: [session('2026-12-14T07:00:00Z', 0.9, false)] },
    codes: ['clash'],
  },
  {
    name: 'the guide’s day is full',
    input: { sessions: [session('2026-12-14T09:30:00Z')] },
    rules: { dailyLimit: 1 },
    codes: ['day-full'],
  },
  {
    name: 'the guide’s week is full (sessions of the member elsewhere do not count)',
    input: { sessions: [session('2026-12-16T08:00:00Z'), session('2026-12-15T08:00:00Z', 1, false)] },
    rules: { weeklyLimit: 1 },
    codes: ['week-full'],
  },
];

describe('checkProposedTime', () => {
  it.each(cases)('$name', ({ input, rules, codes }) => {
    const problems = checkProposedTime({ ...base, ...input, rules: { ...defaultBookingRules, ...rules } });
    expect(problems.map((p) => p.code)).toEqual(codes);
  });
});
