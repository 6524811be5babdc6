import { parentPort } from 'node:worker_threads';
import { reportModes } from '../../domain/matching/mode-report';
import { reportRematch } from '../../domain/matching/rematch-report';
import type { IndexPair, MatchingConstraints, MatchingInput } from '../../domain/matching/types';

// Runs the solver off the main thread, so a large cohort never stalls other requests. One message
// solves every mode and checks each proof, so the admin can compare them side by side; a message with
// pairs to keep solves the rematch with the fewest changes instead.
parentPort?.on(
  'message',
  (message: {
    input: MatchingInput;
    constraints: MatchingConstraints;
    guideScore?: Float64Array;
    keep?: IndexPair[];
  }) => {
    const started = performance.now();
    const options = { constraints: message.constraints, guideScore: message.guideScore };
    const reports = message.keep
      ? [reportRematch(message.input, message.keep, options)]
      : reportModes(message.input, options);
    parentPort?.postMessage({ reports, seconds: (performance.now() - started) / 1000 });
  },
);
