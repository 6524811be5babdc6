import { createHash } from 'node:crypto';
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
export type EffectRequest = { id: number; jobs: EffectJob[] };
export type EffectReply = { id: number; results: EffectResult[] };

const workerUrl = new URL('./effect-worker.mjs', import.meta.url);

type Pending = { resolve: (results: EffectResult[]) => void; reject: (error: Error) => void };
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

// One worker, started on first use and kept: starting it (loading TypeScript through tsx) cost more
// than the bootstrap itself. It holds the process open only while a read waits on it (ref'd then,
// unref'd when idle); if it dies, every waiting read fails with that error and the next read starts a
// fresh one.
function effectWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(workerUrl);
  started.on('message', (reply: EffectReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
    waiting?.resolve(reply.results);
  });
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the effect worker stopped with code ${code}`)));
  worker = started;
  return started;
}

// The estimate is a pure function of its job, so an unchanged cohort is not resampled again on every
// read of its outcomes page; a changed value, group or seed is a new key.
const EFFECT_MEMO_SIZE = 64;
const memo = new Map<string, Effect | null>();

function keyOf(job: EffectJob): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([job.measure, job.scale, job.randomised, job.seed, job.matched.length]));
  hash.update(new Uint8Array(Float64Array.from(job.matched).buffer));
  hash.update(new Uint8Array(Float64Array.from(job.waiting).buffer));
  return hash.digest('base64');
}

function remember(key: string, effect: Effect | null) {
  memo.delete(key);
  memo.set(key, effect);
  if (memo.size > EFFECT_MEMO_SIZE) memo.delete(memo.keys().next().value as string);
}

export async function estimateInWorker(jobs: EffectJob[]): Promise<EffectResult[]> {
  const keys = jobs.map(keyOf);
  const missing = jobs.filter((_, i) => !memo.has(keys[i] as string));
  const fresh = missing.length === 0 ? [] : await runInWorker(missing);
  const known = new Map(keys.map((key) => [key, memo.get(key) ?? null]));
  fresh.forEach((result, i) => {
    const key = keyOf(missing[i] as EffectJob);
    known.set(key, result.effect);
    remember(key, result.effect);
  });
  return jobs.map((job, i) => ({ measure: job.measure, effect: known.get(keys[i] as string) ?? null }));
}

function runInWorker(jobs: EffectJob[]): Promise<EffectResult[]> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    const request: EffectRequest = { id, jobs };
    const running = effectWorker();
    // Listeners are attached before ref/unref: attaching a 'message' listener refs a worker again.
    running.ref();
    running.postMessage(request);
  });
}

/** Stops the worker (at shutdown, so a drained process leaves nothing running). */
export async function stopEffectWorker(): Promise<void> {
  const running = worker;
  worker = null;
  if (running) await running.terminate();
}
