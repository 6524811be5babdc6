import { describe, expect, it } from 'vitest';
import { formatPath, parseMatchingProblem } from './problem-file';
import { indexProblem, solveMatchingProblem, solveProblemInMode } from './solve-problem';

const valid = {
  mentors: [
    { id: 'g1', capacity: 1 },
    { id: 'g2', capacity: 2 },
  ],
  mentees: [{ id: 'm1' }, { id: 'm2' }, { id: 'm3' }],
  edges: [
    ['m1', 'g1', 0.82],
    ['m1', 'g2', 0.5],
    ['m2', 'g1', 0.9],
    ['m3', 'g2', -0.25],
  ],
};

function errorsOf(data: unknown): { path: string; message: string }[] {
  const parsed = parseMatchingProblem(data);
  if (parsed.ok) throw new Error('expected the problem to be rejected');
  return parsed.errors;
}

function withEdges(edges: unknown[]): unknown {
  return { ...valid, edges };
}

describe('parseMatchingProblem', () => {
  it('accepts a well-formed problem and keeps its content', () => {
    const parsed = parseMatchingProblem(valid);
    expect(parsed).toEqual({ ok: true, problem: valid });
  });

  it('accepts a mode and guide scores as a fourth element', () => {
    const data = { ...valid, mode: 'stable', edges: [['m1', 'g1', 0.82, 1], ...valid.edges.slice(1)] };
    expect(parseMatchingProblem(data)).toEqual({ ok: true, problem: data });
  });

  it('accepts optional pinned and blocked pairs', () => {
    const parsed = parseMatchingProblem({ ...valid, pinned: [['m1', 'g2']], blocked: [['m2', 'g1']] });
    expect(parsed.ok).toBe(true);
  });

  const bad: { name: string; data: unknown; path: string; message: RegExp }[] = [
    { name: 'not an object', data: [1, 2], path: '(the whole file)', message: /JSON object with "mentors"/ },
    {
      name: 'missing mentors',
      data: { mentees: [], edges: [] },
      path: 'mentors',
      message: /"mentors" must be a list/,
    },
    {
      name: 'a mentor without id',
      data: { ...valid, mentors: [{ capacity: 1 }] },
      path: 'mentors[0].id',
      message: /mentor id must be a string/,
    },
    {
      name: 'a negative capacity',
      data: { ...valid, mentors: [{ id: 'g1', capacity: -1 }] },
      path: 'mentors[0].capacity',
      message: /must not be negative/,
    },
    {
      name: 'a fractional capacity',
      data: { ...valid, mentors: [{ id: 'g1', capacity: 1.5 }] },
      path: 'mentors[0].capacity',
      message: /whole number/,
    },
    {
      name: 'a capacity given as text',
      data: { ...valid, mentors: [{ id: 'g1', capacity: '3' }] },
      path: 'mentors[0].capacity',
      message: /whole number.*"3"/,
    },
    {
      name: 'an empty id',
      data: { ...valid, mentees: [{ id: '' }] },
      path: 'mentees[0].id',
      message: /must not be empty/,
    },
    {
      name: 'duplicate mentor ids',
      data: { ...valid, mentors: [...valid.mentors, { id: 'g1', capacity: 4 }] },
      path: 'mentors[2].id',
      message: /mentor id "g1" is used twice \(first at mentors\[0\]\)/,
    },
    {
      name: 'duplicate mentee ids',
      data: { ...valid, mentees: [{ id: 'm1' }, { id: 'm1' }] },
      path: 'mentees[1].id',
      message: /mentee id "m1" is used twice/,
    },
    {
      name: 'an unknown mentor in an edge',
      data: withEdges([['m1', 'g9', 1]]),
      path: 'edges[0][1]',
      message: /mentor "g9" is not in "mentors"/,
    },
    {
      name: 'an unknown mentee in an edge',
      data: withEdges([['x', 'g1', 1]]),
      path: 'edges[0][0]',
      message: /mentee "x" is not in "mentees"/,
    },
    {
      name: 'a score written "NaN"',
      data: withEdges([['m1', 'g1', 'NaN']]),
      path: 'edges[0][2]',
      message: /score must be a finite number, got "NaN"/,
    },
    {
      name: 'a null score',
      data: withEdges([['m1', 'g1', null]]),
      path: 'edges[0][2]',
      message: /finite number, got null/,
    },
    {
      name: 'an infinite score (1e999)',
      data: withEdges([['m1', 'g1', Number.POSITIVE_INFINITY]]),
      path: 'edges[0][2]',
      message: /finite number/,
    },
    {
      name: 'an edge with two items',
      data: withEdges([['m1', 'g1']]),
      path: 'edges[0]',
      message: /an edge must be \[menteeId, mentorId, score\]/,
    },
    {
      name: 'an edge as an object',
      data: withEdges([{ mentee: 'm1' }]),
      path: 'edges[0]',
      message: /an edge must be/,
    },
    {
      name: 'a duplicate edge',
      data: withEdges([
        ['m1', 'g1', 1],
        ['m2', 'g1', 1],
        ['m1', 'g1', 0.5],
      ]),
      path: 'edges[2]',
      message: /\("m1", "g1"\) is listed twice \(first at edges\[0\]\)/,
    },
    {
      name: 'an unknown mode',
      data: { ...valid, mode: 'greedy' },
      path: 'mode',
      message: /"mode" must be "optimal", "stable" or "fair", got "greedy"/,
    },
    {
      name: 'a guide score above the allowed range',
      data: withEdges([['m1', 'g1', 0.5, 7]]),
      path: 'edges[0][3]',
      message: /guide score must be from 0 to 1, got 7/,
    },
    {
      name: 'a guide score given as text',
      data: withEdges([['m1', 'g1', 0.5, 'high']]),
      path: 'edges[0][3]',
      message: /guide score must be a number, got "high"/,
    },
    {
      name: 'an edge with five items',
      data: withEdges([['m1', 'g1', 0.5, 0.5, 1]]),
      path: 'edges[0]',
      message: /an edge must be \[menteeId, mentorId, score\] or \[menteeId, mentorId, score, guideScore\]/,
    },
    {
      name: 'a pin that is not an allowed pair',
      data: { ...valid, pinned: [['m2', 'g2']] },
      path: 'pinned[0]',
      message: /not an allowed pair/,
    },
    {
      name: 'a pin that is also blocked',
      data: { ...valid, pinned: [['m1', 'g1']], blocked: [['m1', 'g1']] },
      path: 'pinned[0]',
      message: /also blocked/,
    },
    {
      name: 'a mentee pinned twice',
      data: {
        ...valid,
        pinned: [
          ['m1', 'g1'],
          ['m1', 'g2'],
        ],
      },
      path: 'pinned[1]',
      message: /pinned twice/,
    },
    {
      name: 'more pins than seats',
      data: {
        ...valid,
        pinned: [
          ['m1', 'g1'],
          ['m2', 'g1'],
        ],
      },
      path: 'pinned[1]',
      message: /more pinned mentees than its capacity/,
    },
    {
      name: 'an unknown id in blocked',
      data: { ...valid, blocked: [['m1', 'nope']] },
      path: 'blocked[0][1]',
      message: /mentor "nope"/,
    },
  ];
  for (const { name, data, path, message } of bad) {
    it(`rejects ${name}, naming where`, () => {
      const errors = errorsOf(data);
      const found = errors.find((error) => error.path === path);
      expect(found, JSON.stringify(errors)).toBeDefined();
      expect(found?.message).toMatch(message);
    });
  }

  it('reports many problems at once, capped, with the total', () => {
    const edges = Array.from({ length: 50 }, (_, k) => ['m1', `g${k + 10}`, 1]);
    const parsed = parseMatchingProblem(withEdges(edges));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.total).toBe(50);
    expect(parsed.errors.length).toBeLessThan(50);
  });

  it('formats paths the way people read them', () => {
    expect(formatPath(['edges', 3, 1])).toBe('edges[3][1]');
    expect(formatPath(['mentors', 0, 'id'])).toBe('mentors[0].id');
    expect(formatPath([])).toBe('(the whole file)');
  });
});

