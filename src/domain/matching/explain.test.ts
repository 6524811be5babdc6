import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHORTLIST_DEFAULT_SIZE, SHORTLIST_MAX_SIZE } from '../settings/matching';
import { describeExplanation, explainAndShortlist, explainMatching, shortlistMatching } from './explain';
import { solveMatching } from './solve';
import { tinyInstance, toInput } from './test-support';

const lexAtLeastZero = (value: { count: number; score: number }): boolean =>
  value.count > 0 || (value.count === 0 && value.score >= -1e-9);

describe('explainMatching', () => {
  it('explains a clear win against the runner-up, net of demand', () => {
    // Both mentees prefer g0; m1 values it more than m0 does, relative to their second choices.
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
    const solution = solveMatching(input);
    expect(Array.from(solution.menteeMentor)).toEqual([1, 0]);
    const [first, second] = explainMatching(input, solution);
    expect(second?.chosen.mentor).toBe(0);
    expect(second?.runnerUp?.mentor).toBe(1);
    // g0's price is what m0 gives up by not having it (0.9 - 0.8 = 0.1): m1 nets 0.85 against 0.5.
    expect(second?.chosen.price.score).toBeCloseTo(0.1, 9);
    expect(second?.margin?.count).toBe(0);
    expect(second?.margin?.score).toBeCloseTo(0.35, 9);
    // m0 is indifferent at these prices: g1 (0.8) against g0 (0.9 - 0.1).
    expect(first?.margin?.score).toBeCloseTo(0, 9);
    const names = { mentee: (i: number) => `m${i}`, mentor: (j: number) => `g${j}` };
    expect(describeExplanation(second ?? expect.fail(), names)).toBe(
      'm1 → g0: fit 0.95, price 0.1; the next best option, g1 (fit 0.5, price 0), is 0.35 behind.',
    );
  });

  it('says when an unmatched mentee lost to cardinality', () => {
    const input = toInput({
      menteeCount: 2,
      capacity: [1, 1],
      edges: [
        [0, 0, 9],
        [1, 0, 1],
        [1, 1, 1],
      ],
    });
    // m0 can only have g0, so m1 must take g1 even though it also fits g0.
    const solution = solveMatching(input);
    const explanations = explainMatching(input, solution);
    expect(explanations[1]?.chosen.mentor).toBe(1);
    const alone = toInput({
      menteeCount: 2,
      capacity: [1],
      edges: [
        [0, 0, 9],
        [1, 0, 1],
      ],
    });
    const lonely = explainMatching(alone, solveMatching(alone))[1];
    expect(lonely?.chosen.mentor).toBeNull();
    expect(lonely?.runnerUp?.mentor).toBe(0);
    // g0's seat is worth a whole match elsewhere (m0 has no other guide): m1 is the marginal loser.
    expect(lonely?.runnerUp?.price).toEqual({ count: 1, score: 1 });
    expect(lonely?.margin).toEqual({ count: 0, score: 0 });
  });

  it('never shows a negative margin for a pair the optimiser chose', () => {
    fc.assert(
      fc.property(tinyInstance({ maxMentees: 7 }), (instance) => {
        const input = toInput(instance);
        const solution = solveMatching(input);
        for (const explanation of explainMatching(input, solution)) {
          if (explanation.margin !== null) expect(lexAtLeastZero(explanation.margin)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives a margin that really protects the choice: a smaller rise of the runner-up changes nothing', () => {
    fc.assert(
      fc.property(tinyInstance({ maxMentees: 6 }), (instance) => {
        const input = toInput(instance);
        const solution = solveMatching(input);
        for (const explanation of explainMatching(input, solution)) {
          const { runnerUp, margin } = explanation;
          if (runnerUp === null || runnerUp.mentor === null || margin === null || margin.count !== 0)
            continue;
          const raised = Float64Array.from(input.edgeScore);
          raised[runnerUp.edge] = (raised[runnerUp.edge] ?? 0) + margin.score / 2;
          const again = solveMatching({ ...input, edgeScore: raised });
          expect(again.matched).toBe(solution.matched);
          expect(again.objective).toBeCloseTo(solution.objective, 9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports the cost of a pin as a negative margin', () => {
    const input = toInput({
      menteeCount: 1,
      capacity: [1, 1],
      edges: [
        [0, 0, 0.2],
        [0, 1, 0.9],
      ],
    });
    const solution = solveMatching(input, { pinned: [[0, 0]] });
    const [explanation] = explainMatching(input, solution, { pinned: [[0, 0]] });
    expect(explanation?.pinned).toBe(true);
    expect(explanation?.margin?.score).toBeCloseTo(-0.7, 9);
  });
});

describe('shortlistMatching', () => {
  it('lists the assigned guide first, then by reduced cost, within 3 to 5 guides', () => {
    fc.assert(
      fc.property(tinyInstance({ maxMentees: 7, maxMentors: 6 }), (instance) => {
        const input = toInput(instance);
        const solution = solveMatching(input);
        const lists = shortlistMatching(input, solution);
        lists.forEach((list, mentee) => {
          const allowed = new Set(instance.edges.filter(([i]) => i === mentee).map(([, j]) => j));
          expect(list.length).toBe(Math.min(allowed.size, SHORTLIST_DEFAULT_SIZE));
          const assigned = solution.menteeMentor[mentee] ?? -1;
          if (assigned >= 0) expect(list[0]?.mentor).toBe(assigned);
          for (const entry of list) {
            expect(allowed.has(entry.mentor)).toBe(true);
            expect(lexAtLeastZero(entry.reducedCost)).toBe(true);
          }
          for (let k = 2; k < list.length; k++) {
            const a = list[k - 1]?.reducedCost ?? { count: 0, score: 0 };
            const b = list[k]?.reducedCost ?? { count: 0, score: 0 };
            expect(a.count < b.count || (a.count === b.count && a.score <= b.score)).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the guides everyone loves from crowding every shortlist', () => {
    // 20 mentees; 3 star guides (one seat each) that everyone scores 0.9–1, 10 others (three seats).
    const vary = (i: number, j: number): number => ((i * 37 + j * 11) % 17) / 17;
    const edges: [number, number, number][] = [];
    for (let i = 0; i < 20; i++) {
      for (let j = 0; j < 3; j++) edges.push([i, j, 0.9 + 0.1 * vary(i, j)]);
      for (let j = 3; j < 13; j++) edges.push([i, j, 0.4 + 0.45 * vary(i, j)]);
    }
    const input = toInput({ menteeCount: 20, capacity: [1, 1, 1, ...Array(10).fill(3)], edges });
    const lists = shortlistMatching(input, solveMatching(input), 3);
    const slots = lists.flat();
    const starSlots = slots.filter((entry) => entry.mentor < 3).length;
    // Ranked by raw score the three stars would fill all 60 places.
    expect(starSlots).toBeLessThan(slots.length / 2);
    expect(new Set(slots.map((entry) => entry.mentor)).size).toBeGreaterThan(6);
  });

  it('leaves blocked pairs out and refuses sizes outside 3 to 5', () => {
    const input = toInput({
      menteeCount: 1,
      capacity: [1, 1, 1, 1],
      edges: [
        [0, 0, 1],
        [0, 1, 1],
        [0, 2, 1],
        [0, 3, 1],
      ],
    });
    const constraints = { blocked: [[0, 2]] as [number, number][] };
    const solution = solveMatching(input, constraints);
    const [list] = shortlistMatching(input, solution, 3, constraints);
    expect(list?.map((entry) => entry.mentor)).not.toContain(2);
    expect(() => shortlistMatching(input, solution, 2)).toThrow(RangeError);
    expect(() => shortlistMatching(input, solution, SHORTLIST_MAX_SIZE + 1)).toThrow(RangeError);
  });
});

describe('explainAndShortlist', () => {
  it('gives what explainMatching and shortlistMatching give apart', () => {
    fc.assert(
      fc.property(tinyInstance({ maxMentees: 7, maxMentors: 6 }), (instance) => {
        const input = toInput(instance);
        const solution = solveMatching(input);
        const both = explainAndShortlist(input, solution, 4);
        expect(both.explanations).toEqual(explainMatching(input, solution));
        expect(both.shortlists).toEqual(shortlistMatching(input, solution, 4));
      }),
      { numRuns: 200 },
    );
  });
});
