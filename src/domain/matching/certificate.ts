import { CERTIFICATE_RELATIVE_TOLERANCE } from '../settings/matching';
import { prepareProblem } from './prepare';
import type { MatchingConstraints, MatchingInput, MatchingSolution } from './types';

/**
 * Independent proof that a solution is optimal, using LP duality on the capacitated bipartite
 * b-matching LP (whose polytope is integral):
 *   maximise Σ (1, score_e) x_e  s.t.  Σ_{e at mentee i} x_e ≤ 1,  Σ_{e at mentor j} x_e ≤ cap_j,  x ≥ 0
 *   dual: minimise Σ U_i + Σ cap_j V_j  s.t.  U_i + V_j ≥ (1, score_e) for every allowed pair,  U, V ≥ 0.
 * Values are lexicographic pairs (matches, score), so one certificate proves both levels of the §5
 * objective. Feasible duals plus complementary slackness (chosen pairs tight, U_i > 0 only for matched
 * mentees, V_j > 0 only for full mentors) mean primal = dual, hence no solution does better. Pins and
 * blocks are applied first, exactly as the solver does.
 */
export type CertificateReport = {
  ok: boolean;
  violations: string[];
  /** Primal and dual objective of the problem left after pins (their pairs are not counted). */
  primal: { count: number; score: number };
  dual: { count: number; score: number };
};

const MAX_VIOLATIONS = 20;

