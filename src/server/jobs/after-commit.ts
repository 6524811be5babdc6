import type { Db, Tx } from '../db/client';
import type { EnqueueOptions, JobDefinition, Jobs } from './job-definition';

export type PendingJobs = {
  add: <Payload>(
    definition: JobDefinition<Payload, never>,
    payload: Payload,
    options?: EnqueueOptions,
  ) => void;
};

/**
 * Runs `work` in one transaction and enqueues the jobs it asked for only once that transaction has
 * committed. A rolled-back change never mails anyone, and a worker never picks up a job for a row it
 * cannot see yet. (If the process dies between commit and enqueue, the sweep catches up: jobs here
 * are nudges whose source of truth is the database.)
 */
export async function transactionThenEnqueue<T>(
  db: Db,
  jobs: Jobs,
  work: (tx: Tx, later: PendingJobs) => Promise<T>,
): Promise<T> {
  const pending: { definition: JobDefinition<unknown, never>; payload: unknown; options?: EnqueueOptions }[] =
    [];
  const later: PendingJobs = {
    add: (definition, payload, options) => {
      // Validate now, while the caller can still roll back, rather than after commit.
      definition.payload.parse(payload);
      pending.push({ definition: definition as JobDefinition<unknown, never>, payload, options });
    },
  };
  const result = await db.transaction((tx) => work(tx, later));
  for (const job of pending) await jobs.enqueue(job.definition, job.payload, job.options);
  return result;
}
