import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TUNING } from './assignment';
import { checkCertificate } from './certificate';
import { minimalPrices } from './prices';
import { solveMatching } from './solve';
import { tinyInstance, toInput } from './test-support';

describe('minimalPrices', () => {
  it('prices a contested guide at the loser’s best alternative, not anywhere in between', () => {
    // Two mentees want g0 (one seat): m1 gains 0.45 over its alternative, m0 only 0.1.
    const input = toInput({
      menteeCount: 2,
      capacity: [1, 1],
      edges: [
        [0, 0, 0.9],
        [0, 1, 0.8],
        [1, 0, 0.95],
        [1, 1, 0.5],
      ],
    });
    const duals = minimalPrices(input, solveMatching(input));
    expect(duals.mentorPriceCount[0]).toBe(0);
    expect(duals.mentorPriceScore[0]).toBeCloseTo(0.1, 12);
    expect(duals.mentorPriceScore[1]).toBe(0);
  });

  it('are still a valid certificate, never above the solver’s, and the same whichever path solved it', () => {
    const pureSearch = {
      ...DEFAULT_TUNING,
      warmUpBids: 0,
      bids: 0,
      priceWarShare: Number.POSITIVE_INFINITY,
      searchBelow: 0,
    };
    const auctionFirst = { ...DEFAULT_TUNING, warmUpBids: 0, priceWarShare: -1 };
    fc.assert(
      fc.property(tinyInstance({ maxMentees: 7 }), (instance) => {
        const input = toInput(instance);
        const first = solveMatching(input, {}, pureSearch);
        const second = solveMatching(input, {}, auctionFirst);
        const a = minimalPrices(input, first);
        const b = minimalPrices(input, second);
        expect(checkCertificate(input, { ...first, duals: a }).violations).toEqual([]);
        for (let j = 0; j < input.mentorCount; j++) {
          const c = (first.duals.mentorPriceCount[j] ?? 0) - (a.mentorPriceCount[j] ?? 0);
          const s = (first.duals.mentorPriceScore[j] ?? 0) - (a.mentorPriceScore[j] ?? 0);
          expect(c > 0 || (c === 0 && s >= -1e-9)).toBe(true);
          expect(a.mentorPriceCount[j]).toBe(b.mentorPriceCount[j]);
          expect(a.mentorPriceScore[j]).toBeCloseTo(b.mentorPriceScore[j] ?? 0, 9);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
