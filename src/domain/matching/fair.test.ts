import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAIR_TUNING, edgesAtThreshold, type FairTuning, restrictEdges, solveFair } from './fair';
import { checkFair } from './fair-proof';
import { generateMatchingInstance, INSTANCE_KINDS } from './generate';
import { worstChosenFit } from './modes';
import { solveMatching } from './solve';
import { allAssignments, type TinyInstance, tinyInstance, toInput } from './test-support';
import type { IndexPair, MatchingInput } from './types';

type Best = { matched: number; worst: number; total: number };

/** The fair objective by enumeration: most matched, then the best worst unpinned fit, then total fit. */
function bruteForceFair(instance: TinyInstance, pinned: IndexPair[] = [], blocked: IndexPair[] = []): Best {
  const pinnedMentee = new Set(pinned.map(([i]) => i));
  let best: Best = { matched: -1, worst: Number.NEGATIVE_INFINITY, total: Number.NEGATIVE_INFINITY };
  for (const assignment of allAssignments(instance, pinned, blocked)) {
    let matched = 0;
    let worst = Number.POSITIVE_INFINITY;
    let total = 0;
    assignment.forEach((e, i) => {
      const edge = instance.edges[e];
      if (edge === undefined) return;
      matched++;
      total += edge[2];
      if (!pinnedMentee.has(i)) worst = Math.min(worst, edge[2]);
    });
    const better =
      matched > best.matched ||
      (matched === best.matched && (worst > best.worst || (worst === best.worst && total > best.total)));
    if (better) best = { matched, worst, total };
  }
  return best;
}

function worstFit(instance: TinyInstance, menteeEdge: Int32Array, pinned: IndexPair[] = []): number {
  let worst = Number.POSITIVE_INFINITY;
  menteeEdge.forEach((e, i) => {
    const edge = instance.edges[e];
    if (edge !== undefined && !pinned.some(([p]) => p === i)) worst = Math.min(worst, edge[2]);
  });
  return worst;
}

// Optimal: 0–0 (10) and 1–1 (1), total 11, worst 1. Fair: 0–1 (5) and 1–0 (4), total 9, worst 4.
const crossed: TinyInstance = {
  menteeCount: 2,
  capacity: [1, 1],
  edges: [
    [0, 0, 10],
    [0, 1, 5],
    [1, 0, 4],
    [1, 1, 1],
  ],
};

