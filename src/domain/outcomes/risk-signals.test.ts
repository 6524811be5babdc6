import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PairRiskFacts, riskLevel, riskSignalCodes, riskSignals } from './risk-signals';

const NOW = new Date('2027-04-01T12:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

const healthy: PairRiskFacts = {
  startedAt: ago(60),
  cadence: 'biweekly',
  heldSessionsRecent: 2,
  cancelledOrMissedRecent: 0,
  hasNextStep: true,
  lastMessage: { at: ago(1), by: 'member' },
  guideAnswerDays: [1, 0.5],
  latestPulseScore: 4,
};

describe('risk signals', () => {
  it('a healthy pair has none', () => {
    expect(riskSignals(healthy, NOW)).toEqual([]);
    expect(riskLevel([])).toBe('ok');
  });

  it.each<[string, Partial<PairRiskFacts>, string, RegExp]>([
    [
      'cadence behind the agreement',
      { cadence: 'weekly', heldSessionsRecent: 1 },
      'cadence-behind',
      /1 session held in the last 30 days; the agreement \(weekly\) means about 4/,
    ],
    ['no next step', { hasNextStep: false }, 'no-next-step', /No next step/],
    [
      'a message unanswered for 7 days',
      { lastMessage: { at: ago(7.2), by: 'guide' } },
      'unanswered-messages',
      /from the guide has waited 7 days for the member's answer/,
    ],
    ['a low pulse', { latestPulseScore: 2 }, 'low-pulse', /2 of 5/],
    [
      'a cancelled or missed session',
      { cancelledOrMissedRecent: 2 },
      'cancelled-or-missed',
      /2 sessions cancelled or missed/,
    ],
    ['a guide slow to answer', { guideAnswerDays: [5, 4, 1] }, 'guide-slow-to-answer', /about 4 days/],
  ])('%s', (_, change, code, reason) => {
    const signals = riskSignals({ ...healthy, ...change }, NOW);
    expect(signals.map((s) => s.code)).toEqual([code]);
    expect(signals[0]?.reason).toMatch(reason);
    expect(riskLevel(signals)).toBe('watch');
  });

  it.each<[string, Partial<PairRiskFacts>]>([
    ['6 days is not yet unanswered', { lastMessage: { at: ago(6.9), by: 'member' } }],
    ['a pulse of 3 is not low', { latestPulseScore: 3 }],
    ['cadence is not judged in the first month', { startedAt: ago(20), heldSessionsRecent: 0 }],
    ['no agreement, no cadence to be behind', { cadence: null, heldSessionsRecent: 0 }],
    ['a guide answering in 3 days is not slow', { guideAnswerDays: [3, 3] }],
  ])('no signal: %s', (_, change) => {
    expect(riskSignals({ ...healthy, ...change }, NOW)).toEqual([]);
  });

  it('two signals make a pair at risk', () => {
    expect(riskLevel(riskSignals({ ...healthy, hasNextStep: false, latestPulseScore: 1 }, NOW))).toBe(
      'at-risk',
    );
  });

  it('property: every signal has a known code and a reason, and no facts give more than six', () => {
    fc.assert(
      fc.property(
        fc.record({
          startedAt: fc.integer({ min: 0, max: 400 }).map(ago),
          cadence: fc.constantFrom('weekly', 'biweekly', 'monthly', null),
          heldSessionsRecent: fc.nat(10),
          cancelledOrMissedRecent: fc.nat(5),
          hasNextStep: fc.boolean(),
          lastMessage: fc.option(
            fc.record({
              at: fc.integer({ min: 0, max: 60 }).map(ago),
              by: fc.constantFrom('member' as const, 'guide' as const),
            }),
          ),
          guideAnswerDays: fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { maxLength: 8 }),
          latestPulseScore: fc.option(fc.integer({ min: 1, max: 5 })),
        }),
        (facts) => {
          const signals = riskSignals(facts, NOW);
          expect(signals.length).toBeLessThanOrEqual(riskSignalCodes.length);
          expect(new Set(signals.map((s) => s.code)).size).toBe(signals.length);
          for (const s of signals) expect(s.reason.length).toBeGreaterThan(10);
          expect(riskLevel(signals) === 'ok').toBe(signals.length === 0);
        },
      ),
    );
  });
});
