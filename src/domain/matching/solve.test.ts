import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCertificate } from './certificate';
import { MatchingInputError } from './prepare';
import { solveMatching } from './solve';
import { bruteForce, type TinyInstance, tinyInstance, toInput } from './test-support';
import type { IndexPair, MatchingSolution } from './types';

function expectFeasible(instance: TinyInstance, solution: MatchingSolution): void {
  const seats = instance.capacity.map(() => 0);
  for (let i = 0; i < instance.menteeCount; i++) {
    const j = solution.menteeMentor[i] ?? -1;
    if (j < 0) continue;
    expect(instance.edges.some(([a, b]) => a === i && b === j)).toBe(true);
    seats[j] = (seats[j] ?? 0) + 1;
  }
  seats.forEach((used, j) => {
    expect(used).toBeLessThanOrEqual(instance.capacity[j] ?? 0);
  });
}

describe('solveMatching on hand-made cases', () => {
  const cases: {
    name: string;
    instance: TinyInstance;
    matched: number;
    objective: number;
    pairs: number[];
  }[] = [
    {
      name: 'the better-scoring mentee wins a single seat',
      instance: {
        menteeCount: 2,
        capacity: [1],
        edges: [
          [0, 0, 1],
          [1, 0, 5],
        ],
      },
      matched: 1,
      objective: 5,
      pairs: [-1, 0],
    },
    {
      name: 'cardinality beats score: two modest pairs over one great pair',
      instance: {
        menteeCount: 2,
        capacity: [1, 1],
        edges: [
          [0, 0, 100],
          [0, 1, 1],
          [1, 0, 1],
        ],
      },
      matched: 2,
      objective: 2,
      pairs: [1, 0],
    },
    {
      name: 'a negative score still matches a mentee',
      instance: { menteeCount: 1, capacity: [1], edges: [[0, 0, -7]] },
      matched: 1,
      objective: -7,
      pairs: [0],
    },
    {
      name: 'negative scores are taken when they allow one more match',
      instance: {
        menteeCount: 2,
        capacity: [1, 1],
        edges: [
          [0, 0, 3],
          [1, 0, 4],
          [1, 1, -2],
        ],
      },
      matched: 2,
      objective: 1,
      pairs: [0, 1],
    },
    {
      name: 'capacity is shared by several mentees',
      instance: {
        menteeCount: 3,
        capacity: [2, 0],
        edges: [
          [0, 0, 1],
          [1, 0, 2],
          [2, 0, 3],
          [0, 1, 9],
        ],
      },
      matched: 2,
      objective: 5,
      pairs: [-1, 0, 0],
    },
    {
      name: 'ties keep input order: the earlier mentee keeps the seat',
      instance: {
        menteeCount: 2,
        capacity: [1],
        edges: [
          [0, 0, 2],
          [1, 0, 2],
        ],
      },
      matched: 1,
      objective: 2,
      pairs: [0, -1],
    },
    {
      name: 'ties keep input order: the earlier mentor is chosen',
      instance: {
        menteeCount: 1,
        capacity: [1, 1],
        edges: [
          [0, 1, 2],
          [0, 0, 2],
        ],
      },
      matched: 1,
      objective: 2,
      pairs: [1],
    },
    {
      name: 'a long alternating path moves every earlier mentee to make room for the last one',
      instance: {
        menteeCount: 4,
        capacity: [1, 1, 1, 1],
        edges: [
          [0, 0, 5],
          [0, 1, 1],
          [1, 1, 5],
          [1, 2, 1],
          [2, 2, 5],
          [2, 3, 1],
          [3, 0, 5],
        ],
      },
      matched: 4,
      objective: 8,
      pairs: [1, 2, 3, 0],
    },
    {
      name: 'nobody and nothing',
      instance: { menteeCount: 0, capacity: [], edges: [] },
      matched: 0,
      objective: 0,
      pairs: [],
    },
  ];
  for (const { name, instance, matched, objective, pairs } of cases) {
    it(name, () => {
      const input = toInput(instance);
      const solution = solveMatching(input);
      expect(solution.matched).toBe(matched);
      expect(solution.objective).toBeCloseTo(objective, 12);
      expect(Array.from(solution.menteeMentor)).toEqual(pairs);
      expect(checkCertificate(input, solution).violations).toEqual([]);
    });
  }
});

