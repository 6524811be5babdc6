import { parentPort } from 'node:worker_threads';
import { solveMatching } from '../../domain/matching/solve';
import type { MatchingConstraints, MatchingInput } from '../../domain/matching/types';

// Runs the solver off the main thread, so a large cohort never stalls other requests.
parentPort?.on('message', (message: { input: MatchingInput; constraints: MatchingConstraints }) => {
  const started = performance.now();
  const solution = solveMatching(message.input, message.constraints);
  parentPort?.postMessage({ solution, seconds: (performance.now() - started) / 1000 });
});
