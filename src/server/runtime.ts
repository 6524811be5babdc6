import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Auth, createAuth } from './auth/auth';
import { calendarKeyFrom } from './calendar-sync/credentials';
import type { Config } from './config';
import { type Database, openDatabase } from './db/client';
import { lockDataDir } from './db/data-dir-lock';
import { isDatabaseUnavailable } from './db/database-unavailable';

export type Runtime = {
  database: Database;
  auth: Auth;
  /** Encrypts calendar credentials at rest (calendar-sync/credentials.ts). */
  calendarKey: Buffer;
  close: () => Promise<void>;
};

// Opens what a server or a CLI verb needs: the database (locking PGlite's folder first, since two
// processes on it lose writes), migrated, and authentication.
export async function openRuntime(config: Config): Promise<Runtime> {
  const lock = config.databaseUrl ? null : lockDataDir(config.dataDir);
  try {
    const database = config.databaseUrl
      ? await openPostgresWhenReachable(config.databaseUrl, config.startWaitMs)
      : await openMigrated({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pgdata') });
    const secret = config.authSecret ?? readOrCreateSecret(config.dataDir);
    const auth = createAuth({
      db: database.db,
      secret,
      baseUrl: config.publicUrl,
      trustedOrigins: [
        config.publicUrl,
        `http://localhost:${config.port}`,
        `http://127.0.0.1:${config.port}`,
      ],
      identityProviderOrigins: config.identityProviderOrigins,
    });
    return {
      database,
      auth,
      calendarKey: calendarKeyFrom(config.calendarCredentialsKey ?? secret),
      close: async () => {
        await database.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

type DatabaseTarget = Parameters<typeof openDatabase>[0];

async function openMigrated(target: DatabaseTarget): Promise<Database> {
  const database = await openDatabase(target);
  try {
    await database.migrate();
    return database;
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

const FIRST_RETRY_MS = 250;
const LONGEST_RETRY_MS = 5_000;

// A PostgreSQL that is still starting (or briefly away) delays start-up instead of ending it: the
// instance tries again with growing pauses, saying so, until `waitMs` has passed.
async function openPostgresWhenReachable(url: string, waitMs: number): Promise<Database> {
  const giveUpAt = Date.now() + waitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await openMigrated({ kind: 'postgres', url });
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() >= giveUpAt) throw error;
      const pauseMs = Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), LONGEST_RETRY_MS);
      const reason = error instanceof Error ? error.message : String(error);
      console.warn(`Waiting for the database (attempt ${attempt}, next in ${pauseMs / 1000} s): ${reason}`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(pauseMs, giveUpAt - Date.now())));
    }
  }
}

// In embedded mode the secret that signs session cookies is made once and kept beside the data, so
// sign-ins survive restarts without any set-up.
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
