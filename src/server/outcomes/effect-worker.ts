import { parentPort } from 'node:worker_threads';
import { estimateEffect } from '../../domain/outcomes/effect';
import type { EffectReply, EffectRequest } from './estimate-in-worker';

// The bootstrap's resamples run here, off the request thread, so a large cohort never stalls others.
parentPort?.on('message', ({ id, jobs }: EffectRequest) => {
  const reply: EffectReply = {
    id,
    results: jobs.map((job) => ({ measure: job.measure, effect: estimateEffect(job) })),
  };
  parentPort?.postMessage(reply);
});
