import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/client';

// A second, empty and migrated database on the run's engine: for tests that move data from one
// Corner to another (growth record import).
export async function openFreshDatabase(): Promise<Database & { url: string | null }> {
  const target = inject('testDatabase');
  if (target.kind === 'pglite') {
    const database = await openDatabase({
      kind: 'pglite',
      dataDir: null,
      loadDump: new Blob([fs.readFileSync(target.dumpPath)]),
    });
    return { ...database, url: null };
  }
  const name = `corner_fresh_${Date.now()}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: target.url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
