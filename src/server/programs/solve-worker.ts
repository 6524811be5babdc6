import { parentPort } from 'node:worker_threads';
import { reportModes } from '../../domain/matching/mode-report';
import type { MatchingConstraints, MatchingInput } from '../../domain/matching/types';

// Runs the solver off the main thread, so a large cohort never stalls other requests. One message
// solves every mode and checks each proof, so the admin can compare them side by side.
parentPort?.on(
  'message',
  (message: { input: MatchingInput; constraints: MatchingConstraints; guideScore?: Float64Array }) => {
    const started = performance.now();
    const reports = reportModes(message.input, {
      constraints: message.constraints,
      guideScore: message.guideScore,
    });
    parentPort?.postMessage({ reports, seconds: (performance.now() - started) / 1000 });
  },
);
