import { z } from 'zod';
import { GUIDE_SCORE_MAX, GUIDE_SCORE_MIN, PROBLEM_FILE_MAX_REPORTED_ERRORS } from '../settings/matching';

/** What a run optimises (PRODUCT.md §5): the best total, no blocking pair, or the best worst fit. */
export const MATCHING_MODES = ['optimal', 'stable', 'fair'] as const;
export type MatchingMode = (typeof MATCHING_MODES)[number];

/**
 * The public matching problem file (PRODUCT.md §5). `pinned` and `blocked` are optional additions:
 * pairs an admin fixed by hand (always in the result) or ruled out (never in it). An edge's optional
 * fourth element is the guide's own score for that mentee (stable mode); without it, the fit score.
 */
export type MatchingProblem = {
  mode?: MatchingMode;
  mentors: { id: string; capacity: number }[];
  mentees: { id: string }[];
  edges: ([menteeId: string, mentorId: string, score: number] | [string, string, number, number])[];
  pinned?: [menteeId: string, mentorId: string][];
  blocked?: [menteeId: string, mentorId: string][];
};

/** One thing wrong with a problem file: where (like `edges[3][1]`) and a sentence a person understands. */
export type ProblemFileError = { path: string; message: string };

export type ParsedProblem =
  | { ok: true; problem: MatchingProblem }
  | { ok: false; errors: ProblemFileError[]; total: number };

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const idSchema = (what: string) =>
  z
    .string({ error: (issue) => `${what} must be a string, got ${show(issue.input)}` })
    .min(1, { error: `${what} must not be empty` });

const scoreSchema = z.number({ error: (issue) => `score must be a finite number, got ${show(issue.input)}` });

const guideScoreSchema = z
  .number({ error: (issue) => `guide score must be a number, got ${show(issue.input)}` })
  .min(GUIDE_SCORE_MIN, {
    error: (issue) =>
      `guide score must be from ${GUIDE_SCORE_MIN} to ${GUIDE_SCORE_MAX}, got ${show(issue.input)}`,
  })
  .max(GUIDE_SCORE_MAX, {
    error: (issue) =>
      `guide score must be from ${GUIDE_SCORE_MIN} to ${GUIDE_SCORE_MAX}, got ${show(issue.input)}`,
  });

const edgeShape = (input: unknown) =>
  `an edge must be [menteeId, mentorId, score] or [menteeId, mentorId, score, guideScore], got ${show(input)}`;

// The length is checked first so that a pair with two items is named as a bad edge, not a missing score.
const edgeSchema = z
  .array(z.unknown(), { error: (issue) => edgeShape(issue.input) })
  .min(3, { error: (issue) => edgeShape(issue.input) })
  .max(4, { error: (issue) => edgeShape(issue.input) })
  .pipe(
    z.tuple([idSchema('mentee id'), idSchema('mentor id'), scoreSchema], guideScoreSchema),
  ) as unknown as z.ZodType<MatchingProblem['edges'][number]>;

const capacitySchema = z
  .number({ error: (issue) => `capacity must be a whole number of mentees, got ${show(issue.input)}` })
  .int({ error: (issue) => `capacity must be a whole number of mentees, got ${show(issue.input)}` })
  .min(0, { error: (issue) => `capacity must not be negative, got ${show(issue.input)}` });

const pairSchema = (what: string) =>
  z.tuple([idSchema('mentee id'), idSchema('mentor id')], {
    error: (issue) => `a ${what} pair must be [menteeId, mentorId], got ${show(issue.input)}`,
  });

const listSchema = <T extends z.ZodType>(name: string, item: T, example: string) =>
  z.array(item, { error: (issue) => `"${name}" must be a list of ${example}, got ${show(issue.input)}` });

export const matchingProblemSchema = z.object(
  {
    mode: z
      .enum(MATCHING_MODES, {
        error: (issue) => `"mode" must be "optimal", "stable" or "fair", got ${show(issue.input)}`,
      })
      .optional(),
    mentors: listSchema(
      'mentors',
      z.object(
        { id: idSchema('mentor id'), capacity: capacitySchema },
        { error: (issue) => `a mentor must look like {"id": "g1", "capacity": 3}, got ${show(issue.input)}` },
      ),
      '{"id", "capacity"} objects',
    ),
    mentees: listSchema(
      'mentees',
      z.object(
        { id: idSchema('mentee id') },
        { error: (issue) => `a mentee must look like {"id": "m1"}, got ${show(issue.input)}` },
      ),
      '{"id"} objects',
    ),
    edges: listSchema(
      'edges',
      edgeSchema,
      "[menteeId, mentorId, score] triples (or with a fourth, the guide's score)",
    ),
    pinned: listSchema('pinned', pairSchema('pinned'), '[menteeId, mentorId] pairs').optional(),
    blocked: listSchema('blocked', pairSchema('blocked'), '[menteeId, mentorId] pairs').optional(),
  },
  { error: 'the problem must be a JSON object with "mentors", "mentees" and "edges"' },
);

