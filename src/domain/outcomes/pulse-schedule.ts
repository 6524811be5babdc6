import { PULSE_FIRST_DAY } from '../settings/outcomes';

const DAY_MS = 86_400_000;

/** The day (since the pair started) of a pulse round: round 0 on day 30, then every interval. */
export const pulseRoundDay = (round: number, intervalDays: number): number =>
  PULSE_FIRST_DAY + round * intervalDays;

// The latest round due at `now`, or null before day 30. Only the latest is ever offered: a pair whose
// prompts were missed gets one check-in, not a backlog of them (never a flood).
export function latestPulseRound(startedAt: string, now: Date, intervalDays: number): number | null {
  const days = (now.getTime() - Date.parse(startedAt)) / DAY_MS;
  if (days < PULSE_FIRST_DAY) return null;
  return Math.floor((days - PULSE_FIRST_DAY) / intervalDays);
}
