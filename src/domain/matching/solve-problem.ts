import { findBlockingPairs } from './blocking-pairs';
import { type ModeRun, runMode, worstChosenFit } from './modes';
import { knownPairs } from './pair-edges';
import type { MatchingMode, MatchingProblem } from './problem-file';
import { solveRematch } from './rematch';
import { type ResultFile, resultFile } from './result-file';
import { solveMatching } from './solve';
import type { IndexPair, MatchingConstraints, MatchingInput, MatchingSolution } from './types';

/** The §5 result, without `seconds`: the domain has no clock, the caller times the solve. */
export type MatchingResult = {
  objective: number;
  matched: number;
  assignments: [menteeId: string, mentorId: string][];
  unmatched: string[];
};

/** A §5 problem in the solver's typed-array form, with the ids to translate back. */
export type IndexedProblem = {
  input: MatchingInput;
  /** Per edge, the guide's score for the mentee; undefined when no edge gives one (the fit score counts). */
  guideScore: Float64Array | undefined;
  constraints: MatchingConstraints;
  menteeIds: string[];
  mentorIds: string[];
  menteeIndex: Map<string, number>;
  mentorIndex: Map<string, number>;
};

/** Translates ids to indices. Expects a problem that passed parseMatchingProblem (ids known, unique). */
export function indexProblem(problem: MatchingProblem): IndexedProblem {
  const menteeIds = problem.mentees.map((mentee) => mentee.id);
  const mentorIds = problem.mentors.map((mentor) => mentor.id);
  const menteeIndex = new Map(menteeIds.map((id, i) => [id, i]));
  const mentorIndex = new Map(mentorIds.map((id, j) => [id, j]));
  const lookup = (index: Map<string, number>, id: string, kind: string): number => {
    const found = index.get(id);
    if (found === undefined) throw new RangeError(`unknown ${kind} id "${id}"`);
    return found;
  };
  const edgeCount = problem.edges.length;
  const edgeMentee = new Int32Array(edgeCount);
  const edgeMentor = new Int32Array(edgeCount);
  const edgeScore = new Float64Array(edgeCount);
  const anyGuideScore = problem.edges.some((edge) => edge.length === 4);
  const guideScore = anyGuideScore ? new Float64Array(edgeCount) : undefined;
  problem.edges.forEach(([menteeId, mentorId, score, guide], e) => {
    edgeMentee[e] = lookup(menteeIndex, menteeId, 'mentee');
    edgeMentor[e] = lookup(mentorIndex, mentorId, 'mentor');
    edgeScore[e] = score;
    // A guide who scored nobody for this pair ranks it by fit, as PRODUCT.md §5 says.
    if (guideScore !== undefined) guideScore[e] = guide ?? score;
  });
  // More seats than mentees are never used, and clamping keeps any capacity within an Int32Array.
  const capacity = Int32Array.from(problem.mentors, (mentor) => Math.min(mentor.capacity, menteeIds.length));
  const pairs = (list: [string, string][] | undefined): IndexPair[] =>
    (list ?? []).map(([menteeId, mentorId]) => [
      lookup(menteeIndex, menteeId, 'mentee'),
      lookup(mentorIndex, mentorId, 'mentor'),
    ]);
  return {
    input: {
      menteeCount: menteeIds.length,
      mentorCount: mentorIds.length,
      capacity,
      edgeMentee,
      edgeMentor,
      edgeScore,
    },
    guideScore,
    constraints: { pinned: pairs(problem.pinned), blocked: pairs(problem.blocked) },
    menteeIds,
    mentorIds,
    menteeIndex,
    mentorIndex,
  };
}

export function presentResult(
  indexed: IndexedProblem,
  solution: Pick<MatchingSolution, 'menteeMentor' | 'matched' | 'objective'>,
): MatchingResult {
  const assignments: [string, string][] = [];
  const unmatched: string[] = [];
  indexed.menteeIds.forEach((menteeId, i) => {
    const mentorId = indexed.mentorIds[solution.menteeMentor[i] ?? -1];
    if (mentorId === undefined) unmatched.push(menteeId);
    else assignments.push([menteeId, mentorId]);
  });
  return { objective: solution.objective, matched: solution.matched, assignments, unmatched };
}

/** Solves a validated §5 problem; also returns the indexed form and the solution with its prices. */
export function solveMatchingProblem(problem: MatchingProblem): {
  result: MatchingResult;
  indexed: IndexedProblem;
  solution: MatchingSolution;
} {
  const indexed = indexProblem(problem);
  const solution = solveMatching(indexed.input, indexed.constraints);
  return { result: presentResult(indexed, solution), indexed, solution };
}

/** Solves a validated §5 problem in a mode (the file's own by default, else optimal). */
export function solveProblemInMode(
  problem: MatchingProblem,
  mode: MatchingMode = problem.mode ?? 'optimal',
): { result: MatchingResult; indexed: IndexedProblem; run: ModeRun; file: ResultFile } {
  const indexed = indexProblem(problem);
  const run = runMode(indexed.input, mode, {
    guideScore: indexed.guideScore,
    constraints: indexed.constraints,
  });
  const result = presentResult(indexed, run.solution);
  // `seconds` is the caller's to fill in: the domain has no clock.
  return { result, indexed, run, file: resultFile(result, run, 0) };
}

/**
 * Rematch a §5 problem keeping as many of `keep` (earlier assignments, by id) as possible. The result
 * file lists the pairs it tried to keep, so `match verify` checks the keep-first objective it solved.
 */
export function rematchProblem(
  problem: MatchingProblem,
  keep: [menteeId: string, mentorId: string][],
): { result: MatchingResult; run: ModeRun; file: ResultFile } {
  const indexed = indexProblem(problem);
  const pairs = knownPairs(indexed, keep);
  const rematch = solveRematch(indexed.input, pairs, indexed.constraints);
  const { duals, ...solution } = rematch.solution;
  const run: ModeRun = {
    mode: 'optimal',
    solution,
    certificate: { kind: 'optimal', duals },
    worstFit: worstChosenFit(indexed.input, solution),
    blockingPairs: findBlockingPairs(indexed.input, solution.menteeEdge, {
      guideScore: indexed.guideScore,
      constraints: indexed.constraints,
    }).count,
  };
  const result = presentResult(indexed, solution);
  const id = (ids: string[], index: number) => ids[index] ?? null;
  return {
    result,
    run,
    file: {
      ...resultFile(result, run, 0),
      keep: pairs.map(([i, j]) => [indexed.menteeIds[i] ?? '', indexed.mentorIds[j] ?? '']),
      kept: rematch.kept,
      moves: rematch.moves.map((move) => ({
        mentee: indexed.menteeIds[move.mentee] ?? '',
        from: id(indexed.mentorIds, move.from),
        to: id(indexed.mentorIds, move.to),
      })),
    },
  };
}