/** `['edges', 3, 1]` → `edges[3][1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path)
    text += typeof part === 'number' ? `[${part}]` : text === '' ? String(part) : `.${String(part)}`;
  return text === '' ? '(the whole file)' : text;
}

/** Checks parsed JSON against §5 and returns the typed problem, or every problem found (capped). */
export function parseMatchingProblem(data: unknown): ParsedProblem {
  const errors: ProblemFileError[] = [];
  let total = 0;
  const report = (path: readonly PropertyKey[], message: string): void => {
    total++;
    if (errors.length < PROBLEM_FILE_MAX_REPORTED_ERRORS) errors.push({ path: formatPath(path), message });
  };

  const parsed = matchingProblemSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(issue.path, issue.message);
    return { ok: false, errors, total };
  }
  const problem: MatchingProblem = parsed.data;

  const mentorAt = new Map<string, number>();
  problem.mentors.forEach((mentor, k) => {
    const first = mentorAt.get(mentor.id);
    if (first === undefined) mentorAt.set(mentor.id, k);
    else report(['mentors', k, 'id'], `mentor id "${mentor.id}" is used twice (first at mentors[${first}])`);
  });
  const menteeAt = new Map<string, number>();
  problem.mentees.forEach((mentee, k) => {
    const first = menteeAt.get(mentee.id);
    if (first === undefined) menteeAt.set(mentee.id, k);
    else report(['mentees', k, 'id'], `mentee id "${mentee.id}" is used twice (first at mentees[${first}])`);
  });

  // Pairs are keyed by their two indices rather than by joined ids, which could collide.
  const pairKey = (mentee: number, mentor: number): number => mentee * problem.mentors.length + mentor;
  const edgeAt = new Map<number, number>();
  const known = (list: string, k: number, menteeId: string, mentorId: string): number | undefined => {
    const i = menteeAt.get(menteeId);
    const j = mentorAt.get(mentorId);
    if (i === undefined) report([list, k, 0], `mentee "${menteeId}" is not in "mentees"`);
    if (j === undefined) report([list, k, 1], `mentor "${mentorId}" is not in "mentors"`);
    return i === undefined || j === undefined ? undefined : pairKey(i, j);
  };
  problem.edges.forEach(([menteeId, mentorId], k) => {
    const key = known('edges', k, menteeId, mentorId);
    if (key === undefined) return;
    const first = edgeAt.get(key);
    if (first === undefined) edgeAt.set(key, k);
    else
      report(
        ['edges', k],
        `the pair ("${menteeId}", "${mentorId}") is listed twice (first at edges[${first}])`,
      );
  });

  const blockedAt = new Map<number, number>();
  (problem.blocked ?? []).forEach(([menteeId, mentorId], k) => {
    const key = known('blocked', k, menteeId, mentorId);
    if (key !== undefined && !blockedAt.has(key)) blockedAt.set(key, k);
  });
  const pinnedMentee = new Map<string, number>();
  const seatsPinned = new Map<string, number>();
  (problem.pinned ?? []).forEach(([menteeId, mentorId], k) => {
    const key = known('pinned', k, menteeId, mentorId);
    if (key === undefined) return;
    if (!edgeAt.has(key)) {
      report(
        ['pinned', k],
        `the pinned pair ("${menteeId}", "${mentorId}") is not an allowed pair in "edges"`,
      );
    }
    const blocked = blockedAt.get(key);
    if (blocked !== undefined)
      report(['pinned', k], `the pair ("${menteeId}", "${mentorId}") is also blocked at blocked[${blocked}]`);
    const first = pinnedMentee.get(menteeId);
    if (first !== undefined) {
      report(['pinned', k], `mentee "${menteeId}" is pinned twice (first at pinned[${first}])`);
      return;
    }
    pinnedMentee.set(menteeId, k);
    const seats = (seatsPinned.get(mentorId) ?? 0) + 1;
    seatsPinned.set(mentorId, seats);
    const mentor = problem.mentors[mentorAt.get(mentorId) ?? -1];
    if (mentor !== undefined && seats > mentor.capacity) {
      report(
        ['pinned', k],
        `mentor "${mentorId}" has more pinned mentees than its capacity (${mentor.capacity})`,
      );
    }
  });

  return total === 0 ? { ok: true, problem } : { ok: false, errors, total };
}
