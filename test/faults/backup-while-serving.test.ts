import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowaway, type ThrowawayCluster } from '../../scripts/ensure-postgres.mjs';
import { restoreDatabase } from '../../src/server/backup/restore-database';
import { openDatabase } from '../../src/server/db/client';
import { exportGrowthRecord } from '../../src/server/growth-record/export-growth-record';
import { AUTH_SECRET, type CornerProcess, isReady, startCorner, waitFor } from './corner-process';

// `corner backup` as an operator runs it, in a process of its own, while `corner serve` runs in
// another: on the embedded database (which the server holds locked) and on PostgreSQL. The file is
// restored into a fresh database and the growth record read back must be the one the server gave.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corner-backup-serve-'));
let cluster: ThrowawayCluster;
const servers: CornerProcess[] = [];

beforeAll(async () => {
  cluster = await startThrowaway();
});
afterAll(async () => {
  for (const server of servers) server.kill();
  await Promise.all(servers.map((server) => server.exited));
  await cluster?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

function corner(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['bin/corner.js', ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function serve(databaseUrl: string, dataDir: string) {
  const server = await startCorner(databaseUrl, {}, dataDir);
  servers.push(server);
  const ready = await waitFor(() => isReady(server), 90_000, 200);
  expect(ready, server.output()).not.toBeNull();
  return server;
}

/** A person with goals and journal lines, made through the running server's API. */
async function personWithHistory(server: CornerProcess) {
  const signedUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({
      email: `backup-${Date.now()}@example.test`,
      password: 'a-long-password-1',
      name: 'Bea',
    }),
  });
  expect(signedUp.status).toBe(200);
  const userId = ((await signedUp.json()) as { user: { id: string } }).user.id;
  const cookie = signedUp.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .join('; ');
  const post = async (route: string, body: unknown) => {
    const response = await fetch(`${server.url}${route}`, {
      method: 'POST',
      headers: { cookie, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBe(201);
  };
  for (let i = 0; i < 5; i++)
    await post('/api/v1/goals', { title: `Goal ${i} with ünïcödé`, category: 'iq' });
  await post('/api/v1/journal', { body: 'A line with "quotes",\nand another' });
  const record = await fetch(`${server.url}/api/v1/growth-record`, {
    headers: { cookie, origin: server.url },
  });
  expect(record.status).toBe(200);
  return { userId, cookie, record: (await record.json()) as Record<string, unknown> };
}

const withoutStamp = (record: Record<string, unknown>) => ({ ...record, exportedAt: 'aside' });

async function expectSameRecordAfterRestore(file: string, userId: string, before: Record<string, unknown>) {
  const target = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await target.migrate();
    await restoreDatabase(target.db, file, { force: false });
    const after = await exportGrowthRecord(target.db, userId, new Date());
    expect(withoutStamp(after as unknown as Record<string, unknown>)).toEqual(withoutStamp(before));
    expect(JSON.stringify(after)).toContain('ünïcödé');
  } finally {
    await target.close();
  }
}

async function stillServes(server: CornerProcess, cookie: string) {
  const response = await fetch(`${server.url}/api/v1/goals`, { headers: { cookie, origin: server.url } });
  await response.arrayBuffer();
  return response.status;
}

describe('corner backup while corner serve runs', () => {
  it('on the embedded database: the server takes the backup and streams it to the file', async () => {
    const dataDir = fs.mkdtempSync(path.join(work, 'embedded-'));
    const server = await serve('', dataDir);
    const { userId, cookie, record } = await personWithHistory(server);
    const out = path.join(work, 'embedded.corner.gz');
    const env = { CORNER_DATA_DIR: dataDir, DATABASE_URL: '', BETTER_AUTH_SECRET: AUTH_SECRET };

    const backup = await corner(['backup', '--out', out], env);
    expect(backup.code, `${backup.stdout}\n${backup.stderr}\n${server.output()}`).toBe(0);
    expect(backup.stdout).toMatch(/Backup written to .* by the running Corner: \d+ rows, schema version \d+/);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
    expect(server.alive()).toBe(true);
    expect(await stillServes(server, cookie)).toBe(200);
    // The channel is only for the operator's own account.
    const folder = fs.statSync(path.join(dataDir, 'operator'));
    expect(folder.mode & 0o077).toBe(0);

    await expectSameRecordAfterRestore(out, userId, record);
  }, 180_000);

  it('on PostgreSQL: the CLI reads a consistent snapshot beside the running server', async () => {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database backup_source');
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = '/backup_source';
    const dataDir = fs.mkdtempSync(path.join(work, 'postgres-'));
    const server = await serve(url.toString(), dataDir);
    const { userId, cookie, record } = await personWithHistory(server);
    const out = path.join(work, 'postgres.corner.gz');

    const backup = await corner(['backup', '--out', out], {
      CORNER_DATA_DIR: fs.mkdtempSync(path.join(work, 'cli-')),
      DATABASE_URL: url.toString(),
      BETTER_AUTH_SECRET: AUTH_SECRET,
    });
    expect(backup.code, `${backup.stdout}\n${backup.stderr}`).toBe(0);
    expect(backup.stdout).toMatch(/Backup written to .*: \d+ rows/);
    expect(await stillServes(server, cookie)).toBe(200);

    await expectSameRecordAfterRestore(out, userId, record);
  }, 180_000);
});
