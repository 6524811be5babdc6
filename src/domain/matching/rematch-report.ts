import { findBlockingPairs } from './blocking-pairs';
import { menteesMoved } from './compare-modes';
import type { ModeReport } from './mode-report';
import { type ModeOptions, verifyMode, worstChosenFit } from './modes';
import { type Move, rematchCertificateInput, solveRematch } from './rematch';
import { solveMatching } from './solve';
import type { IndexPair, MatchingInput } from './types';

/** A rematch as a cohort run stores it: an optimal-mode report plus who keeps their guide and who moves. */
export type RematchReport = ModeReport & { kept: number; moves: Move[] };

/**
 * Rematch mid-cohort with the fewest changes (solveRematch), proved by the independent checker on the
 * keep-first objective it solved. The prices are left out of the report: they include the keep bonus,
 * so they would not explain "why not this guide?" in terms of fit.
 */
export function reportRematch(
  input: MatchingInput,
  keep: readonly IndexPair[],
  options: ModeOptions = {},
): RematchReport {
  const rematch = solveRematch(input, keep, options.constraints);
  const { duals, ...solution } = rematch.solution;
  const check = rematchCertificateInput(input, keep, rematch.solution);
  const { duals: _weightedDuals, ...checkedSolution } = check.solution;
  const proof = verifyMode(
    check.weighted,
    'optimal',
    checkedSolution,
    { kind: 'optimal', duals },
    { constraints: options.constraints },
  );
  // How far the fewest-changes answer is from a fresh optimum, as the side-by-side view counts it.
  const fresh = solveMatching(input, options.constraints);
  const movedFromOptimal = menteesMoved(solution.menteeMentor, fresh.menteeMentor);
  return {
    mode: 'optimal',
    solution,
    worstFit: worstChosenFit(input, solution),
    blockingPairs: findBlockingPairs(input, solution.menteeEdge, options).count,
    movedFromOptimal,
    proved: proof.ok,
    summary: proof.ok
      ? `Kept ${rematch.kept} of ${keep.length} current pairs; ${rematch.moves.length} ${rematch.moves.length === 1 ? 'person moves' : 'people move'}. ${proof.summary}`
      : [proof.summary, ...proof.violations].join(' '),
    duals: null,
    threshold: null,
    kept: rematch.kept,
    moves: rematch.moves,
  };
}