describe('solveMatching against brute force', () => {
  it('finds the optimum of thousands of random tiny instances with integer scores (many ties)', () => {
    fc.assert(
      fc.property(tinyInstance({ integerScores: true }), (instance) => {
        const input = toInput(instance);
        const solution = solveMatching(input);
        const best = bruteForce(instance);
        expect(solution.matched).toBe(best.count);
        expect(solution.objective).toBeCloseTo(best.score, 9);
        expectFeasible(instance, solution);
        expect(checkCertificate(input, solution).violations).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the optimum of thousands of random tiny instances with real scores', () => {
    fc.assert(
      fc.property(tinyInstance({ maxMentees: 7, maxMentors: 3 }), (instance) => {
        const input = toInput(instance);
        const solution = solveMatching(input);
        const best = bruteForce(instance);
        expect(solution.matched).toBe(best.count);
        expect(solution.objective).toBeCloseTo(best.score, 9);
        expectFeasible(instance, solution);
        expect(checkCertificate(input, solution).ok).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('respects pins and blocks and is optimal for the rest', () => {
    const withConstraints = tinyInstance({ integerScores: true }).chain((instance) =>
      fc.record({
        instance: fc.constant(instance),
        pinPicks: fc.subarray(instance.edges.map((_, k) => k)),
        blockPicks: fc.subarray(instance.edges.map((_, k) => k)),
      }),
    );
    fc.assert(
      fc.property(withConstraints, ({ instance, pinPicks, blockPicks }) => {
        // Keep only pins that fit: one per mentee and within each mentor's capacity.
        const pinned: IndexPair[] = [];
        const seats = [...instance.capacity];
        const pinnedMentees = new Set<number>();
        for (const k of pinPicks) {
          const edge = instance.edges[k];
          if (edge === undefined) continue;
          const [i, j] = edge;
          if (pinnedMentees.has(i) || (seats[j] ?? 0) <= 0) continue;
          pinnedMentees.add(i);
          seats[j] = (seats[j] ?? 0) - 1;
          pinned.push([i, j]);
        }
        const pinnedKeys = new Set(pinned.map(([i, j]) => `${i}:${j}`));
        const blocked: IndexPair[] = [];
        for (const k of blockPicks) {
          const edge = instance.edges[k];
          if (edge !== undefined && !pinnedKeys.has(`${edge[0]}:${edge[1]}`))
            blocked.push([edge[0], edge[1]]);
        }
        const input = toInput(instance);
        const solution = solveMatching(input, { pinned, blocked });
        const best = bruteForce(instance, pinned, blocked);
        expect(solution.matched).toBe(best.count);
        expect(solution.objective).toBeCloseTo(best.score, 9);
        for (const [i, j] of pinned) {
          expect(solution.menteeMentor[i]).toBe(j);
          expect(solution.menteePinned[i]).toBe(1);
        }
        for (const [i, j] of blocked) expect(solution.menteeMentor[i]).not.toBe(j);
        expect(checkCertificate(input, solution, { pinned, blocked }).violations).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it('is deterministic: the same input gives the same assignment and prices', () => {
    fc.assert(
      fc.property(tinyInstance({ integerScores: true, maxMentees: 8 }), (instance) => {
        const first = solveMatching(toInput(instance));
        const second = solveMatching(toInput(instance));
        expect(second).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});

describe('solveMatching input errors', () => {
  const base = toInput({
    menteeCount: 2,
    capacity: [1, 1],
    edges: [
      [0, 0, 1],
      [1, 1, 1],
    ],
  });
  const bad: { name: string; run: () => unknown; message: RegExp }[] = [
    {
      name: 'mentor index out of range',
      run: () => solveMatching({ ...base, edgeMentor: Int32Array.from([0, 2]) }),
      message: /edge 1: mentor index 2/,
    },
    {
      name: 'mentee index out of range',
      run: () => solveMatching({ ...base, edgeMentee: Int32Array.from([-1, 1]) }),
      message: /edge 0: mentee index -1/,
    },
    {
      name: 'non-finite score',
      run: () => solveMatching({ ...base, edgeScore: Float64Array.from([1, Number.NaN]) }),
      message: /finite/,
    },
    {
      name: 'negative capacity',
      run: () => solveMatching({ ...base, capacity: Int32Array.from([1, -1]) }),
      message: /capacity\[1\]/,
    },
    {
      name: 'lengths disagree',
      run: () => solveMatching({ ...base, edgeScore: Float64Array.from([1]) }),
      message: /same length/,
    },
    {
      name: 'pin on a pair that is not allowed',
      run: () => solveMatching(base, { pinned: [[0, 1]] }),
      message: /not an allowed pair/,
    },
    {
      name: 'pin and block on the same pair',
      run: () => solveMatching(base, { pinned: [[0, 0]], blocked: [[0, 0]] }),
      message: /pinned and blocked/,
    },
    {
      name: 'mentee pinned to two mentors',
      run: () =>
        solveMatching(
          { ...base, edgeMentee: Int32Array.from([0, 0]) },
          {
            pinned: [
              [0, 0],
              [0, 1],
            ],
          },
        ),
      message: /already pinned/,
    },
    {
      name: 'more pins than capacity',
      run: () =>
        solveMatching(
          { ...base, edgeMentor: Int32Array.from([0, 0]) },
          {
            pinned: [
              [0, 0],
              [1, 0],
            ],
          },
        ),
      message: /more pinned mentees than its capacity/,
    },
  ];
  for (const { name, run, message } of bad) {
    it(`rejects ${name}`, () => {
      expect(run).toThrow(MatchingInputError);
      expect(run).toThrow(message);
    });
  }
});
