import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { buildApp } from './app';
import type { Config } from './config';
import { createMailer } from './mail/smtp-mailer';
import { openRuntime } from './runtime';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export async function startWebServer(config: Config): Promise<{ url: string; close: () => Promise<void> }> {
  const runtime = await openRuntime(config);
  const mailer = createMailer(runtime.database.db, { smtpUrl: config.smtpUrl, from: config.mailFrom });
  const app = buildApp(
    {
      db: runtime.database.db,
      auth: runtime.auth,
      clock: () => new Date(),
      mailer,
      databaseKind: runtime.database.kind,
    },
    { webRoot },
  );
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
      mailer.close();
      await runtime.close();
    },
  };
}
