import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One recurring window of a guide's week, in the guide's own time zone. Weekday 1 is Monday. */
export type AvailabilityWindow = { weekday: Weekday; start: string; end: string };

export type TimedSession = { id: string; start: string; end: string };

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;
const MS_PER_MINUTE = 60_000;

const clock = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes after local midnight for "HH:MM"; "24:00" closes a window at the end of the day. */
export const clockToMinutes = (value: string): number | null => {
  if (!clock.test(value)) return null;
  const [hours = '', minutes = ''] = value.split(':');
  return Number(hours) * MINUTES_PER_HOUR + Number(minutes);
};

export const minutesToClock = (minutes: number): string =>
  `${String(Math.floor(minutes / MINUTES_PER_HOUR)).padStart(2, '0')}:${String(minutes % MINUTES_PER_HOUR).padStart(2, '0')}`;

export const availabilityWindowSchema = z
  .object({
    weekday: z.literal([1, 2, 3, 4, 5, 6, 7]),
    start: z.string().regex(clock, 'Use HH:MM, e.g. 09:30'),
    end: z.string().regex(clock, 'Use HH:MM, e.g. 17:00'),
  })
  .refine((w) => (clockToMinutes(w.start) ?? 0) < (clockToMinutes(w.end) ?? 0), {
    message: 'A window must end after it starts.',
    path: ['end'],
  });

export const weekdayNames: Record<Weekday, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};

export type MinuteRange = { start: number; end: number };

/** A weekday's windows, sorted, with touching or overlapping ones joined (09–12 and 12–17 make 09–17). */
export const windowsFor = (availability: AvailabilityWindow[], weekday: number): MinuteRange[] => {
  const ranges = availability
    .filter((w) => w.weekday === weekday)
    .flatMap((w) => {
      const start = clockToMinutes(w.start);
      const end = clockToMinutes(w.end);
      return start !== null && end !== null && start < end ? [{ start, end }] : [];
    })
    .sort((a, b) => a.start - b.start);
  const merged: MinuteRange[] = [];
  for (const range of ranges) {
    const previous = merged.at(-1);
    if (previous !== undefined && range.start <= previous.end)
      previous.end = Math.max(previous.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
};

export const isKnownTimeZone = (timeZone: string): boolean => {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
};

export const toMs = (instant: string): number => Temporal.Instant.from(instant).epochMilliseconds;

export const zoned = (ms: number, timeZone: string): Temporal.ZonedDateTime =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);

const minuteOfDay = (at: Temporal.ZonedDateTime): number =>
  at.hour * MINUTES_PER_HOUR + at.minute + at.second / MINUTES_PER_HOUR;

/** Local start and end of [startMs, endMs) on the day it starts, or null when it runs past midnight. */
export const localSpan = (
  startMs: number,
  endMs: number,
  timeZone: string,
): { weekday: Weekday; date: Temporal.PlainDate; start: number; end: number } | null => {
  const from = zoned(startMs, timeZone);
  const to = zoned(endMs, timeZone);
  const date = from.toPlainDate();
  const sameDay = Temporal.PlainDate.compare(to.toPlainDate(), date) === 0;
  const endsAtMidnight =
    Temporal.PlainDate.compare(to.toPlainDate(), date.add({ days: 1 })) === 0 && minuteOfDay(to) === 0;
  if (!sameDay && !endsAtMidnight) return null;
  return {
    weekday: from.dayOfWeek as Weekday,
    date,
    start: minuteOfDay(from),
    end: sameDay ? minuteOfDay(to) : MINUTES_PER_DAY,
  };
};

export const fitsAvailability = (
  startMs: number,
  endMs: number,
  timeZone: string,
  availability: AvailabilityWindow[],
): boolean => {
  const span = localSpan(startMs, endMs, timeZone);
  if (span === null) return false;
  return windowsFor(availability, span.weekday).some((w) => w.start <= span.start && span.end <= w.end);
};

export const overlapping = (
  startMs: number,
  endMs: number,
  sessions: TimedSession[],
  ignoreId?: string,
): TimedSession[] =>
  sessions.filter(
    (session) => session.id !== ignoreId && toMs(session.start) < endMs && startMs < toMs(session.end),
  );

export { MS_PER_MINUTE };
