import type { z } from 'zod';

// A job is a name, the shape of its payload and what to do with it. The payload is validated when
// it is enqueued (a programming mistake fails at the caller) and again when it is worked (a job
// written by an older version of the code fails loudly instead of half-running).
export type JobDefinition<Payload, Context> = {
  name: string;
  payload: z.ZodType<Payload>;
  handler: (payload: Payload, context: Context) => Promise<void>;
  /** Attempts after the first; jobs that mail must be safe to run twice (they dedupe in the database). */
  retryLimit?: number;
};

export type EnqueueOptions = {
  startAfter?: Date;
  /** At most one queued job with this key at a time (e.g. one digest per person). */
  singletonKey?: string;
};

/** What operations see: enqueue a job. Only after the transaction that caused it has committed. */
export type Jobs = {
  enqueue: <Payload>(
    definition: JobDefinition<Payload, never>,
    payload: Payload,
    options?: EnqueueOptions,
  ) => Promise<void>;
};

/** A recurring job: five-field cron, evaluated in UTC. Build with `schedule()` so the payload is checked. */
export type Schedule = { name: string; cron: string; payload: object };

export function schedule<Payload extends object>(
  definition: JobDefinition<Payload, never>,
  cron: string,
  payload: Payload,
): Schedule {
  return { name: definition.name, cron, payload: definition.payload.parse(payload) as object };
}

export function defineJob<Payload, Context>(
  definition: JobDefinition<Payload, Context>,
): JobDefinition<Payload, Context> {
  return definition;
}
