import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssignmentTuning, DEFAULT_TUNING } from './assignment';
import { checkCertificate } from './certificate';
import { solveMatching } from './solve';
import { bruteForce, tinyInstance, toInput } from './test-support';

// The solver runs up to five phases (exact bidding, ε-auction, exact bidding, shortest-path search,
// price release); which ones do the work depends on the instance. Each phase must keep or restore the
// optimality conditions on its own, so every mix of them must still give the brute-force optimum.
const tunings: { name: string; tuning: AssignmentTuning }[] = [
  {
    name: 'shortest-path search alone',
    tuning: {
      ...DEFAULT_TUNING,
      warmUpBids: 0,
      bids: 0,
      priceWarShare: Number.POSITIVE_INFINITY,
      searchBelow: 0,
    },
  },
  {
    name: 'exact bidding, then the search',
    tuning: {
      ...DEFAULT_TUNING,
      warmUpBids: 50,
      bids: 0,
      priceWarShare: Number.POSITIVE_INFINITY,
      searchBelow: 0,
    },
  },
  {
    name: 'ε-auction prices, then bidding, search and price release',
    tuning: { ...DEFAULT_TUNING, warmUpBids: 0, priceWarShare: -1 },
  },
  {
    name: 'a coarse ε-auction, then search and price release',
    tuning: {
      ...DEFAULT_TUNING,
      warmUpBids: 1,
      priceWarShare: -1,
      bids: 0,
      searchBelow: 0,
      auction: { startFraction: 0.5, endFraction: 0.5, shrink: 2, bidsPerMentee: 3, discount: -2 },
    },
  },
  { name: 'the default mix', tuning: DEFAULT_TUNING },
];

describe.each(tunings)('$name', ({ tuning }) => {
  it('matches brute force on random tiny instances, with a valid certificate', () => {
    fc.assert(
      fc.property(
        fc.oneof(tinyInstance({ integerScores: true }), tinyInstance({ maxMentees: 7 })),
        (instance) => {
          const input = toInput(instance);
          const solution = solveMatching(input, {}, tuning);
          const best = bruteForce(instance);
          expect(solution.matched).toBe(best.count);
          expect(solution.objective).toBeCloseTo(best.score, 9);
          expect(checkCertificate(input, solution).violations).toEqual([]);
        },
      ),
      { numRuns: 800 },
    );
  });
});
