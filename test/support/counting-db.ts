import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import type { Database, Db } from '../../src/server/db/client';
import * as schema from '../../src/server/db/schema';

/**
 * A second drizzle handle on the same connection (pool or PGlite) whose logger counts every statement
 * sent, for tests that hold an operation to a number of queries rather than to a time.
 */
export function countingDb(database: Database): { db: Db; queries: () => number; reset: () => void } {
  let count = 0;
  const logger = {
    logQuery: () => {
      count += 1;
    },
  };
  // drizzle keeps the driver's client on `$client`; the app's Db type does not name it.
  const client = (database.db as unknown as { $client: pg.Pool | PGlite }).$client;
  const db =
    database.kind === 'postgres'
      ? drizzlePg(client as pg.Pool, { schema, logger })
      : drizzlePglite(client as PGlite, { schema, logger });
  return {
    db,
    queries: () => count,
    reset: () => {
      count = 0;
    },
  };
}
