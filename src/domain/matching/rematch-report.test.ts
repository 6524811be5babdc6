import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportRematch } from './rematch-report';
import { solveMatching } from './solve';
import { joinerCohort, tinyInstance, toInput } from './test-support';
import type { IndexPair } from './types';

describe('reportRematch', () => {
  it('reports what it kept, who moves, how far it is from a fresh optimum, and proves it', () => {
    const { instance, keep } = joinerCohort;
    const report = reportRematch(toInput(instance), keep);
    expect(report).toMatchObject({
      mode: 'optimal',
      kept: 2,
      movedFromOptimal: 2,
      proved: true,
      duals: null,
    });
    expect(report.moves).toEqual([{ mentee: 2, from: -1, to: 2 }]);
    expect(report.worstFit).toBeCloseTo(0.3, 12);
    expect(report.solution.objective).toBeCloseTo(1.2, 12);
    expect(report.summary).toMatch(/^Kept 2 of 2 current pairs; 1 person moves\. /);
  });

  it('proves every rematch of a random instance, keeping a random earlier answer', () => {
    fc.assert(
      fc.property(
        tinyInstance({ integerScores: true }),
        fc.integer({ min: 0, max: 1000 }),
        (instance, salt) => {
          const input = toInput(instance);
          const earlier = solveMatching(input);
          // Keep a subset of an earlier optimum, as after some pairs ended.
          const keep: IndexPair[] = [];
          earlier.menteeMentor.forEach((j, i) => {
            if (j >= 0 && (i + salt) % 3 !== 0) keep.push([i, j]);
          });
          const report = reportRematch(input, keep);
          expect(report.proved, report.summary).toBe(true);
          expect(report.kept).toBe(keep.length);
          expect(report.solution.matched).toBe(earlier.matched);
        },
      ),
      { numRuns: 150 },
    );
  });
});
