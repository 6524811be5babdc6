import { Worker } from 'node:worker_threads';
import type { MatchingConstraints, MatchingInput, MatchingSolution } from '../../domain/matching/types';

const workerUrl = new URL('./solve-worker.mjs', import.meta.url);

// One short-lived worker per solve: solves are rare (an admin pressing "run matching"), and a fresh
// worker gives its memory back as soon as it is done.
export function solveInWorker(
  input: MatchingInput,
  constraints: MatchingConstraints,
): Promise<{ solution: MatchingSolution; seconds: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl);
    worker.once('message', (result: { solution: MatchingSolution; seconds: number }) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the matching worker stopped with code ${code}`));
    });
    worker.postMessage({ input, constraints });
  });
}
