// Helpers shared by the matching tests: tiny instances as plain data and an exhaustive reference solver.
import fc from 'fast-check';
import type { IndexPair, MatchingInput } from './types';

export type TinyInstance = {
  menteeCount: number;
  capacity: number[];
  edges: [number, number, number][];
};

export function toInput(instance: TinyInstance): MatchingInput {
  return {
    menteeCount: instance.menteeCount,
    mentorCount: instance.capacity.length,
    capacity: Int32Array.from(instance.capacity),
    edgeMentee: Int32Array.from(instance.edges.map((edge) => edge[0])),
    edgeMentor: Int32Array.from(instance.edges.map((edge) => edge[1])),
    edgeScore: Float64Array.from(instance.edges.map((edge) => edge[2])),
  };
}

/** Random tiny instances: few mentees and mentors, unique pairs, scores that often tie or are negative. */
export function tinyInstance(
  options: { maxMentees?: number; maxMentors?: number; integerScores?: boolean } = {},
) {
  const maxMentees = options.maxMentees ?? 6;
  const maxMentors = options.maxMentors ?? 4;
  const scoreArb = options.integerScores
    ? fc.integer({ min: -3, max: 6 })
    : fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true });
  return fc
    .record({
      menteeCount: fc.integer({ min: 0, max: maxMentees }),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: maxMentors }),
    })
    .chain(({ menteeCount, capacity }) => {
      const pairs: [number, number][] = [];
      for (let i = 0; i < menteeCount; i++) for (let j = 0; j < capacity.length; j++) pairs.push([i, j]);
      return fc.record({
        menteeCount: fc.constant(menteeCount),
        capacity: fc.constant(capacity),
        edges: fc
          .subarray(pairs)
          .chain((chosen) =>
            fc.tuple(...chosen.map(([i, j]) => scoreArb.map((s): [number, number, number] => [i, j, s]))),
          ),
      });
    });
}

export type Lex = { count: number; score: number };

/** Exhaustive optimum (matches first, then score) of a tiny instance, respecting pins and blocks. */
export function bruteForce(
  instance: TinyInstance,
  pinned: readonly IndexPair[] = [],
  blocked: readonly IndexPair[] = [],
): Lex {
  const byMentee: [number, number][][] = Array.from({ length: instance.menteeCount }, () => []);
  const blockedKey = new Set(blocked.map(([i, j]) => `${i}:${j}`));
  const pinnedTo = new Map(pinned.map(([i, j]) => [i, j]));
  for (const [i, j, s] of instance.edges) {
    const pin = pinnedTo.get(i);
    if (pin !== undefined ? pin !== j : blockedKey.has(`${i}:${j}`)) continue;
    byMentee[i]?.push([j, s]);
  }
  const left = [...instance.capacity];
  let best: Lex = { count: -1, score: Number.NEGATIVE_INFINITY };
  const visit = (i: number, count: number, score: number): void => {
    if (i === instance.menteeCount) {
      if (count > best.count || (count === best.count && score > best.score)) best = { count, score };
      return;
    }
    const options = byMentee[i] ?? [];
    if (!pinnedTo.has(i)) visit(i + 1, count, score);
    for (const [j, s] of options) {
      if ((left[j] ?? 0) <= 0) continue;
      left[j] = (left[j] ?? 0) - 1;
      visit(i + 1, count + 1, score + s);
      left[j] = (left[j] ?? 0) + 1;
    }
  };
  visit(0, 0, 0);
  return best;
}

/**
 * The b-matching LP in CPLEX LP format, for checking against an independent solver (HiGHS).
 * `objective: 'count'` maximises the number of matches; 'score' maximises the total score, optionally
 * with at least `minCount` matches (the second step of the lexicographic objective).
 */
