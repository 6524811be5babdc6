import { type ModeOptions, type ModeRun, runMode } from './modes';
import { MATCHING_MODES, type MatchingMode } from './problem-file';
import type { MatchingInput } from './types';

export type ModeComparison = {
  mode: MatchingMode;
  matched: number;
  totalFit: number;
  worstFit: number | null;
  blockingPairs: number;
  /** Mentees whose guide (or lack of one) differs from the optimal assignment. */
  movedFromOptimal: number;
  run: ModeRun;
};

/** Every mode side by side, so an admin sees what stability or fairness costs before publishing one. */
export function compareModes(input: MatchingInput, options: ModeOptions = {}): ModeComparison[] {
  const first = runMode(input, 'optimal', options);
  const optimalSolution =
    first.certificate.kind === 'optimal' ? { ...first.solution, duals: first.certificate.duals } : undefined;
  const runs = MATCHING_MODES.map((mode) =>
    mode === 'optimal' ? first : runMode(input, mode, options, optimalSolution),
  );
  const optimal = runs[0]?.solution.menteeMentor ?? new Int32Array(0);
  return runs.map((run) => {
    return {
      mode: run.mode,
      matched: run.solution.matched,
      totalFit: run.solution.objective,
      worstFit: run.worstFit,
      blockingPairs: run.blockingPairs,
      movedFromOptimal: menteesMoved(run.solution.menteeMentor, optimal),
      run,
    };
  });
}

/** How many mentees have a different guide (or none instead of one) in `a` than in `b`. */
export function menteesMoved(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let moved = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) moved++;
  return moved;
}
