import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapMeanDifferences, seededRandom } from './statistics';

// The plain form the inlined bootstrap must reproduce draw for draw.
function referenceDifferences(a: number[], b: number[], resamples: number, seed: string): number[] {
  const random = seededRandom(seed);
  const resampledMean = (values: number[]) => {
    let sum = 0;
    for (let i = 0; i < values.length; i += 1) sum += values[Math.floor(random() * values.length)] ?? 0;
    return sum / values.length;
  };
  return Array.from({ length: resamples }, () => resampledMean(a) - resampledMean(b));
}

describe('bootstrapMeanDifferences', () => {
  it('draws exactly the sequence of seededRandom, resample by resample', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.string(),
        (a, b, resamples, seed) => {
          const fast = bootstrapMeanDifferences(Float64Array.from(a), Float64Array.from(b), resamples, seed);
          expect(Array.from(fast)).toEqual(referenceDifferences(a, b, resamples, seed));
        },
      ),
    );
  });

  it('gives a different sequence for a different seed', () => {
    const a = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
    const b = Float64Array.from([1, 1, 0, 0, 1]);
    expect(Array.from(bootstrapMeanDifferences(a, b, 5, 'x'))).not.toEqual(
      Array.from(bootstrapMeanDifferences(a, b, 5, 'y')),
    );
  });
});
