import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { buildApp } from './app';
import type { Config } from './config';
import { createOutboxMailer } from './mail/mailer';
import { openRuntime } from './runtime';
import { mountTestClock, testClockFromEnv } from './test-clock/test-clock';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export async function startWebServer(config: Config): Promise<{ url: string; close: () => Promise<void> }> {
  const runtime = await openRuntime(config);
  const testClock = testClockFromEnv(process.env);
  const app = buildApp(
    {
      db: runtime.database.db,
      auth: runtime.auth,
      clock: testClock?.now ?? (() => new Date()),
      mailer: createOutboxMailer(runtime.database.db),
      databaseKind: runtime.database.kind,
    },
    { webRoot },
  );
  if (testClock) mountTestClock(app, testClock);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(started),
    );
    started.once('error', reject);
  });
  return {
    url: config.publicUrl,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.close();
    },
  };
}
