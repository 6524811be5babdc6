import { Worker } from 'node:worker_threads';
import type { ModeReport } from '../../domain/matching/mode-report';
import type { RematchReport } from '../../domain/matching/rematch-report';
import type { IndexPair, MatchingConstraints, MatchingInput } from '../../domain/matching/types';

const workerUrl = new URL('./solve-worker.mjs', import.meta.url);

export type SolvedModes = { reports: ModeReport[]; seconds: number };

// One short-lived worker per solve: solves are rare (an admin pressing "run matching"), and a fresh
// worker gives its memory back as soon as it is done.
export function solveModesInWorker(
  input: MatchingInput,
  constraints: MatchingConstraints,
  guideScore?: Float64Array,
): Promise<SolvedModes> {
  return inWorker({ input, constraints, guideScore });
}

/** The rematch with the fewest changes, keeping as many of `keep` as it can, off the main thread. */
export async function solveRematchInWorker(
  input: MatchingInput,
  constraints: MatchingConstraints,
  keep: IndexPair[],
  guideScore?: Float64Array,
): Promise<{ report: RematchReport; seconds: number }> {
  const { reports, seconds } = await inWorker({ input, constraints, guideScore, keep });
  const report = reports[0] as RematchReport | undefined;
  if (!report) throw new Error('the matching worker returned no rematch');
  return { report, seconds };
}

function inWorker(message: {
  input: MatchingInput;
  constraints: MatchingConstraints;
  guideScore?: Float64Array;
  keep?: IndexPair[];
}): Promise<SolvedModes> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl);
    worker.once('message', (result: SolvedModes) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the matching worker stopped with code ${code}`));
    });
    worker.postMessage(message);
  });
}
