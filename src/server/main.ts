import type { Server } from 'node:http';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { buildApp } from './app';
import { startOperatorChannel } from './backup/operator-channel';
import type { SessionSource } from './calendar/session-source';
import { calendarProvidersFrom } from './calendar-sync/oauth-providers';
import type { Config } from './config';
import { drainable } from './drain-server';
import type { QueueConnection } from './jobs/job-queue';
import { createCornerJobQueue } from './jobs/registry';
import { createMailer } from './mail/smtp-mailer';
import { relationshipReminderSource } from './notifications/relationship-reminder-source';
import type { ReminderFactsSource } from './notifications/reminder-source';
import { stopEffectWorker } from './outcomes/estimate-in-worker';
import { openRuntime } from './runtime';
import { sessionFeedSource } from './sessions/session-feed-source';
import { mountTestClock, testClockFromEnv } from './test-clock/test-clock';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Data the notification and calendar features read from other capabilities' tables. */
export type Sources = { sessionSource: SessionSource; reminderFacts: ReminderFactsSource };

// Starts the roles this process plays (CORNER_ROLES): the web server, the job worker, or both. The
// worker starts after the server listens, so the first page does not wait for the queue's set-up.
export async function startWebServer(
  config: Config,
  overrides: Partial<Sources> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const runtime = await openRuntime(config);
  const db = runtime.database.db;
  const sources: Sources = {
    sessionSource: overrides.sessionSource ?? sessionFeedSource(db),
    reminderFacts: overrides.reminderFacts ?? relationshipReminderSource(db),
  };
  const mailer = createMailer(db, { smtpUrl: config.smtpUrl, from: config.mailFrom });
  const connection: QueueConnection = runtime.database.pglite
    ? { kind: 'pglite', pglite: runtime.database.pglite }
    : { kind: 'postgres', url: config.databaseUrl ?? '' };
  const jobs = createCornerJobQueue(connection);
  const calendarProviders = calendarProvidersFrom(config.calendarOAuth);
  const testClock = testClockFromEnv(process.env);
  const clock = testClock?.now ?? (() => new Date());
  const app = buildApp(
    {
      db,
      auth: runtime.auth,
      clock,
      mailer,
      jobs,
      sessionSource: sources.sessionSource,
      calendarKey: runtime.calendarKey,
      calendarProviders,
      programCreators: config.programCreators,
      databaseKind: runtime.database.kind,
    },
    { webRoot, trustedProxies: config.trustedProxies },
  );
  if (testClock) mountTestClock(app, testClock);
  const server = config.roles.web
    ? await new Promise<Server>((resolve, reject) => {
        const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
          resolve(started as Server),
        );
        started.once('error', reject);
      })
    : null;
  const http = server ? drainable(server) : null;
  // `corner backup` cannot open the embedded database this process holds, so it asks here.
  const operator = runtime.database.pglite ? await startOperatorChannel(db, config.dataDir, clock) : null;
  let stopping = false;
  let workerStarting: Promise<void> = Promise.resolve();
  if (config.roles.worker) {
    const context = {
      db,
      mailer,
      clock,
      jobs,
      reminderFacts: sources.reminderFacts,
      publicUrl: config.publicUrl,
      calendarKey: runtime.calendarKey,
      calendarProviders,
    };
    // A database that is down at that moment only delays the worker: it tries again until it starts.
    workerStarting = (async () => {
      while (!stopping) {
        try {
          await jobs.startWorker(context);
          return;
        } catch (error) {
          console.error(
            `The job worker could not start; trying again in ${WORKER_RETRY_MS / 1000} s:`,
            error,
          );
          await delay(WORKER_RETRY_MS);
        }
      }
    })();
  }
  return {
    url: config.publicUrl,
    // The order matters: no new requests, the ones in flight answered (their writes committed), running
    // jobs finished, and only then the database closed. Each wait is bounded by CORNER_SHUTDOWN_SECONDS.
    close: async () => {
      stopping = true;
      await http?.drain(config.shutdownTimeoutMs);
      await operator?.close();
      await workerStarting;
      await jobs.stop({ graceMs: config.shutdownTimeoutMs });
      mailer.close();
      await stopEffectWorker();
      await runtime.close();
    },
  };
}

const WORKER_RETRY_MS = 5_000;
