import { type AvailabilityWindow, localSpan, MS_PER_MINUTE, zoned } from '../sessions/availability';
import type { BookingRules } from './booking-rules';
import { type MsInterval, mergeIntervals, overlapsAny, weekKey, windowsOn } from './open-slots';

// Booking by agreement (issue 13, point 5): a time one person proposes and the other confirms. It is
// offered when a calendar cannot be read, so it is checked against every rule that does not need that
// calendar: the notice, the rolling window, the guide's hours and time away, Corner's own sessions with
// their buffers, and the guide's daily and weekly limits. External busy time is what the two agree on.

export type ProposedTimeProblemCode =
  | 'in-past'
  | 'too-soon'
  | 'beyond-window'
  | 'out-of-office'
  | 'outside-hours'
  | 'clash'
  | 'day-full'
  | 'week-full';

export type ProposedTimeProblem = { code: ProposedTimeProblemCode; message: string };

export type ProposedTimeInput = {
  start: number;
  end: number;
  now: number;
  guideTimeZone: string;
  availability: AvailabilityWindow[];
  rules: BookingRules;
  /** Notice the time needs, in minutes; null once the pair has agreed (a confirmation re-checks the rest). */
  minNoticeMinutes: number | null;
  /** Corner's own sessions of either person that still take time (scheduled or held). */
  sessions: (MsInterval & { guideIsHost: boolean })[];
};

const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;

/** Every rule a proposed time breaks, in the order a person would fix them. Empty means it may be proposed. */
export const checkProposedTime = (input: ProposedTimeInput): ProposedTimeProblem[] => {
  const { start, end, now, rules } = input;
  if (start <= now) {
    return [{ code: 'in-past', message: 'This time has already passed. Propose a time in the future.' }];
  }
  const problems: ProposedTimeProblem[] = [];
  if (input.minNoticeMinutes !== null && start < now + input.minNoticeMinutes * MS_PER_MINUTE) {
    const days = Math.round(input.minNoticeMinutes / (24 * 60));
    problems.push({
      code: 'too-soon',
      message: `Sessions are booked at least ${days} days ahead so that neither of you has to cancel for lack of time. Propose a later time.`,
    });
  }
  if (end > now + rules.bookingWindowDays * MS_PER_DAY) {
    problems.push({
      code: 'beyond-window',
      message: `Sessions can be booked at most ${rules.bookingWindowDays} days ahead. Propose an earlier time.`,
    });
  }
  const away = mergeIntervals(
    rules.outOfOffice.map((o) => ({ start: Date.parse(o.start), end: Date.parse(o.end) })),
  );
  if (overlapsAny(away, start, end)) {
    problems.push({ code: 'out-of-office', message: 'The guide is away at this time.' });
  }
  const span = localSpan(start, end, input.guideTimeZone);
  const date = zoned(start, input.guideTimeZone).toPlainDate();
  const windows = windowsOn(date, input.availability, rules);
  // A guide who has published no hours (and no hours for that date) is asked directly: they confirm it.
  const published =
    input.availability.length > 0 || rules.dateOverrides.some((o) => o.date === date.toString());
  if (published && (span === null || !windows.some((w) => w.start <= span.start && span.end <= w.end))) {
    problems.push({ code: 'outside-hours', message: 'This is outside the guide’s hours for that day.' });
  }
  const gap = Math.max(rules.bufferBeforeMinutes, rules.bufferAfterMinutes) * MS_PER_MINUTE;
  const blocked = mergeIntervals(input.sessions.map((s) => ({ start: s.start - gap, end: s.end + gap })));
  if (overlapsAny(blocked, start, end)) {
    problems.push({
      code: 'clash',
      message: 'One of you already has a session in Corner at this time (or too close to it).',
    });
  }
  const hosted = input.sessions
    .filter((s) => s.guideIsHost)
    .map((s) => zoned(s.start, input.guideTimeZone).toPlainDate());
  if (rules.dailyLimit !== null && hosted.filter((d) => d.equals(date)).length >= rules.dailyLimit) {
    problems.push({ code: 'day-full', message: 'The guide’s sessions for that day are full.' });
  }
  if (
    rules.weeklyLimit !== null &&
    hosted.filter((d) => weekKey(d) === weekKey(date)).length >= rules.weeklyLimit
  ) {
    problems.push({ code: 'week-full', message: 'The guide’s sessions for that week are full.' });
  }
  return problems;
};
