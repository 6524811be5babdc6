// Backup/restore benchmark: 20,000 pairs and 500,000 sessions (the dashboard benchmark's generator) in
// a fresh PostgreSQL database, then `backupDatabase` to a gzip file and `restoreDatabase` into a second,
// empty, migrated database. Targets (issue 14): backup ≤ 60 s, restore ≤ 120 s. Prints figures; it does
// not pass or fail.
// Run: npm run bench:backup
//   BENCH_DATABASE_URL   server to use (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_PAIRS, BENCH_SESSIONS   smaller sizes for a quick look (defaults 20,000 and 500,000)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { backupDatabase } from '../src/server/backup/backup-database';
import { restoreDatabase } from '../src/server/backup/restore-database';
import { openDatabase } from '../src/server/db/client';
import { exportGrowthRecord } from '../src/server/growth-record/export-growth-record';
import { seedCohort } from './dashboard-seed';
import { BENCH_BASE_URL, cookieOf, inProcessApp } from './in-process-app';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PAIRS = Number(process.env.BENCH_PAIRS ?? 20_000);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 500_000);
const NOW = new Date('2027-05-20T09:00:00Z');
const COHORT = {
  name: 'Bench cohort',
  applicationsOpen: '2026-05-11',
  applicationsClose: '2026-06-14',
  matchingOn: '2026-06-24',
  startsOn: '2026-07-06',
  endsOn: '2027-07-31',
};
const seconds = (since: number) => (performance.now() - since) / 1000;

async function createDatabase(admin: pg.Client, name: string) {
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  await database.migrate();
  return { database, url: url.toString() };
}

/** The backup benchmark; bench/identity.ts runs it too, after SCIM provisioning. */
export async function benchBackup() {
  const stamp = Date.now();
  const sourceName = `corner_bench_backup_src_${stamp}`;
  const targetName = `corner_bench_backup_dst_${stamp}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const file = path.join(os.tmpdir(), `corner-bench-${stamp}.corner.gz`);
  const source = await createDatabase(admin, sourceName);
  const target = await createDatabase(admin, targetName);
  try {
    const app = inProcessApp(source.database.db, source.url, () => NOW);
    const signUp = await app.request('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BENCH_BASE_URL },
      body: JSON.stringify({
        name: 'Bench Admin',
        email: 'admin@bench.test',
        password: 'correct-horse-battery',
        timeZone: 'Europe/Berlin',
      }),
    });
    if (signUp.status !== 200) throw new Error(`admin sign-up failed: ${signUp.status}`);
    const cookie = cookieOf(signUp);
    const post = async (p: string, body: unknown) => {
      const response = await app.request(p, {
        method: 'POST',
        headers: { cookie, origin: BENCH_BASE_URL, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status >= 300) throw new Error(`${p}: ${response.status}`);
      return (await response.json()) as { id: string };
    };
    const program = await post('/api/v1/programs', { name: 'Bench program' });
    const cohort = await post(`/api/v1/programs/${program.id}/cohorts`, COHORT);
    const raw = new pg.Pool({ connectionString: source.url, max: 1 });
    const seeder = await raw.connect();
    await seeder.query('set session_replication_role = replica').catch(() => {});
    const seedStarted = performance.now();
    const counts = await seedCohort(seeder, {
      cohortId: cohort.id,
      cohortStart: new Date(`${COHORT.startsOn}T00:00:00Z`),
      now: NOW,
      pairs: PAIRS,
      sessions: SESSIONS,
      seed: 20270520,
      log: () => {},
    });
    await seeder.query('select corner_rebuild_dashboard_rollups()');
    seeder.release(true);
    await raw.end();
    console.log(`Seeded in ${seconds(seedStarted).toFixed(1)} s: ${JSON.stringify(counts)}`);

    const backupStarted = performance.now();
    const header = await backupDatabase(source.database.db, file, NOW);
    const backupSeconds = seconds(backupStarted);
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    const megabytes = fs.statSync(file).size / 1024 / 1024;
    console.log(
      `Backup:  ${backupSeconds.toFixed(1)} s (target ≤ 60 s), ${rows.toLocaleString()} rows, ${megabytes.toFixed(1)} MB gzip, ${Math.round(rows / backupSeconds).toLocaleString()} rows/s`,
    );

    const restoreStarted = performance.now();
    await restoreDatabase(target.database.db, file, { force: false });
    const restoreSeconds = seconds(restoreStarted);
    console.log(
      `Restore: ${restoreSeconds.toFixed(1)} s (target ≤ 120 s), ${Math.round(rows / restoreSeconds).toLocaleString()} rows/s`,
    );
    const sample = 'bench-member-0';
    const same =
      JSON.stringify(await exportGrowthRecord(source.database.db, sample, NOW)) ===
      JSON.stringify(await exportGrowthRecord(target.database.db, sample, NOW));
    console.log(`Growth record of ${sample} identical after the round trip: ${same ? 'yes' : 'NO'}`);
  } finally {
    await source.database.close();
    await target.database.close();
    fs.rmSync(file, { force: true });
    await admin.query(`drop database if exists ${sourceName} with (force)`);
    await admin.query(`drop database if exists ${targetName} with (force)`);
    await admin.end();
  }
}

// Run directly (npm run bench:backup), not when bench/identity.ts imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchBackup();
