import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBlockingPairs } from './blocking-pairs';
import { solveStable } from './stable';
import { allAssignments, type TinyInstance, tinyInstance, toInput } from './test-support';
import type { IndexPair } from './types';

/** Higher score wins; equal scores go to the lower index. Restated here so the tests check the code. */
const better = (score: number, index: number, thanScore: number, thanIndex: number) =>
  score > thanScore || (score === thanScore && index < thanIndex);

/** The definition of a blocking pair, pair by pair, with no shortcuts. */
function naiveBlockingPairs(
  instance: TinyInstance,
  guideScore: number[],
  menteeEdge: Int32Array,
  pinned: readonly IndexPair[] = [],
  blocked: readonly IndexPair[] = [],
): number {
  const isPinned = (i: number) => pinned.some(([p]) => p === i);
  const isBlocked = (i: number, j: number) => blocked.some(([a, b]) => a === i && b === j);
  let count = 0;
  instance.edges.forEach(([i, j, score], e) => {
    if (isPinned(i) || isBlocked(i, j) || menteeEdge[i] === e) return;
    const own = menteeEdge[i] ?? -1;
    const ownEdge = instance.edges[own];
    if (ownEdge !== undefined && !better(score, j, ownEdge[2], ownEdge[1])) return;
    const seats = (instance.capacity[j] ?? 0) - pinned.filter(([, b]) => b === j).length;
    const held: number[] = [];
    menteeEdge.forEach((edge, k) => {
      if (edge >= 0 && !isPinned(k) && instance.edges[edge]?.[1] === j) held.push(edge);
    });
    const guideWants =
      held.length < seats ||
      held.some((h) => better(guideScore[e] ?? 0, i, guideScore[h] ?? 0, instance.edges[h]?.[0] ?? 0));
    if (guideWants) count++;
  });
  return count;
}

const withGuideScores = tinyInstance({ integerScores: true }).chain((instance) =>
  fc.record({
    instance: fc.constant(instance),
    guideScore: fc.array(fc.integer({ min: -2, max: 4 }), {
      minLength: instance.edges.length,
      maxLength: instance.edges.length,
    }),
  }),
);

