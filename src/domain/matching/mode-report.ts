import { compareModes } from './compare-modes';
import { type ModeCertificate, type ModeOptions, verifyMode } from './modes';
import type { MatchingMode } from './problem-file';
import type { PlainSolution } from './stable';
import type { MatchingDuals, MatchingInput } from './types';

/** One mode of a cohort run, solved and then proved by the independent checker. */
export type ModeReport = {
  mode: MatchingMode;
  solution: PlainSolution;
  worstFit: number | null;
  blockingPairs: number;
  movedFromOptimal: number;
  proved: boolean;
  summary: string;
  /** The prices "why not?" reads: optimal's, or fair's among the pairs at or above its threshold. */
  duals: MatchingDuals | null;
  threshold: number | null;
};

function dualsOf(certificate: ModeCertificate): MatchingDuals | null {
  if (certificate.kind === 'optimal') return certificate.duals;
  if (certificate.kind === 'fair') return certificate.fair.dualsAtThreshold;
  return null;
}

/** All three modes side by side, each with its proof checked, as a cohort run stores them. */
export function reportModes(input: MatchingInput, options: ModeOptions = {}): ModeReport[] {
  return compareModes(input, options).map((row) => {
    const proof = verifyMode(input, row.mode, row.run.solution, row.run.certificate, options);
    const certificate = row.run.certificate;
    return {
      mode: row.mode,
      solution: row.run.solution,
      worstFit: row.worstFit,
      blockingPairs: row.blockingPairs,
      movedFromOptimal: row.movedFromOptimal,
      proved: proof.ok,
      summary: proof.ok ? proof.summary : [proof.summary, ...proof.violations].join(' '),
      duals: dualsOf(certificate),
      threshold: certificate.kind === 'fair' ? certificate.fair.threshold : null,
    };
  });
}
