import { Temporal } from 'temporal-polyfill';
import {
  type AvailabilityWindow,
  isKnownTimeZone,
  localSpan,
  type MinuteRange,
  MS_PER_MINUTE,
  minutesToClock,
  windowsFor,
  zoned,
} from '../sessions/availability';
import { SLOT_STEP_MINUTES } from '../settings/scheduling';
import type { BookingRules } from './booking-rules';

/** A half-open interval of epoch milliseconds. */
export type MsInterval = { start: number; end: number };

export type OpenSlotsInput = {
  /** The range asked about, epoch ms, half-open. */
  from: number;
  to: number;
  now: number;
  guideTimeZone: string;
  availability: AvailabilityWindow[];
  rules: BookingRules;
  /** Notice a slot needs, in minutes: the method's week ahead for regular sessions, the intro's own otherwise. */
  minNoticeMinutes: number;
  sessionMinutes: number;
  /** External busy time of both people (any order, may overlap). */
  busy: MsInterval[];
  /** Corner's own sessions of either person that still take time (scheduled or held). */
  sessions: (MsInterval & { guideIsHost: boolean })[];
  stepMinutes?: number;
};

const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;

/** Sorted, joined intervals, so "does this slot touch any" is a binary search. */
export const mergeIntervals = (intervals: readonly MsInterval[]): MsInterval[] => {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: MsInterval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ start: interval.start, end: interval.end });
  }
  return merged;
};

/** Whether [start, end) overlaps any of the merged, sorted intervals. */
export const overlapsAny = (merged: readonly MsInterval[], start: number, end: number): boolean => {
  let low = 0;
  let high = merged.length;
  // First interval whose end is after start.
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((merged[mid] as MsInterval).end <= start) low = mid + 1;
    else high = mid;
  }
  const candidate = merged[low];
  return candidate !== undefined && candidate.start < end;
};

/** The hours of one local date: a date override replaces the weekly hours of that day. */
export const windowsOn = (
  date: Temporal.PlainDate,
  availability: AvailabilityWindow[],
  rules: Pick<BookingRules, 'dateOverrides'>,
): MinuteRange[] => {
  const override = rules.dateOverrides.find((o) => o.date === date.toString());
  if (override === undefined) return windowsFor(availability, date.dayOfWeek);
  return windowsFor(
    override.windows.map((w) => ({ weekday: 1, start: w.start, end: w.end })),
    1,
  );
};

export const weekKey = (date: Temporal.PlainDate): string =>
  date.subtract({ days: date.dayOfWeek - 1 }).toString();

/**
 * Bookable times: the guide's weekly hours in their zone with date overrides, minus out-of-office, both
 * people's busy time and Corner's own sessions (kept clear by the guide's buffers on both sides), from the
 * notice on and inside the rolling window, on days and weeks where the guide is below their session limits.
 * Every candidate is re-checked on the instants, so a daylight-saving switch never stretches a window.
 */
export const openSlots = (input: OpenSlotsInput): MsInterval[] => {
  const zone = input.guideTimeZone;
  const durationMinutes = input.sessionMinutes;
  const step = input.stepMinutes ?? SLOT_STEP_MINUTES;
  if (!isKnownTimeZone(zone) || durationMinutes <= 0 || step <= 0 || input.to <= input.from) return [];
  const durationMs = durationMinutes * MS_PER_MINUTE;
  const { rules } = input;
  const earliest = Math.max(input.from, input.now + input.minNoticeMinutes * MS_PER_MINUTE);
  const latest = Math.min(input.to, input.now + rules.bookingWindowDays * MS_PER_DAY);
  if (latest - earliest < durationMs) return [];

  const busy = mergeIntervals(input.busy);
  const away = mergeIntervals(
    rules.outOfOffice.map((o) => ({ start: Date.parse(o.start), end: Date.parse(o.end) })),
  );
  const before = rules.bufferBeforeMinutes * MS_PER_MINUTE;
  const after = rules.bufferAfterMinutes * MS_PER_MINUTE;
  // A new session keeps its own buffers clear of sessions, and stays out of theirs: the gap between two
  // sessions is the larger of the two buffers on that side.
  const gapAfterSession = Math.max(after, before);
  const gapBeforeSession = Math.max(after, before);
  const blocked = mergeIntervals(
    input.sessions.map((s) => ({ start: s.start - gapBeforeSession, end: s.end + gapAfterSession })),
  );

  const perDay = new Map<string, number>();
  const perWeek = new Map<string, number>();
  for (const session of input.sessions) {
    if (!session.guideIsHost) continue;
    const date = zoned(session.start, zone).toPlainDate();
    perDay.set(date.toString(), (perDay.get(date.toString()) ?? 0) + 1);
    perWeek.set(weekKey(date), (perWeek.get(weekKey(date)) ?? 0) + 1);
  }
  const dayFull = (date: Temporal.PlainDate) =>
    rules.dailyLimit !== null && (perDay.get(date.toString()) ?? 0) >= rules.dailyLimit;
  const weekFull = (date: Temporal.PlainDate) =>
    rules.weeklyLimit !== null && (perWeek.get(weekKey(date)) ?? 0) >= rules.weeklyLimit;

  const slots: MsInterval[] = [];
  const firstDate = zoned(earliest, zone).toPlainDate().subtract({ days: 1 });
  const lastDate = zoned(latest, zone).toPlainDate();
  for (let date = firstDate; Temporal.PlainDate.compare(date, lastDate) <= 0; date = date.add({ days: 1 })) {
    if (dayFull(date) || weekFull(date)) continue;
    const midnight = date.toZonedDateTime({ timeZone: zone });
    const nextMidnight = date.add({ days: 1 }).toZonedDateTime({ timeZone: zone });
    // Most days have no clock change: then a local minute is the day's start plus that many minutes.
    const plainDay =
      nextMidnight.epochMilliseconds - midnight.epochMilliseconds === MS_PER_DAY &&
      midnight.offsetNanoseconds === nextMidnight.offsetNanoseconds;
    for (const window of windowsOn(date, input.availability, rules)) {
      for (let minute = window.start; minute + durationMinutes <= window.end; minute += step) {
        const start = plainDay
          ? midnight.epochMilliseconds + minute * MS_PER_MINUTE
          : date.toZonedDateTime({
              timeZone: zone,
              plainTime: Temporal.PlainTime.from(minutesToClock(minute)),
            }).epochMilliseconds;
        const end = start + durationMs;
        if (start < earliest || end > latest) continue;
        if (!plainDay) {
          const span = localSpan(start, end, zone);
          if (span === null || !span.date.equals(date) || span.start < window.start || span.end > window.end)
            continue;
        }
        if (
          overlapsAny(away, start, end) ||
          overlapsAny(busy, start, end) ||
          overlapsAny(blocked, start, end)
        )
          continue;
        const previous = slots.at(-1);
        if (previous === undefined || previous.start < start) slots.push({ start, end });
      }
    }
  }
  return slots;
};
