import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCertificate } from './certificate';
import { solveMatching } from './solve';
import { toCplexLp } from './test-support';
import type { MatchingInput } from './types';

// Medium instances against HiGHS, an independent LP solver: the bipartite b-matching LP has integral
// optimal vertices, so its two-step optimum (most matches, then best total) must equal ours.
type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

type Shape = {
  mentees: number;
  mentors: number;
  perMentee: number;
  maxCapacity: number;
  negative: boolean;
  seed: number;
};

function randomInstance(shape: Shape): MatchingInput {
  const random = lcg(shape.seed);
  const mentee: number[] = [];
  const mentor: number[] = [];
  const score: number[] = [];
  for (let i = 0; i < shape.mentees; i++) {
    const taken = new Set<number>();
    const count = 1 + Math.floor(random() * shape.perMentee);
    for (let k = 0; k < count; k++) {
      const j = Math.floor(random() * shape.mentors);
      if (taken.has(j)) continue;
      taken.add(j);
      mentee.push(i);
      mentor.push(j);
      // Rounded scores make ties common; negative ones test that cardinality still comes first.
      score.push(Math.round((shape.negative ? random() * 2 - 1 : random()) * 1000) / 100);
    }
  }
  return {
    menteeCount: shape.mentees,
    mentorCount: shape.mentors,
    capacity: Int32Array.from({ length: shape.mentors }, () =>
      Math.floor(random() * (shape.maxCapacity + 1)),
    ),
    edgeMentee: Int32Array.from(mentee),
    edgeMentor: Int32Array.from(mentor),
    edgeScore: Float64Array.from(score),
  };
}

function solveWithHighs(input: MatchingInput): { count: number; score: number } {
  const first = highs.solve(toCplexLp(input, 'count'), { output_flag: false });
  expect(first.Status).toBe('Optimal');
  const count = Math.round(first.ObjectiveValue);
  const second = highs.solve(toCplexLp(input, 'score', count), { output_flag: false });
  expect(second.Status).toBe('Optimal');
  return { count, score: second.ObjectiveValue };
}

const shapes: Shape[] = [
  { mentees: 300, mentors: 60, perMentee: 8, maxCapacity: 6, negative: false, seed: 1 },
  { mentees: 300, mentors: 60, perMentee: 8, maxCapacity: 6, negative: true, seed: 2 },
  { mentees: 400, mentors: 40, perMentee: 5, maxCapacity: 4, negative: false, seed: 3 },
  { mentees: 200, mentors: 150, perMentee: 12, maxCapacity: 2, negative: true, seed: 4 },
  { mentees: 500, mentors: 100, perMentee: 6, maxCapacity: 5, negative: false, seed: 5 },
  { mentees: 250, mentors: 25, perMentee: 25, maxCapacity: 12, negative: true, seed: 6 },
  { mentees: 350, mentors: 70, perMentee: 3, maxCapacity: 3, negative: false, seed: 7 },
  { mentees: 150, mentors: 150, perMentee: 40, maxCapacity: 1, negative: false, seed: 8 },
];

describe('solveMatching against HiGHS', () => {
  for (const shape of shapes) {
    it(`${shape.mentees} mentees × ${shape.mentors} mentors (seed ${shape.seed}) has the same optimum`, () => {
      const input = randomInstance(shape);
      const solution = solveMatching(input);
      const reference = solveWithHighs(input);
      expect(solution.matched).toBe(reference.count);
      expect(solution.objective).toBeCloseTo(reference.score, 6);
      expect(checkCertificate(input, solution).violations).toEqual([]);
    });
  }
});