describe('solveStable', () => {
  it('runs deferred acceptance: mentees propose, guides keep whom they prefer', () => {
    // Both mentees like guide 0 best; guide 0 (one seat) prefers mentee 1, so mentee 0 falls back to guide 1.
    const instance: TinyInstance = {
      menteeCount: 2,
      capacity: [1, 1],
      edges: [
        [0, 0, 9],
        [0, 1, 5],
        [1, 0, 8],
        [1, 1, 1],
      ],
    };
    const guideScore = Float64Array.from([1, 0, 2, 0]);
    const solution = solveStable(toInput(instance), { guideScore });
    expect(Array.from(solution.menteeMentor)).toEqual([1, 0]);
    expect(solution.objective).toBe(13);
  });

  it('is not the optimum: a stable match can give up total fit', () => {
    // The optimum pairs 0–1 and 1–0 (total 10); mentee 0 and guide 0 both rank each other first, so stable
    // mode keeps them together and matches only one pair.
    const instance: TinyInstance = {
      menteeCount: 2,
      capacity: [1, 1],
      edges: [
        [0, 0, 9],
        [0, 1, 8],
        [1, 0, 2],
      ],
    };
    const solution = solveStable(toInput(instance));
    expect(Array.from(solution.menteeMentor)).toEqual([0, -1]);
    expect(findBlockingPairs(toInput(instance), solution.menteeEdge).count).toBe(0);
  });

  it('breaks ties by index on both sides', () => {
    const instance: TinyInstance = {
      menteeCount: 2,
      capacity: [1, 1],
      edges: [
        [0, 1, 5],
        [0, 0, 5],
        [1, 0, 5],
        [1, 1, 5],
      ],
    };
    // Mentee 0 takes guide 0 (lower index); mentee 1 proposes to guide 0 too, loses the tie, goes to 1.
    expect(Array.from(solveStable(toInput(instance)).menteeMentor)).toEqual([0, 1]);
  });

  it('keeps pins, skips blocked pairs and honours zero capacity', () => {
    const instance: TinyInstance = {
      menteeCount: 3,
      capacity: [1, 1, 0],
      edges: [
        [0, 0, 9],
        [1, 0, 9],
        [1, 1, 3],
        [2, 0, 9],
        [2, 2, 9],
      ],
    };
    const pinned: IndexPair[] = [[0, 0]];
    const blocked: IndexPair[] = [[1, 1]];
    const solution = solveStable(toInput(instance), { constraints: { pinned, blocked } });
    expect(Array.from(solution.menteeMentor)).toEqual([0, -1, -1]);
    expect(Array.from(solution.menteePinned)).toEqual([1, 0, 0]);
  });

  it('has no blocking pair and gives every mentee its best stable partner (brute force)', () => {
    fc.assert(
      fc.property(withGuideScores, ({ instance, guideScore }) => {
        const input = toInput(instance);
        const guide = Float64Array.from(guideScore);
        const solution = solveStable(input, { guideScore: guide });
        expect(naiveBlockingPairs(instance, guideScore, solution.menteeEdge)).toBe(0);

        const stable = allAssignments(instance).filter(
          (assignment) => naiveBlockingPairs(instance, guideScore, assignment) === 0,
        );
        expect(stable.length).toBeGreaterThan(0);
        for (const other of stable) {
          for (let i = 0; i < instance.menteeCount; i++) {
            // Rural hospitals theorem: every stable matching matches the same mentees...
            expect((other[i] ?? -1) >= 0).toBe((solution.menteeEdge[i] ?? -1) >= 0);
            const mine = instance.edges[solution.menteeEdge[i] ?? -1];
            const theirs = instance.edges[other[i] ?? -1];
            // ...and the mentee-proposing one is the best of them for every mentee.
            if (mine !== undefined && theirs !== undefined && mine !== theirs)
              expect(better(mine[2], mine[1], theirs[2], theirs[1])).toBe(true);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('respects pins and blocks and is stable among the rest', () => {
    const arb = withGuideScores.chain(({ instance, guideScore }) =>
      fc.record({
        instance: fc.constant(instance),
        guideScore: fc.constant(guideScore),
        blocked: fc.subarray(instance.edges.map(([i, j]): IndexPair => [i, j])),
        pinIndex: fc.nat(),
      }),
    );
    fc.assert(
      fc.property(arb, ({ instance, guideScore, blocked, pinIndex }) => {
        const candidates = instance.edges.filter(
          ([i, j]) => (instance.capacity[j] ?? 0) > 0 && !blocked.some(([a, b]) => a === i && b === j),
        );
        const pin = candidates[pinIndex % Math.max(1, candidates.length)];
        const pinned: IndexPair[] = pin === undefined ? [] : [[pin[0], pin[1]]];
        const input = toInput(instance);
        const guide = Float64Array.from(guideScore);
        const solution = solveStable(input, { guideScore: guide, constraints: { pinned, blocked } });
        for (const [i, j] of pinned) expect(solution.menteeMentor[i]).toBe(j);
        for (const [i, j] of blocked) expect(solution.menteeMentor[i]).not.toBe(j);
        expect(naiveBlockingPairs(instance, guideScore, solution.menteeEdge, pinned, blocked)).toBe(0);
        const report = findBlockingPairs(input, solution.menteeEdge, {
          guideScore: guide,
          constraints: { pinned, blocked },
        });
        expect(report).toEqual({ count: 0, examples: [], invalid: [] });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('findBlockingPairs', () => {
  it('finds a planted blocking pair', () => {
    const instance: TinyInstance = {
      menteeCount: 2,
      capacity: [1, 1],
      edges: [
        [0, 0, 9],
        [0, 1, 1],
        [1, 0, 1],
        [1, 1, 9],
      ],
    };
    // Both mentees sit with the guide they like least; each prefers the other guide, who prefers them back.
    const swapped = Int32Array.from([1, 2]);
    const report = findBlockingPairs(toInput(instance), swapped);
    expect(report.count).toBe(2);
    expect(report.examples).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('counts exactly what the definition counts, on any valid assignment', () => {
    fc.assert(
      fc.property(withGuideScores, fc.nat(), ({ instance, guideScore }, pick) => {
        const assignments = allAssignments(instance);
        const assignment = assignments[pick % assignments.length] ?? new Int32Array(0);
        const report = findBlockingPairs(toInput(instance), assignment, {
          guideScore: Float64Array.from(guideScore),
        });
        expect(report.invalid).toEqual([]);
        expect(report.count).toBe(naiveBlockingPairs(instance, guideScore, assignment));
      }),
      { numRuns: 1500 },
    );
  });

  it('reports an assignment that is not valid', () => {
    const instance: TinyInstance = {
      menteeCount: 2,
      capacity: [1],
      edges: [
        [0, 0, 1],
        [1, 0, 1],
      ],
    };
    const report = findBlockingPairs(toInput(instance), Int32Array.from([0, 1]));
    expect(report.invalid).toEqual(['guide 0 holds 2 mentees for 1 free seats']);
    expect(findBlockingPairs(toInput(instance), Int32Array.from([1, -1])).invalid).toEqual([
      'mentee 0 is matched through a pair that is not theirs',
    ]);
  });
});