export function checkCertificate(
  input: MatchingInput,
  solution: MatchingSolution,
  constraints: MatchingConstraints = {},
): CertificateReport {
  const violations: string[] = [];
  const fail = (message: string): void => {
    if (violations.length < MAX_VIOLATIONS) violations.push(message);
  };
  const n = input.menteeCount;
  const m = input.mentorCount;
  const prepared = prepareProblem(input, constraints);
  const {
    menteeValueCount: u1,
    menteeValueScore: u2,
    mentorPriceCount: v1,
    mentorPriceScore: v2,
  } = solution.duals;

  let maxAbs = 1;
  for (let e = 0; e < input.edgeScore.length; e++)
    maxAbs = Math.max(maxAbs, Math.abs(input.edgeScore[e] ?? 0));
  const tol = CERTIFICATE_RELATIVE_TOLERANCE * maxAbs;
  const atLeastZero = (c: number, s: number): boolean => c > 0 || (c === 0 && s >= -tol);
  const positive = (c: number, s: number): boolean => c > 0 || (c === 0 && s > tol);

  // Primal feasibility and the reported totals.
  const seatsUsed = new Int32Array(m);
  const freeSeatsUsed = new Int32Array(m);
  let matched = 0;
  let objective = 0;
  let primalCount = 0;
  let primalScore = 0;
  for (let i = 0; i < n; i++) {
    const e = solution.menteeEdge[i] ?? 0;
    const pinned = prepared.pinnedEdge[i] ?? 0;
    if (pinned >= 0 && (e < 0 || (input.edgeMentor[e] ?? 0) !== (input.edgeMentor[pinned] ?? 0))) {
      fail(`mentee ${i} is pinned to mentor ${input.edgeMentor[pinned] ?? 0} but not matched to it`);
    }
    if (e < 0) {
      if ((solution.menteeMentor[i] ?? 0) !== -1) fail(`mentee ${i} has a mentor but no edge`);
      continue;
    }
    if (e >= input.edgeMentee.length || (input.edgeMentee[e] ?? 0) !== i) {
      fail(`mentee ${i} is matched through edge ${e}, which is not one of its pairs`);
      continue;
    }
    const j = input.edgeMentor[e] ?? 0;
    if ((solution.menteeMentor[i] ?? 0) !== j)
      fail(`mentee ${i}: mentor ${solution.menteeMentor[i] ?? 0} ≠ edge mentor ${j}`);
    if (pinned < 0 && prepared.active !== null && (prepared.active[e] ?? 0) === 0)
      fail(`mentee ${i}: edge ${e} is blocked`);
    seatsUsed[j] = (seatsUsed[j] ?? 0) + 1;
    matched++;
    objective += input.edgeScore[e] ?? 0;
    if (pinned < 0) {
      freeSeatsUsed[j] = (freeSeatsUsed[j] ?? 0) + 1;
      primalCount++;
      primalScore += input.edgeScore[e] ?? 0;
      const r1 = (u1[i] ?? 0) + (v1[j] ?? 0) - 1;
      const r2 = (u2[i] ?? 0) + (v2[j] ?? 0) - (input.edgeScore[e] ?? 0);
      if (r1 !== 0 || Math.abs(r2) > tol)
        fail(`chosen pair (${i}, ${j}) is not tight: reduced cost (${r1}, ${r2})`);
    }
  }
  for (let j = 0; j < m; j++) {
    if ((seatsUsed[j] ?? 0) > (input.capacity[j] ?? 0))
      fail(`mentor ${j} has ${seatsUsed[j] ?? 0} mentees for capacity ${input.capacity[j] ?? 0}`);
  }
  if (matched !== solution.matched)
    fail(`matched is ${solution.matched} but ${matched} mentees have a mentor`);
  if (Math.abs(objective - solution.objective) > tol * Math.max(1, matched)) {
    fail(`objective is ${solution.objective} but the chosen pairs sum to ${objective}`);
  }

  // Dual feasibility on every pair the optimiser was allowed to use.
  for (let e = 0; e < input.edgeMentee.length; e++) {
    if (prepared.active !== null && (prepared.active[e] ?? 0) === 0) continue;
    const i = input.edgeMentee[e] ?? 0;
    const j = input.edgeMentor[e] ?? 0;
    if (
      !atLeastZero((u1[i] ?? 0) + (v1[j] ?? 0) - 1, (u2[i] ?? 0) + (v2[j] ?? 0) - (input.edgeScore[e] ?? 0))
    ) {
      fail(`pair (${i}, ${j}) has a negative reduced cost: the duals are infeasible`);
    }
  }

  // Sign constraints, complementary slackness and the dual objective.
  let dualCount = 0;
  let dualScore = 0;
  for (let i = 0; i < n; i++) {
    if (!atLeastZero(u1[i] ?? 0, u2[i] ?? 0))
      fail(`mentee ${i} has a negative value (${u1[i] ?? 0}, ${u2[i] ?? 0})`);
    const free = (solution.menteeEdge[i] ?? 0) < 0 || (prepared.pinnedEdge[i] ?? 0) >= 0;
    if (free && positive(u1[i] ?? 0, u2[i] ?? 0))
      fail(`mentee ${i} is not matched by the optimiser but has a positive value`);
    dualCount += u1[i] ?? 0;
    dualScore += u2[i] ?? 0;
  }
  for (let j = 0; j < m; j++) {
    if (!atLeastZero(v1[j] ?? 0, v2[j] ?? 0))
      fail(`mentor ${j} has a negative price (${v1[j] ?? 0}, ${v2[j] ?? 0})`);
    const cap = prepared.capacity[j] ?? 0;
    if ((freeSeatsUsed[j] ?? 0) < cap && positive(v1[j] ?? 0, v2[j] ?? 0))
      fail(`mentor ${j} has a free seat but a positive price`);
    dualCount += cap * (v1[j] ?? 0);
    dualScore += cap * (v2[j] ?? 0);
  }
  if (dualCount !== primalCount) fail(`duality gap in matches: primal ${primalCount}, dual ${dualCount}`);
  if (Math.abs(dualScore - primalScore) > tol * Math.max(1, n + m)) {
    fail(`duality gap in score: primal ${primalScore}, dual ${dualScore}`);
  }

  return {
    ok: violations.length === 0,
    violations,
    primal: { count: primalCount, score: primalScore },
    dual: { count: dualCount, score: dualScore },
  };
}