describe('indexProblem', () => {
  it("ranks a guide's unscored applicants by fit, and keeps no guide scores when none are given", () => {
    const withScores = { ...valid, edges: [['m1', 'g1', 0.82, 0.1], ...valid.edges.slice(1)] };
    const parsed = parseMatchingProblem(withScores);
    if (!parsed.ok) throw new Error('valid problem rejected');
    expect(Array.from(indexProblem(parsed.problem).guideScore ?? [])).toEqual([0.1, 0.5, 0.9, -0.25]);
    const plain = parseMatchingProblem(valid);
    if (!plain.ok) throw new Error('valid problem rejected');
    expect(indexProblem(plain.problem).guideScore).toBeUndefined();
  });
});

describe('solveProblemInMode', () => {
  // g1 (one seat) is everyone's first choice; its own scores prefer m2, so stable mode seats m2 there.
  const twoSided = {
    mentors: [
      { id: 'g1', capacity: 1 },
      { id: 'g2', capacity: 1 },
    ],
    mentees: [{ id: 'm1' }, { id: 'm2' }],
    edges: [
      ['m1', 'g1', 0.9, 0.2],
      ['m1', 'g2', 0.1, 0.5],
      ['m2', 'g1', 0.8, 0.9],
      ['m2', 'g2', 0.7, 0.5],
    ],
  };
  const solveIn = (data: unknown, mode?: 'optimal' | 'stable' | 'fair') => {
    const parsed = parseMatchingProblem(data);
    if (!parsed.ok) throw new Error('valid problem rejected');
    return solveProblemInMode(parsed.problem, mode);
  };

  it("uses the file's mode, and an explicit mode over it", () => {
    expect(solveIn({ ...twoSided, mode: 'stable' }).run.mode).toBe('stable');
    expect(solveIn({ ...twoSided, mode: 'stable' }, 'fair').run.mode).toBe('fair');
    expect(solveIn(twoSided).run.mode).toBe('optimal');
  });

  it('lets the guide scores decide stable mode, not optimal or fair', () => {
    // Optimal and fair: m1–g1 (0.9) + m2–g2 (0.7). Stable: g1 prefers m2, who prefers g1, so m2–g1, m1–g2.
    expect(solveIn(twoSided, 'optimal').result.assignments).toEqual([
      ['m1', 'g1'],
      ['m2', 'g2'],
    ]);
    const stable = solveIn(twoSided, 'stable');
    expect(stable.result.assignments).toEqual([
      ['m1', 'g2'],
      ['m2', 'g1'],
    ]);
    expect(stable.run.blockingPairs).toBe(0);
    expect(solveIn(twoSided, 'optimal').run.blockingPairs).toBe(1);
  });
});

