import { MIN_BOOKING_LEAD_DAYS } from '../settings/sessions';
import {
  type AvailabilityWindow,
  fitsAvailability,
  isKnownTimeZone,
  localSpan,
  minutesToClock,
  overlapping,
  type TimedSession,
  toMs,
  weekdayNames,
  windowsFor,
} from './availability';

export type ScheduleProblemCode =
  | 'invalid-range'
  | 'in-past'
  | 'too-soon'
  | 'overlap'
  | 'outside-availability'
  | 'unknown-time-zone';

export type ScheduleProblem = {
  code: ScheduleProblemCode;
  message: string;
  /** For "overlap": the session already booked at that time. */
  conflictingSessionId?: string;
};

export type ScheduleCheckInput = {
  /** ISO instants of the proposed session. */
  start: string;
  end: string;
  now: string;
  /** IANA zone the guide's availability is written in. */
  guideTimeZone: string;
  availability: AvailabilityWindow[];
  /** Sessions already booked for the guide or the member. */
  existingSessions: TimedSession[];
  /** Defaults to the method's week ahead. */
  minLeadDays?: number;
  /** Both people agreed to meet at shorter notice; the lead time is then not checked. */
  allowShortNotice?: boolean;
  /** The session being moved, so it does not clash with itself. */
  ignoreSessionId?: string;
};

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;

const describeLocal = (startMs: number, endMs: number, timeZone: string): string => {
  const span = localSpan(startMs, endMs, timeZone);
  if (span === null) return `a time that runs past midnight in ${timeZone}`;
  return `${weekdayNames[span.weekday]} ${minutesToClock(Math.floor(span.start))}–${minutesToClock(Math.ceil(span.end))} (${timeZone})`;
};

const describeWindows = (availability: AvailabilityWindow[], weekday: number): string => {
  const windows = windowsFor(availability, weekday);
  return windows.length === 0
    ? 'no hours that day'
    : windows.map((w) => `${minutesToClock(w.start)}–${minutesToClock(w.end)}`).join(', ');
};

/** Every problem with a proposed session time, in the order a person would fix them. Empty means bookable. */
export const checkSchedule = (input: ScheduleCheckInput): ScheduleProblem[] => {
  const startMs = toMs(input.start);
  const endMs = toMs(input.end);
  const nowMs = toMs(input.now);
  if (endMs <= startMs) {
    return [{ code: 'invalid-range', message: 'The session has to end after it starts.' }];
  }

  const problems: ScheduleProblem[] = [];
  if (startMs <= nowMs) {
    problems.push({ code: 'in-past', message: 'This time has already passed. Pick a time in the future.' });
  } else {
    const leadDays = input.minLeadDays ?? MIN_BOOKING_LEAD_DAYS;
    const aheadMs = startMs - nowMs;
    if (!input.allowShortNotice && aheadMs < leadDays * MS_PER_DAY) {
      const ahead =
        aheadMs < MS_PER_DAY
          ? `${Math.max(1, Math.floor(aheadMs / MS_PER_HOUR))} hours`
          : `${Math.floor(aheadMs / MS_PER_DAY)} days`;
      problems.push({
        code: 'too-soon',
        message: `Sessions are booked at least ${leadDays} days ahead so that neither of you has to cancel for lack of time; this one starts in ${ahead}. If you both agree to short notice, confirm it explicitly.`,
      });
    }
  }

  for (const clash of overlapping(startMs, endMs, input.existingSessions, input.ignoreSessionId)) {
    problems.push({
      code: 'overlap',
      message: 'Another session is already booked at this time.',
      conflictingSessionId: clash.id,
    });
  }

  if (!isKnownTimeZone(input.guideTimeZone)) {
    problems.push({
      code: 'unknown-time-zone',
      message: `"${input.guideTimeZone}" is not a time zone we know, so the guide's availability cannot be checked. Choose a zone such as Europe/Berlin.`,
    });
  } else if (!fitsAvailability(startMs, endMs, input.guideTimeZone, input.availability)) {
    const span = localSpan(startMs, endMs, input.guideTimeZone);
    const hours =
      span === null
        ? ''
        : ` That day the guide is available: ${describeWindows(input.availability, span.weekday)}.`;
    problems.push({
      code: 'outside-availability',
      message: `This is ${describeLocal(startMs, endMs, input.guideTimeZone)} for the guide, outside their availability.${hours}`,
    });
  }
  return problems;
};
