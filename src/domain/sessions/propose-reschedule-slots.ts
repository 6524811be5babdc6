import { Temporal } from 'temporal-polyfill';
import {
  RESCHEDULE_MAX_SLOTS,
  RESCHEDULE_MIN_NOTICE_HOURS,
  RESCHEDULE_SLOT_STEP_MINUTES,
} from '../settings/sessions';
import {
  type AvailabilityWindow,
  fitsAvailability,
  isKnownTimeZone,
  MS_PER_MINUTE,
  minutesToClock,
  overlapping,
  type TimedSession,
  toMs,
  windowsFor,
  zoned,
} from './availability';

export type RescheduleInput = {
  /** The session to move; its id keeps it from clashing with itself. */
  original: { id?: string; start: string; end: string };
  now: string;
  guideTimeZone: string;
  availability: AvailabilityWindow[];
  existingSessions: TimedSession[];
  stepMinutes?: number;
  limit?: number;
};

export type Slot = { start: string; end: string };

const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const DAYS_PER_WEEK = 7;

/**
 * Free times of the same length in the same Monday-to-Sunday week as the original session (the week as
 * the guide's calendar has it), closest to the original time first. Moving a session within its week
 * keeps the rhythm; pushing it to next week quietly skips one.
 */
export const proposeRescheduleSlots = (input: RescheduleInput): Slot[] => {
  if (!isKnownTimeZone(input.guideTimeZone)) return [];
  const zone = input.guideTimeZone;
  const step = input.stepMinutes ?? RESCHEDULE_SLOT_STEP_MINUTES;
  const limit = input.limit ?? RESCHEDULE_MAX_SLOTS;
  const originalStart = toMs(input.original.start);
  const durationMs = toMs(input.original.end) - originalStart;
  if (durationMs <= 0 || step <= 0) return [];
  const durationMinutes = Math.ceil(durationMs / MS_PER_MINUTE);
  const earliest = toMs(input.now) + RESCHEDULE_MIN_NOTICE_HOURS * MS_PER_HOUR;

  const local = zoned(originalStart, zone);
  const monday = local.toPlainDate().subtract({ days: local.dayOfWeek - 1 });
  const found: { start: number; end: number }[] = [];
  for (let offset = 0; offset < DAYS_PER_WEEK; offset += 1) {
    const date = monday.add({ days: offset });
    for (const window of windowsFor(input.availability, date.dayOfWeek)) {
      for (let minute = window.start; minute + durationMinutes <= window.end; minute += step) {
        const start = date.toZonedDateTime({
          timeZone: zone,
          plainTime: Temporal.PlainTime.from(minutesToClock(minute)),
        }).epochMilliseconds;
        const end = start + durationMs;
        const free =
          start !== originalStart &&
          start >= earliest &&
          // Re-checked on the instants: a daylight-saving shift can push a wall-clock slot out of its window.
          fitsAvailability(start, end, zone, input.availability) &&
          overlapping(start, end, input.existingSessions, input.original.id).length === 0;
        if (free && !found.some((slot) => slot.start === start)) found.push({ start, end });
      }
    }
  }
  return found
    .sort(
      (a, b) => Math.abs(a.start - originalStart) - Math.abs(b.start - originalStart) || a.start - b.start,
    )
    .slice(0, limit)
    .map((slot) => ({
      start: new Date(slot.start).toISOString(),
      end: new Date(slot.end).toISOString(),
    }));
};
