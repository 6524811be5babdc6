import type { Cadence } from '../agreements/vocabulary';
import {
  RISK_GUIDE_SLOW_ANSWER_WINDOW_DAYS,
  RISK_RECENT_DAYS,
  RISK_UNANSWERED_MESSAGE_DAYS,
} from '../settings/outcomes';

const DAY_MS = 86_400_000;
/** How long a pair whose member waits for the guide keeps its stored state (the wait grows). */
export const RISK_OPEN_TURN_RECHECK_MS = 3_600_000;

/** The instants at which time alone can change a pair's signals, read with its facts. */
export type RiskClock = {
  startedAt: string;
  cadence: Cadence | null;
  /** The earliest start among held, cancelled or missed sessions inside the recent window. */
  earliestRecentSessionAt: string | null;
  /** The earliest start among held, cancelled or missed sessions still ahead (they count once begun). */
  nextPastStatusSessionAt: string | null;
  /** The latest start of a booked session still ahead: the next step ends when it begins. */
  latestUpcomingSessionAt: string | null;
  /** The latest message up to now, and the next one written with a later time, if any. */
  lastMessageAt: string | null;
  nextMessageAt: string | null;
  /** The earliest message inside the guide's answer window (it leaves the window in time). */
  earliestAnswerWindowMessageAt: string | null;
  /** The member is waiting for the guide's answer right now. */
  guideTurnOpen: boolean;
};

/**
 * Until when the signals computed at `now` hold if nothing is written: the earliest instant at which a
 * window moves past a session or message, a wait reaches another whole day, a booked session begins or
 * the pair's first month ends. Null: only a write can change them. A member waiting for the guide makes
 * the answer time grow continuously, so such a pair is looked at again within the hour.
 */
export function riskStableUntil(clock: RiskClock, now: Date): Date | null {
  const at = now.getTime();
  const candidates: number[] = [];
  const add = (ms: number) => {
    if (ms > at) candidates.push(ms);
  };
  const time = (iso: string | null) => (iso === null ? null : Date.parse(iso));
  if (clock.cadence) add(Date.parse(clock.startedAt) + RISK_RECENT_DAYS * DAY_MS);
  const earliestRecent = time(clock.earliestRecentSessionAt);
  if (earliestRecent !== null) add(earliestRecent + RISK_RECENT_DAYS * DAY_MS);
  const nextPastStatus = time(clock.nextPastStatusSessionAt);
  if (nextPastStatus !== null) add(nextPastStatus);
  const latestUpcoming = time(clock.latestUpcomingSessionAt);
  if (latestUpcoming !== null) add(latestUpcoming);
  const lastMessage = time(clock.lastMessageAt);
  if (lastMessage !== null) {
    // The wait shows in whole days: below the threshold it matters when the threshold is reached,
    // from then on each new day changes the sentence.
    const waited = Math.floor((at - lastMessage) / DAY_MS);
    add(lastMessage + Math.max(RISK_UNANSWERED_MESSAGE_DAYS, waited + 1) * DAY_MS);
  }
  const nextMessage = time(clock.nextMessageAt);
  if (nextMessage !== null) add(nextMessage);
  const earliestWindowMessage = time(clock.earliestAnswerWindowMessageAt);
  if (earliestWindowMessage !== null)
    add(earliestWindowMessage + RISK_GUIDE_SLOW_ANSWER_WINDOW_DAYS * DAY_MS);
  if (clock.guideTurnOpen) add(at + RISK_OPEN_TURN_RECHECK_MS);
  return candidates.length === 0 ? null : new Date(Math.min(...candidates));
}
