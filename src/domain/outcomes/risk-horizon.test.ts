import { describe, expect, it } from 'vitest';
import { RISK_OPEN_TURN_RECHECK_MS, type RiskClock, riskStableUntil } from './risk-horizon';

const NOW = new Date('2027-03-10T12:00:00Z');
const DAY = 86_400_000;
const iso = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
const quiet: RiskClock = {
  startedAt: iso(-90),
  cadence: null,
  earliestRecentSessionAt: null,
  nextPastStatusSessionAt: null,
  latestUpcomingSessionAt: null,
  lastMessageAt: null,
  nextMessageAt: null,
  earliestAnswerWindowMessageAt: null,
  guideTurnOpen: false,
};
const until = (clock: Partial<RiskClock>) =>
  riskStableUntil({ ...quiet, ...clock }, NOW)?.toISOString() ?? null;

describe('until when a pair’s signals hold without a write', () => {
  it('is forever for a pair with nothing that time changes', () => {
    expect(until({})).toBeNull();
  });

  it('ends at the first instant time changes a signal', () => {
    expect(until({ cadence: 'weekly', startedAt: iso(-20) })).toBe(iso(10));
    expect(until({ cadence: 'weekly', startedAt: iso(-40) })).toBeNull();
    expect(until({ earliestRecentSessionAt: iso(-25) })).toBe(iso(5));
    expect(until({ nextPastStatusSessionAt: iso(2) })).toBe(iso(2));
    expect(until({ latestUpcomingSessionAt: iso(3), earliestRecentSessionAt: iso(-26) })).toBe(iso(3));
    expect(until({ nextMessageAt: iso(0.5) })).toBe(iso(0.5));
    expect(until({ earliestAnswerWindowMessageAt: iso(-59) })).toBe(iso(1));
  });

  it('waits for the seventh day of a wait, then for each next whole day', () => {
    expect(until({ lastMessageAt: iso(-2) })).toBe(iso(5));
    expect(until({ lastMessageAt: iso(-7.25) })).toBe(iso(0.75));
  });

  it('looks again within the hour while the member waits for the guide', () => {
    expect(until({ guideTurnOpen: true })).toBe(
      new Date(NOW.getTime() + RISK_OPEN_TURN_RECHECK_MS).toISOString(),
    );
  });
});
