import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Auth, createAuth } from './auth/auth';
import type { Config } from './config';
import { type Database, openDatabase } from './db/client';
import { lockDataDir } from './db/data-dir-lock';

export type Runtime = { database: Database; auth: Auth; close: () => Promise<void> };

// Opens what a server or a CLI verb needs: the database (locking PGlite's folder first, since two
// processes on it lose writes), migrated, and authentication.
export async function openRuntime(config: Config): Promise<Runtime> {
  const lock = config.databaseUrl ? null : lockDataDir(config.dataDir);
  try {
    const database = await openDatabase(
      config.databaseUrl
        ? { kind: 'postgres', url: config.databaseUrl }
        : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pgdata') },
    );
    await database.migrate();
    const auth = createAuth({
      db: database.db,
      secret: config.authSecret ?? readOrCreateSecret(config.dataDir),
      baseUrl: config.publicUrl,
      trustedOrigins: [
        config.publicUrl,
        `http://localhost:${config.port}`,
        `http://127.0.0.1:${config.port}`,
      ],
    });
    return {
      database,
      auth,
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
