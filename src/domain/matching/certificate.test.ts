import { describe, expect, it } from 'vitest';
import { checkCertificate } from './certificate';
import { solveMatching } from './solve';
import { toInput } from './test-support';
import type { MatchingSolution } from './types';

// A certificate checker that accepts anything proves nothing: each tampering below must be caught.
const instance = {
  menteeCount: 4,
  capacity: [1, 2, 0],
  edges: [
    [0, 0, 5],
    [0, 1, 1],
    [1, 0, 4],
    [1, 1, 3],
    [2, 1, 2],
    [3, 1, 1],
    [3, 2, 9],
  ] as [number, number, number][],
};
const input = toInput(instance);

function tampered(change: (solution: MatchingSolution) => void): MatchingSolution {
  const solution = solveMatching(input);
  const copy: MatchingSolution = {
    ...solution,
    menteeMentor: Int32Array.from(solution.menteeMentor),
    menteeEdge: Int32Array.from(solution.menteeEdge),
    duals: {
      menteeValueCount: Int32Array.from(solution.duals.menteeValueCount),
      menteeValueScore: Float64Array.from(solution.duals.menteeValueScore),
      mentorPriceCount: Int32Array.from(solution.duals.mentorPriceCount),
      mentorPriceScore: Float64Array.from(solution.duals.mentorPriceScore),
    },
  };
  change(copy);
  return copy;
}

describe('checkCertificate', () => {
  it('accepts the solver’s solution and reports equal primal and dual values', () => {
    const solution = solveMatching(input);
    const report = checkCertificate(input, solution);
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.dual).toEqual(report.primal);
    expect(solution.matched).toBe(3);
    expect(solution.objective).toBe(5 + 3 + 2);
  });

  const tamperings: { name: string; change: (solution: MatchingSolution) => void; expected: RegExp }[] = [
    {
      name: 'a suboptimal assignment with the same prices',
      change: (s) => {
        // mentee 0 moves from mentor 0 to mentor 1 (score 1 instead of 5), mentee 1 takes mentor 0's seat.
        s.menteeMentor.set([1, 0, 1, -1]);
        s.menteeEdge.set([1, 2, 4, -1]);
        s.objective = 1 + 4 + 2;
      },
      expected: /not tight|negative reduced cost|duality gap/,
    },
    {
      name: 'a mentor over capacity',
      change: (s) => {
        s.menteeMentor[3] = 1;
        s.menteeEdge[3] = 5;
        s.matched = 4;
        s.objective += 1;
      },
      expected: /capacity/,
    },
    {
      name: 'a pair that is not allowed',
      change: (s) => {
        s.menteeEdge[2] = 0;
      },
      expected: /not one of its pairs/,
    },
    {
      name: 'a wrong objective',
      change: (s) => {
        s.objective += 0.5;
      },
      expected: /objective/,
    },
    {
      name: 'a wrong match count',
      change: (s) => {
        s.matched += 1;
      },
      expected: /matched/,
    },
    {
      name: 'a price lowered below feasibility',
      change: (s) => {
        s.duals.mentorPriceScore[1] = (s.duals.mentorPriceScore[1] ?? 0) - 1;
      },
      expected: /negative|not tight|gap/,
    },
    {
      name: 'a positive value for an unmatched mentee',
      change: (s) => {
        s.duals.menteeValueScore[3] = 1;
      },
      expected: /positive value|gap/,
    },
    {
      name: 'a negative mentee value',
      change: (s) => {
        s.duals.menteeValueCount[3] = -1;
      },
      expected: /negative value/,
    },
  ];
  for (const { name, change, expected } of tamperings) {
    it(`rejects ${name}`, () => {
      const report = checkCertificate(input, tampered(change));
      expect(report.ok).toBe(false);
      expect(report.violations.join('\n')).toMatch(expected);
    });
  }

  it('rejects a positive price on a mentor with a free seat', () => {
    const roomy = toInput({ menteeCount: 1, capacity: [2], edges: [[0, 0, 1]] });
    const solution = solveMatching(roomy);
    expect(checkCertificate(roomy, solution).ok).toBe(true);
    // Still tight and feasible, but the unused seat is priced: the dual total exceeds the primal.
    solution.duals.mentorPriceScore[0] = 0.5;
    solution.duals.menteeValueScore[0] = 0.5;
    const report = checkCertificate(roomy, solution);
    expect(report.violations.join('\n')).toMatch(/free seat but a positive price/);
    expect(report.violations.join('\n')).toMatch(/duality gap/);
  });

  it('checks pinned pairs and blocked pairs', () => {
    const constraints = { pinned: [[3, 1]] as [number, number][], blocked: [[0, 0]] as [number, number][] };
    const solution = solveMatching(input, constraints);
    expect(checkCertificate(input, solution, constraints).violations).toEqual([]);
    expect(checkCertificate(input, solveMatching(input), constraints).ok).toBe(false);
  });
});
