import { Worker } from 'node:worker_threads';
import type { Effect, OutcomeScale } from '../../domain/outcomes/effect';

export type EffectJob = {
  measure: string;
  matched: number[];
  waiting: number[];
  scale: OutcomeScale;
  randomised: boolean;
  seed: string;
};
export type EffectResult = { measure: string; effect: Effect | null };

const workerUrl = new URL('./effect-worker.mjs', import.meta.url);

// One short-lived worker per outcomes read that has something to compare; nothing to compare, no worker.
export function estimateInWorker(jobs: EffectJob[]): Promise<EffectResult[]> {
  if (jobs.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl);
    worker.once('message', (results: EffectResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the effect worker stopped with code ${code}`));
    });
    worker.postMessage(jobs);
  });
}
