import type { PGlite } from '@electric-sql/pglite';
import { type Clock, fromPglite, PgBoss } from 'pg-boss';
import type { EnqueueOptions, JobDefinition, Jobs, Schedule } from './job-definition';

export type QueueConnection = { kind: 'postgres'; url: string } | { kind: 'pglite'; pglite: PGlite };

export type JobQueue<Context> = Jobs & {
  /** Starts working every defined job in this process, and keeps the schedules. */
  startWorker: (context: Context) => Promise<void>;
  /** Stops fetching; jobs already running get up to `graceMs` to finish. */
  stop: (options?: { graceMs?: number }) => Promise<void>;
};

// biome-ignore lint/suspicious/noExplicitAny: definitions of different payloads share one list
type AnyDefinition<Context> = JobDefinition<any, Context>;

const DEFAULT_SCHEMA = 'pgboss';
const DEFAULT_GRACE_MS = 5_000;

/**
 * A job queue on pg-boss: PostgreSQL in server mode (every instance shares it), the same PGlite the
 * app uses in embedded mode (jobs run in-process). pg-boss starts lazily, on the first enqueue or
 * when the worker starts, so a web process that never enqueues pays nothing at start-up.
 */
export function createJobQueue<Context>(
  connection: QueueConnection,
  options: {
    definitions: AnyDefinition<Context>[];
    schedules?: Schedule[];
    /** How often an idle worker looks for jobs. */
    pollingIntervalSeconds?: number;
    onError?: (error: unknown) => void;
    /** Where pg-boss keeps its tables; tests sharing one PostgreSQL database each use their own. */
    schema?: string;
    /** pg-boss's source of time and timers; tests pass its TestClock to make a cron schedule fire. */
    clock?: Clock;
  },
): JobQueue<Context> {
  const onError = options.onError ?? ((error: unknown) => console.error('job queue:', error));
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const boss =
    connection.kind === 'postgres'
      ? new PgBoss({ connectionString: connection.url, schema, max: 4, clock: options.clock })
      : new PgBoss({ db: fromPglite(connection.pglite), backend: 'pglite', schema, clock: options.clock });
  // pg-boss re-emits its pool's lost connections and its loops' failed queries here; with a listener it
  // keeps polling and picks up again once PostgreSQL is back, without one the process would crash.
  boss.on('error', onError);
  const byName = new Map(options.definitions.map((definition) => [definition.name, definition]));
  let started: Promise<void> | null = null;
  let stopped = false;
  // What startWorker has already registered, so a retry after a failed start only adds the rest.
  const working = new Set<string>();
  let scheduled = false;

  const ready = () => {
    started ??= (async () => {
      await boss.start();
      for (const definition of options.definitions) {
        await boss.createQueue(definition.name, {
          retryLimit: definition.retryLimit ?? 3,
          retryBackoff: true,
        });
      }
    })().catch((error: unknown) => {
      // A start that failed because the database was down must not stay failed for ever: the next
      // enqueue or worker start tries again.
      started = null;
      throw error;
    });
    return started;
  };

  return {
    async enqueue(definition, payload, enqueueOptions: EnqueueOptions = {}) {
      if (!byName.has(definition.name)) throw new Error(`No job named ${definition.name} is defined.`);
      const data = definition.payload.parse(payload);
      await ready();
      await boss.send(definition.name, data as object, {
        ...(enqueueOptions.startAfter ? { startAfter: enqueueOptions.startAfter } : {}),
        ...(enqueueOptions.singletonKey ? { singletonKey: enqueueOptions.singletonKey } : {}),
      });
    },
    async startWorker(context) {
      await ready();
      for (const definition of options.definitions) {
        if (working.has(definition.name)) continue;
        await boss.work(
          definition.name,
          { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
          async (jobs) => {
            for (const job of jobs) await definition.handler(definition.payload.parse(job.data), context);
          },
        );
        working.add(definition.name);
      }
      if (scheduled) return;
      for (const schedule of options.schedules ?? []) {
        await boss.schedule(schedule.name, schedule.cron, schedule.payload, { tz: 'UTC' });
      }
      scheduled = true;
    },
    async stop({ graceMs = DEFAULT_GRACE_MS } = {}) {
      if (stopped) return;
      stopped = true;
      if (started === null) return;
      await started.catch(() => {});
      // The PGlite instance belongs to the app and is closed with it; pg-boss closes only its own pool.
      await boss.stop({ graceful: true, close: connection.kind === 'postgres', timeout: graceMs });
    },
  };
}
