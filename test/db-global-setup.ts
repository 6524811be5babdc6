import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/server/db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { kind: 'postgres'; url: string } | { kind: 'pglite'; dumpPath: string };
  }
}

// The database is created and migrated once per run. PostgreSQL: a fresh database, dropped at the end.
// PGlite (in-process, one per test file): a migrated data folder dumped once, which each file loads
// in about half a second instead of initialising and migrating its own.
export default async function setup(project: TestProject) {
  const engine = process.env.CORNER_TEST_DB ?? 'pglite';
  if (engine === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl)
      throw new Error('CORNER_TEST_DB=postgres needs TEST_DATABASE_URL (scripts/test.mjs sets it).');
    const name = `corner_test_${Date.now()}_${process.pid}`;
    await withClient(adminUrl, (client) => client.query(`create database ${name}`));
    const url = withDatabase(adminUrl, name);
    const database = await openDatabase({ kind: 'postgres', url });
    await database.migrate();
    await database.close();
    project.provide('testDatabase', { kind: 'postgres', url });
    return async () => {
      await withClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    };
  }
  if (engine !== 'pglite') throw new Error(`CORNER_TEST_DB must be pglite or postgres, not ${engine}.`);
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await database.migrate();
  const dump = await dumpPglite(database);
  await database.close();
  const dumpPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corner-pglite-')), 'migrated.tar');
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDatabase', { kind: 'pglite', dumpPath });
  return () => fs.rmSync(path.dirname(dumpPath), { recursive: true, force: true });
}

async function dumpPglite(database: Awaited<ReturnType<typeof openDatabase>>): Promise<Blob> {
  if (!database.pglite) throw new Error('expected a PGlite database');
  return database.pglite.dumpDataDir('none');
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
