import { parentPort } from 'node:worker_threads';
import { estimateEffect } from '../../domain/outcomes/effect';
import type { EffectJob } from './estimate-in-worker';

// The bootstrap's resamples run here, off the request thread, so a large cohort never stalls others.
parentPort?.on('message', (jobs: EffectJob[]) => {
  parentPort?.postMessage(jobs.map((job) => ({ measure: job.measure, effect: estimateEffect(job) })));
});
