import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latestPulseRound, pulseRoundDay } from './pulse-schedule';

const start = '2027-01-01T00:00:00Z';
const at = (days: number) => new Date(Date.parse(start) + days * 86_400_000);

describe('pulse schedule', () => {
  it.each([
    [29.9, 60, null],
    [30, 60, 0],
    [89, 60, 0],
    [90, 60, 1],
    [150, 60, 2],
    [44, 14, 1],
  ])('day %d, every %d days: round %s', (day, interval, round) => {
    expect(latestPulseRound(start, at(day), interval)).toBe(round);
  });
  it('property: the latest round is due and the next one is not yet', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 30, max: 1000, noNaN: true }),
        fc.integer({ min: 14, max: 180 }),
        (day, interval) => {
          const round = latestPulseRound(start, at(day), interval) ?? -1;
          expect(pulseRoundDay(round, interval)).toBeLessThanOrEqual(day + 1e-9);
          expect(pulseRoundDay(round + 1, interval)).toBeGreaterThan(day - 1e-9);
        },
      ),
    );
  });
});
