import { Temporal } from 'temporal-polyfill';
import {
  AVAILABILITY_SLOT_MINUTES,
  MEMBER_WORKDAY_END_HOUR,
  MEMBER_WORKDAY_START_HOUR,
  MEMBER_WORKDAYS,
} from '../settings/directory';

/** A recurring window of a week in a person's own zone; weekday 1 is Monday, times are "HH:MM". */
export type WeekWindow = { weekday: number; start: string; end: string };

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
export const SLOTS_PER_WEEK = MINUTES_PER_WEEK / AVAILABILITY_SLOT_MINUTES;

const toMinutes = (clock: string): number | null => {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= MINUTES_PER_DAY ? minutes : null;
};

/** Offset of a zone from UTC in minutes at a given instant; unknown zones count as UTC. */
export const utcOffsetMinutes = (timeZone: string, at: Date): number => {
  try {
    const zoned = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
    return Math.round(zoned.offsetNanoseconds / 60_000_000_000);
  } catch {
    return 0;
  }
};

/**
 * A week's windows as half-hour slots of the UTC week (0 = Monday 00:00 UTC). The offset is taken at
 * `at`, so around a daylight-saving change the slots can be an hour off until the profile is saved
 * again; for "do our weeks overlap at all" that is close enough, and it lets the database compare
 * weeks without knowing about time zones.
 */
export const weekSlotsUtc = (timeZone: string, windows: WeekWindow[], at: Date): number[] => {
  const offset = utcOffsetMinutes(timeZone, at);
  const slots = new Set<number>();
  for (const window of windows) {
    const start = toMinutes(window.start);
    const end = toMinutes(window.end);
    if (start === null || end === null || start >= end || window.weekday < 1 || window.weekday > 7) continue;
    const dayStart = (window.weekday - 1) * MINUTES_PER_DAY;
    for (let minute = start; minute < end; minute += AVAILABILITY_SLOT_MINUTES) {
      const utc = (((dayStart + minute - offset) % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
      slots.add(Math.floor(utc / AVAILABILITY_SLOT_MINUTES));
    }
  }
  return [...slots].sort((a, b) => a - b);
};

const pad = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/** The member's working week (weekdays, 9 to 18 local by default) as UTC slots. */
export const workdaySlotsUtc = (timeZone: string, at: Date): number[] =>
  weekSlotsUtc(
    timeZone,
    MEMBER_WORKDAYS.map((weekday) => ({
      weekday,
      start: pad(MEMBER_WORKDAY_START_HOUR),
      end: pad(MEMBER_WORKDAY_END_HOUR),
    })),
    at,
  );

/** Minutes a week two sets of slots share. */
export const overlapMinutes = (a: readonly number[], b: readonly number[]): number => {
  const set = new Set(a);
  return b.filter((slot) => set.has(slot)).length * AVAILABILITY_SLOT_MINUTES;
};
