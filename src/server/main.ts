import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { buildApp } from './app';
import type { SessionSource } from './calendar/session-source';
import type { Config } from './config';
import type { QueueConnection } from './jobs/job-queue';
import { createCornerJobQueue } from './jobs/registry';
import { createMailer } from './mail/smtp-mailer';
import { relationshipReminderSource } from './notifications/relationship-reminder-source';
import type { ReminderFactsSource } from './notifications/reminder-source';
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
      databaseKind: runtime.database.kind,
    },
    { webRoot, trustedProxies: config.trustedProxies },
  );
  if (testClock) mountTestClock(app, testClock);
  const server = config.roles.web
    ? await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
        const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
          resolve(started),
        );
        started.once('error', reject);
      })
    : null;
  if (config.roles.worker) {
    jobs
      .startWorker({
        db,
        mailer,
        clock,
        jobs,
        reminderFacts: sources.reminderFacts,
        publicUrl: config.publicUrl,
      })
      .catch((error: unknown) => console.error('The job worker could not start:', error));
  }
  return {
    url: config.publicUrl,
    close: async () => {
      if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs.stop();
      mailer.close();
      await runtime.close();
    },
  };
}
