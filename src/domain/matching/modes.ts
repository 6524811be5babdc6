import { findBlockingPairs } from './blocking-pairs';
import { checkCertificate } from './certificate';
import { type FairCertificate, solveFair } from './fair';
import { checkFair } from './fair-proof';
import type { MatchingMode } from './problem-file';
import { solveMatching } from './solve';
import { type PlainSolution, solveStable } from './stable';
import type { MatchingConstraints, MatchingDuals, MatchingInput, MatchingSolution } from './types';

export type ModeOptions = { guideScore?: Float64Array; constraints?: MatchingConstraints };

/** What proves a run: LP prices (optimal), nothing but the assignment itself (stable), or fair's covers. */
export type ModeCertificate =
  | { kind: 'optimal'; duals: MatchingDuals }
  | { kind: 'stable' }
  | { kind: 'fair'; fair: FairCertificate };

export type ModeRun = {
  mode: MatchingMode;
  solution: PlainSolution;
  certificate: ModeCertificate;
  /** The lowest fit among the pairs the engine chose (pinned pairs are the admin's), or null. */
  worstFit: number | null;
  blockingPairs: number;
};

export function worstChosenFit(input: MatchingInput, solution: PlainSolution): number | null {
  let worst: number | null = null;
  for (let i = 0; i < input.menteeCount; i++) {
    const e = solution.menteeEdge[i] ?? -1;
    if (e < 0 || solution.menteePinned[i] === 1) continue;
    const score = input.edgeScore[e] ?? 0;
    worst = worst === null ? score : Math.min(worst, score);
  }
  return worst;
}

/** Solves one mode and measures what the side-by-side view compares. */
export function runMode(
  input: MatchingInput,
  mode: MatchingMode,
  options: ModeOptions = {},
  /** The optimal run of the same problem, which fair mode starts from when given. */
  optimal?: MatchingSolution,
): ModeRun {
  let solution: PlainSolution;
  let certificate: ModeCertificate;
  if (mode === 'optimal') {
    const { duals, ...plain } = solveMatching(input, options.constraints);
    solution = plain;
    certificate = { kind: 'optimal', duals };
  } else if (mode === 'stable') {
    solution = solveStable(input, options);
    certificate = { kind: 'stable' };
  } else {
    const { certificate: fair, ...plain } = solveFair(input, options.constraints, optimal);
    solution = plain;
    certificate = { kind: 'fair', fair };
  }
  const blockingPairs = findBlockingPairs(input, solution.menteeEdge, options).count;
  return { mode, solution, certificate, worstFit: worstChosenFit(input, solution), blockingPairs };
}

export type ModeProof = { ok: boolean; summary: string; violations: string[] };

const number = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 6 });
const plural = (count: number, word: string) => `${number(count)} ${word}${count === 1 ? '' : 's'}`;

/**
 * Checks a run's claim with no solver: only arithmetic on the problem, the assignment and the
 * certificate. The summary says in one paragraph what was proved, or what was found wrong.
 */
export function verifyMode(
  input: MatchingInput,
  mode: MatchingMode,
  solution: PlainSolution,
  certificate: ModeCertificate,
  options: ModeOptions = {},
): ModeProof {
  const pairs = plural(input.edgeMentee.length, 'allowed pair');
  const matched = `${number(solution.matched)} of ${plural(input.menteeCount, 'mentee')} matched`;
  if (certificate.kind !== mode)
    return {
      ok: false,
      summary: `The certificate is for ${certificate.kind} mode, not ${mode}.`,
      violations: [],
    };

  if (certificate.kind === 'optimal') {
    const report = checkCertificate(input, { ...solution, duals: certificate.duals }, options.constraints);
    return report.ok
      ? {
          ok: true,
          summary: `Proved optimal: ${matched}, total fit ${number(solution.objective)}. The LP prices are feasible on all ${pairs} and their total equals the assignment's, so no assignment matches more mentees, and none matching as many has a higher total fit.`,
          violations: [],
        }
      : { ok: false, summary: 'Not proved optimal.', violations: report.violations };
  }

  if (certificate.kind === 'stable') {
    const report = findBlockingPairs(input, solution.menteeEdge, options);
    const violations = [
      ...report.invalid,
      ...report.examples.map(
        ([i, j]) =>
          `mentee ${i} and guide ${j} would both rather be matched with each other (a blocking pair)`,
      ),
    ];
    if (report.invalid.length === 0 && report.count === 0)
      return {
        ok: true,
        summary: `Proved stable: ${matched}, and none of the ${pairs} blocks the assignment: no mentee and guide would both rather be together than with whom they have.`,
        violations,
      };
    return {
      ok: false,
      summary: `Not stable: ${plural(report.count, 'blocking pair')}.`,
      violations,
    };
  }

  const proof = checkFair(input, solution.menteeEdge, certificate.fair, options.constraints);
  if (!proof.ok) return { ok: false, summary: 'Not proved fair.', violations: proof.violations };
  const threshold = proof.threshold;
  return {
    ok: true,
    summary:
      threshold === null
        ? `Proved fair: ${matched}, the most possible, with no pair left to choose.`
        : `Proved fair: ${matched}, the most possible (a cover of every pair weighs exactly that). The worst fit is ${number(threshold)}, and the pairs fitting better can match fewer (their cover weighs less), so no assignment this size has a better worst fit. Among those at or above it, the total fit ${number(solution.objective)} is the highest (LP prices).`,
    violations: [],
  };
}
