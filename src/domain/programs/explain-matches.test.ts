import { describe, expect, it } from 'vitest';
import { solveMatching } from '../matching/solve';
import type { CohortProblem } from './build-matching-problem';
import { explainMatches } from './explain-matches';

// A cohort problem by hand: edges as [member, guide, fit], so the prices are easy to reason about.
function problemOf(
  menteeCount: number,
  capacity: number[],
  edges: [number, number, number][],
): CohortProblem {
  return {
    input: {
      menteeCount,
      mentorCount: capacity.length,
      capacity: Int32Array.from(capacity),
      edgeMentee: Int32Array.from(edges.map((e) => e[0])),
      edgeMentor: Int32Array.from(edges.map((e) => e[1])),
      edgeScore: Float64Array.from(edges.map((e) => e[2])),
    },
    constraints: {},
    edgeWhy: edges.map(([m, g]) => [`reason ${m}-${g}`]),
    noOptions: new Map(),
  };
}

const explain = (problem: CohortProblem) =>
  explainMatches(problem, solveMatching(problem.input, problem.constraints));

describe('cohort match explanations from the engine’s prices', () => {
  // Both members fit guide 0 best, and it has one seat. Member 1 loses less by going to guide 1
  // (0.9 → 0.5) than member 0 would (0.85 → 0.2), so member 1 gets guide 1.
  const popular = problemOf(
    2,
    [1, 1],
    [
      [0, 0, 0.85],
      [0, 1, 0.2],
      [1, 0, 0.9],
      [1, 1, 0.5],
    ],
  );

  it('says a better-fitting guide was in demand instead of calling the match a mistake', () => {
    const { pairs } = explain(popular);
    const second = pairs.find((pair) => pair.menteeIndex === 1);
    expect(second?.mentorIndex).toBe(1);
    expect(second?.why).toEqual(['reason 1-1']);
    expect(second?.runnerUp).toMatchObject({ mentorIndex: 0, score: 0.9, inDemand: true });
    expect(second?.margin).toBeGreaterThanOrEqual(0);
  });

  it('keeps the member’s alternatives to guides they could have had, the popular one marked in demand', () => {
    const { pairs } = explain(popular);
    const second = pairs.find((pair) => pair.menteeIndex === 1);
    expect(second?.alternatives).toEqual([{ mentorIndex: 0, score: 0.9, inDemand: true }]);
    const first = pairs.find((pair) => pair.menteeIndex === 0);
    expect(first?.alternatives).toEqual([{ mentorIndex: 1, score: 0.2, inDemand: false }]);
    // Member 0's lead: 0.85 − guide 0's price (0.4) against 0.2 at guide 1.
    expect(first?.margin).toBeCloseTo(0.25, 6);
  });

  it('ranks a popular guide below one the member can really get, even when it fits better', () => {
    // Guide 0 is everyone's favourite with one seat; guide 1 and 2 have room. Member 2 is matched to
    // guide 1; its shortlist puts guide 2 (free) ahead of guide 0 (in demand), though guide 0 fits best.
    const { pairs } = explain(
      problemOf(
        3,
        [1, 2, 2],
        [
          [0, 0, 0.95],
          [0, 1, 0.3],
          [1, 0, 0.9],
          [1, 2, 0.3],
          [2, 0, 0.92],
          [2, 1, 0.8],
          [2, 2, 0.7],
        ],
      ),
    );
    const third = pairs.find((pair) => pair.menteeIndex === 2);
    expect(third?.mentorIndex).toBe(1);
    expect(third?.alternatives.map((a) => [a.mentorIndex, a.inDemand])).toEqual([
      [2, false],
      [0, true],
    ]);
  });

  it('lists the guides an unmatched member was closest to', () => {
    const { pairs, unmatched } = explain(
      problemOf(
        2,
        [1],
        [
          [0, 0, 0.9],
          [1, 0, 0.3],
        ],
      ),
    );
    expect(pairs.map((pair) => pair.menteeIndex)).toEqual([0]);
    expect(unmatched).toEqual([
      { menteeIndex: 1, alternatives: [{ mentorIndex: 0, score: 0.3, inDemand: true }] },
    ]);
  });

  it('says when a member had only one allowed guide', () => {
    const { pairs } = explain(problemOf(1, [1], [[0, 0, 0.4]]));
    expect(pairs[0]?.runnerUp).toMatchObject({ mentorIndex: null });
    expect(pairs[0]?.alternatives).toEqual([]);
  });
});