describe('solveFair', () => {
  it('raises the worst fit at the cost of total fit', () => {
    const input = toInput(crossed);
    expect(Array.from(solveMatching(input).menteeMentor)).toEqual([0, 1]);
    const fair = solveFair(input);
    expect(Array.from(fair.menteeMentor)).toEqual([1, 0]);
    expect(fair.certificate.threshold).toBe(4);
    expect(fair.objective).toBe(9);
    expect(checkFair(input, fair.menteeEdge, fair.certificate).ok).toBe(true);
  });

  it('never gives up a match for a better worst fit', () => {
    const instance: TinyInstance = {
      menteeCount: 2,
      capacity: [1],
      edges: [
        [0, 0, 9],
        [1, 0, -3],
      ],
    };
    const fair = solveFair(toInput({ ...instance, capacity: [2] }));
    expect(fair.matched).toBe(2);
    expect(fair.certificate.threshold).toBe(-3);
  });

  it('equals the brute-force fair objective on small random instances', () => {
    fc.assert(
      fc.property(tinyInstance({ integerScores: true }), (instance) => {
        const input = toInput(instance);
        const fair = solveFair(input);
        const best = bruteForceFair(instance);
        expect(fair.matched).toBe(best.matched);
        expect(worstFit(instance, fair.menteeEdge)).toBe(best.worst);
        expect(fair.objective).toBe(best.total);
        const proof = checkFair(input, fair.menteeEdge, fair.certificate);
        expect(proof.violations).toEqual([]);
        expect(proof.maxMatched).toBe(best.matched);
      }),
      { numRuns: 1500 },
    );
  });

  it('applies pins and blocks, and stays fair among the rest', () => {
    const arb = tinyInstance({ integerScores: true }).chain((instance) =>
      fc.record({
        instance: fc.constant(instance),
        blocked: fc.subarray(instance.edges.map(([i, j]): IndexPair => [i, j])),
        pinIndex: fc.nat(),
      }),
    );
    fc.assert(
      fc.property(arb, ({ instance, blocked, pinIndex }) => {
        const open = instance.edges.filter(
          ([i, j]) => (instance.capacity[j] ?? 0) > 0 && !blocked.some(([a, b]) => a === i && b === j),
        );
        const pin = open[pinIndex % Math.max(1, open.length)];
        const pinned: IndexPair[] = pin === undefined ? [] : [[pin[0], pin[1]]];
        const input = toInput(instance);
        const fair = solveFair(input, { pinned, blocked });
        const best = bruteForceFair(instance, pinned, blocked);
        expect(fair.matched).toBe(best.matched);
        expect(worstFit(instance, fair.menteeEdge, pinned)).toBe(best.worst);
        expect(fair.objective).toBe(best.total);
        expect(checkFair(input, fair.menteeEdge, fair.certificate, { pinned, blocked }).violations).toEqual(
          [],
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('checkFair', () => {
  const input = toInput(crossed);
  const fair = solveFair(input);

  it('rejects the optimum presented as fair', () => {
    const optimum = solveMatching(input);
    const proof = checkFair(input, optimum.menteeEdge, fair.certificate);
    expect(proof.ok).toBe(false);
    expect(proof.violations).toContain('a chosen pair fits 1, below the threshold 4');
  });

  it('rejects a threshold the covers do not support', () => {
    const raised = { ...fair.certificate, threshold: 1 };
    const proof = checkFair(input, fair.menteeEdge, raised);
    expect(proof.ok).toBe(false);
    expect(proof.violations.some((v) => v.startsWith('the cover above the threshold'))).toBe(true);
  });

  it('rejects a cover that leaves a pair uncovered', () => {
    const coverAll = { mentee: new Int32Array(2), mentor: new Int32Array(2) };
    const proof = checkFair(input, fair.menteeEdge, { ...fair.certificate, coverAll });
    expect(proof.violations[0]).toBe('the cover of all pairs: the pair (mentee 0, guide 0) is not covered');
  });

  it('rejects an assignment below the best total at the threshold', () => {
    const lower: TinyInstance = {
      menteeCount: 2,
      capacity: [2],
      edges: [
        [0, 0, 3],
        [1, 0, 3],
      ],
    };
    const lowerInput = toInput(lower);
    const solution = solveFair(lowerInput);
    // Drop one pair: now one fewer mentee is matched than the cover of all pairs proves possible.
    const fewer = Int32Array.from([0, -1]);
    expect(checkFair(lowerInput, fewer, solution.certificate).ok).toBe(false);
  });
});

/**
 * The fair objective the slow, obvious way: every distinct fit from the best down, each with a full
 * optimal solve of the pairs at or above it, until one matches as many mentees as the whole problem.
 */
function thresholdScan(input: MatchingInput): { threshold: number | null; total: number; matched: number } {
  const most = solveMatching(input).matched;
  if (most === 0) return { threshold: null, total: 0, matched: 0 };
  const scores = [...new Set(input.edgeScore)].sort((a, b) => b - a);
  for (const threshold of scores) {
    const keep = edgesAtThreshold(input, new Int32Array(input.menteeCount).fill(-1), threshold, false);
    const solution = solveMatching(restrictEdges(input, keep).input);
    if (solution.matched === most) return { threshold, total: solution.objective, matched: most };
  }
  return { threshold: null, total: 0, matched: 0 };
}

// The last solve either warm-starts from the optimum or solves cold (FairTuning picks by how many of
// the optimum's pairs the bottleneck drops); both paths must give the same exact answer, so each is
// forced here as well as the default choice.
const TUNINGS: [string, FairTuning][] = [
  ['the default choice', DEFAULT_FAIR_TUNING],
  ['always warm-started from the optimum', { warmStartPairs: Number.POSITIVE_INFINITY, warmStartShare: 1 }],
  ['always solved cold', { warmStartPairs: -1, warmStartShare: 0 }],
];

describe.each(TUNINGS)('solveFair on generated cohorts, %s', (_label, tuning) => {
  it('finds the bottleneck and total of a threshold-by-threshold scan', () => {
    const recipe = fc.record({
      mentees: fc.integer({ min: 1, max: 60 }),
      guides: fc.integer({ min: 1, max: 15 }),
      degree: fc.integer({ min: 1, max: 8 }),
      kind: fc.constantFrom(...INSTANCE_KINDS),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      capacity: fc.oneof(
        fc.integer({ min: 0, max: 5 }),
        fc.constant([0, 4] as const),
        fc.constant([1, 3] as const),
      ),
    });
    fc.assert(
      fc.property(recipe, (shape) => {
        const { input } = generateMatchingInstance(shape);
        const fair = solveFair(input, {}, solveMatching(input), tuning);
        const scan = thresholdScan(input);
        expect(fair.matched).toBe(scan.matched);
        expect(fair.certificate.threshold).toBe(scan.threshold);
        expect(worstChosenFit(input, fair)).toBe(scan.threshold);
        expect(fair.objective).toBe(scan.total);
        expect(checkFair(input, fair.menteeEdge, fair.certificate).violations).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