describe('solveMatchingProblem', () => {
  it('answers in ids, in mentee order, with the unmatched listed', () => {
    const parsed = parseMatchingProblem(valid);
    if (!parsed.ok) throw new Error('valid problem rejected');
    const { result } = solveMatchingProblem(parsed.problem);
    expect(result).toEqual({
      objective: 0.5 + 0.9 - 0.25,
      matched: 3,
      assignments: [
        ['m1', 'g2'],
        ['m2', 'g1'],
        ['m3', 'g2'],
      ],
      unmatched: [],
    });
  });

  it('applies pins and blocks', () => {
    const parsed = parseMatchingProblem({ ...valid, pinned: [['m1', 'g1']], blocked: [['m3', 'g2']] });
    if (!parsed.ok) throw new Error('valid problem rejected');
    const { result } = solveMatchingProblem(parsed.problem);
    expect(result.assignments).toEqual([['m1', 'g1']]);
    expect(result.unmatched).toEqual(['m2', 'm3']);
    expect(result.objective).toBeCloseTo(0.82, 12);
  });

  it('handles capacities far larger than the cohort', () => {
    const parsed = parseMatchingProblem({
      ...valid,
      mentors: [
        { id: 'g1', capacity: 1e15 },
        { id: 'g2', capacity: 0 },
      ],
    });
    if (!parsed.ok) throw new Error('valid problem rejected');
    expect(solveMatchingProblem(parsed.problem).result.matched).toBe(2);
  });
});