export function toCplexLp(input: MatchingInput, objective: 'count' | 'score', minCount?: number): string {
  const lines: string[] = ['Maximize', ' obj:'];
  const terms = (entries: string[]): void => {
    for (let k = 0; k < entries.length; k += 8) lines.push(`  ${entries.slice(k, k + 8).join(' ')}`);
  };
  const edgeCount = input.edgeMentee.length;
  const all = Array.from({ length: edgeCount }, (_, e) => e);
  terms(
    all.map((e) =>
      objective === 'count'
        ? `+ x${e}`
        : `${(input.edgeScore[e] ?? 0) < 0 ? '-' : '+'} ${Math.abs(input.edgeScore[e] ?? 0)} x${e}`,
    ),
  );
  lines.push('Subject To');
  const byMentee: number[][] = Array.from({ length: input.menteeCount }, () => []);
  const byMentor: number[][] = Array.from({ length: input.mentorCount }, () => []);
  for (let e = 0; e < edgeCount; e++) {
    byMentee[input.edgeMentee[e] ?? 0]?.push(e);
    byMentor[input.edgeMentor[e] ?? 0]?.push(e);
  }
  byMentee.forEach((edges, i) => {
    if (edges.length === 0) return;
    lines.push(` mentee${i}:`);
    terms(edges.map((e) => `+ x${e}`));
    lines.push('  <= 1');
  });
  byMentor.forEach((edges, j) => {
    if (edges.length === 0) return;
    lines.push(` mentor${j}:`);
    terms(edges.map((e) => `+ x${e}`));
    lines.push(`  <= ${input.capacity[j] ?? 0}`);
  });
  if (minCount !== undefined && edgeCount > 0) {
    lines.push(' matches:');
    terms(all.map((e) => `+ x${e}`));
    lines.push(`  >= ${minCount}`);
  }
  lines.push('Bounds');
  for (let e = 0; e < edgeCount; e++) lines.push(` 0 <= x${e} <= 1`);
  lines.push('End');
  return lines.join('\n');
}

/**
 * Every valid assignment of a tiny instance, as per-mentee edge indices into `instance.edges` (-1 when
 * unmatched): each mentee at most once, each mentor within capacity, pins kept, blocked pairs unused.
 */
export function allAssignments(
  instance: TinyInstance,
  pinned: readonly IndexPair[] = [],
  blocked: readonly IndexPair[] = [],
): Int32Array[] {
  const blockedKey = new Set(blocked.map(([i, j]) => `${i}:${j}`));
  const pinnedTo = new Map(pinned.map(([i, j]) => [i, j]));
  const options: number[][] = Array.from({ length: instance.menteeCount }, () => []);
  instance.edges.forEach(([i, j], e) => {
    const pin = pinnedTo.get(i);
    if (pin !== undefined ? pin === j : !blockedKey.has(`${i}:${j}`)) options[i]?.push(e);
  });
  const left = [...instance.capacity];
  const current = new Int32Array(instance.menteeCount).fill(-1);
  const found: Int32Array[] = [];
  const visit = (i: number): void => {
    if (i === instance.menteeCount) {
      found.push(current.slice());
      return;
    }
    if (!pinnedTo.has(i)) {
      current[i] = -1;
      visit(i + 1);
    }
    for (const e of options[i] ?? []) {
      const j = instance.edges[e]?.[1] ?? 0;
      if ((left[j] ?? 0) <= 0) continue;
      left[j] = (left[j] ?? 0) - 1;
      current[i] = e;
      visit(i + 1);
      left[j] = (left[j] ?? 0) + 1;
    }
    current[i] = -1;
  };
  visit(0);
  return found;
}

/**
 * A cohort mid-way: Ana–Gia and Ben–Hal run; Cy joins and fits Gia best. The optimum from scratch would
 * move Ana to Ivy to give Cy Gia; a rematch keeps both pairs and gives Cy the free seat with Ivy.
 */
export const joinerCohort: { instance: TinyInstance; keep: IndexPair[] } = {
  instance: {
    menteeCount: 3,
    capacity: [1, 1, 1],
    edges: [
      [0, 0, 0.5],
      [0, 2, 0.9],
      [1, 1, 0.4],
      [2, 0, 0.95],
      [2, 2, 0.3],
    ],
  },
  keep: [
    [0, 0],
    [1, 1],
  ],
};
