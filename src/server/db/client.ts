import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  // The embedded engine itself, for tests that dump or load a whole data folder.
  pglite?: PGlite;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string | null; loadDump?: Blob };

// One schema and one migration history, two engines: PGlite in a data folder for the embedded default
// (null = in memory, for tests), PostgreSQL through `pg` in server mode.
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      // While PostgreSQL is unreachable a request should fail fast with a 503, not queue for ever.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // JIT compilation pays off for long analytical scans, not for Corner's reads: the planner's
      // estimates for correlated per-pair subqueries cross its cost threshold, and compiling then took
      // 580 ms of an 800 ms at-risk read over 20,000 pairs (bench:outcomes).
      options: '-c jit=off',
    });
    watchPool(pool);
    const db = drizzlePg(pool, { schema });
    return {
      db,
      kind: 'postgres',
      migrate: () => migrateUnderLock(pool),
      close: () => pool.end(),
    };
  }
  // btree_gist lets the sessions exclusion constraint compare a guide id (=) next to a time range (&&).
  const client = new PGlite({
    dataDir: target.dataDir ?? undefined,
    loadDataDir: target.loadDump,
    extensions: { btree_gist },
  });
  await client.waitReady;
  const db = drizzlePglite(client, { schema });
  return {
    db,
    kind: 'pglite',
    pglite: client,
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

const CONNECT_TIMEOUT_MS = 5_000;
// Any constant works as long as every Corner instance uses the same one; this is "corner" in ASCII.
const MIGRATION_LOCK_KEY = 0x636f726e6572;

// A connection PostgreSQL drops (a restart, pg_terminate_backend, a network cut) makes node-postgres
// emit 'error' on the pool for idle clients and on the client itself for checked-out ones (a
// transaction in flight). Unheard, either kills the process; heard, the pool discards that client and
// opens a fresh one on the next checkout, and the query in flight rejects into a 503.
export function watchPool(pool: pg.Pool, label = 'database'): void {
  pool.on('error', (error) => console.error(`${label}: idle connection lost (${error.message})`));
  pool.on('connect', (client) => {
    client.on('error', (error) => console.error(`${label}: connection lost (${error.message})`));
  });
}

// Instances started together on an empty database would race drizzle's CREATE SCHEMA/TABLE and die on
// a duplicate key; a session advisory lock on one dedicated connection lets one migrate while the others
// wait, and they then find nothing left to do.
async function migrateUnderLock(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } catch (error) {
    // A connection that failed mid-way goes back to the pool as broken, so it is closed (which also
    // releases the lock) rather than reused.
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}
