// API read benchmark: Corner (PostgreSQL-backed, NODE_ENV=production, a real server process) against a
// bare baseline (bench/api-baseline.ts: Hono + @hono/node-server + one `pg` query per request), both on
// one throwaway PostgreSQL database seeded with a realistic member, both loaded with the Home page's
// reads by autocannon at 50 connections over loopback. Runs alternate (baseline, corner, baseline, …) so
// both sides see the same machine load; it prints figures and never passes or fails.
// Run: npm run bench:api
//   TEST_DATABASE_URL     server to create the throwaway database on (default postgres://postgres@127.0.0.1:5432/test)
//   BENCH_RUNS            alternating pairs of runs (default 3)
//   BENCH_SECONDS         seconds per run (default 10)
//   BENCH_CONNECTIONS     concurrent connections (default 50)
//   BENCH_CPU_PROF=dir    write a V8 CPU profile of the Corner server to dir (node --cpu-prof)
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { createAuth } from '../src/server/auth/auth';
import { openDatabase } from '../src/server/db/client';
import { DEMO_PASSWORD, demoPeople } from '../src/server/demo/demo-people';
import { recordReminders } from '../src/server/notifications/record-reminders';
import { relationshipReminderSource } from '../src/server/notifications/relationship-reminder-source';
import { loadMayaGrowth } from '../test/support/maya-growth';
import { percentile } from './stats';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARM_UP_SECONDS = 3;
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;
const SECRET = 'bench-secret-that-is-long-enough-for-better-auth';
const CORNER_PORT = 3401;
const BASELINE_PORT = 3402;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DAY_MS = 86_400_000;

// What the web app's Home page asks for when a member is signed in: the session (app.tsx), the
// readiness results and active goals (routes/home.tsx), the feedback badge in the layout
// (components/unthanked-answers-badge.tsx).
const HOME_READS = [
  '/api/auth/get-session',
  '/api/v1/readiness/results',
  '/api/v1/goals?status=active',
  '/api/v1/feedback-requests',
];

type Figures = {
  side: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** CPU the server process spent per request (user + system), from /proc: steadier than req/s on a busy machine. */
  cpuMs: number;
  bad: number;
};

async function main() {
  const name = `corner_bench_api_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const children: ChildProcess[] = [];
  try {
    const userId = await seed(databaseUrl);
    const corner = start('corner', ['bin/corner.js', 'serve'], CORNER_PORT, {
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      BETTER_AUTH_SECRET: SECRET,
      HOST: '127.0.0.1',
      CORNER_ROLES: 'web',
      PUBLIC_URL: `http://127.0.0.1:${CORNER_PORT}`,
    });
    const baseline = start('baseline', ['--import', 'tsx', 'bench/api-baseline.ts'], BASELINE_PORT, {
      DATABASE_URL: databaseUrl,
      BENCH_USER_ID: userId,
    });
    children.push(corner, baseline);
    await Promise.all([ready(CORNER_PORT, '/api/health'), ready(BASELINE_PORT, '/api/auth/get-session')]);
    const cookie = await signIn();
    await checkReads(CORNER_PORT, cookie);
    await checkReads(BASELINE_PORT, cookie);

    console.log(
      `Home page reads (${HOME_READS.length} paths in turn), ${CONNECTIONS} connections, ${SECONDS} s a run, loopback`,
    );
    await load('baseline', baseline, BASELINE_PORT, cookie, WARM_UP_SECONDS);
    await load('corner', corner, CORNER_PORT, cookie, WARM_UP_SECONDS);
    const all: Figures[] = [];
    for (let run = 1; run <= RUNS; run++) {
      for (const [side, server, port] of [
        ['baseline', baseline, BASELINE_PORT],
        ['corner', corner, CORNER_PORT],
      ] as const) {
        const figures = await load(side, server, port, cookie, SECONDS);
        all.push(figures);
        console.log(`  run ${run} ${format(figures)}`);
      }
      const pair = all.slice(-2);
      const ratio = (pair[1]?.rps ?? 0) / (pair[0]?.rps ?? 1);
      console.log(`  run ${run} corner/bare req/s: ${(ratio * 100).toFixed(1)} %`);
    }
    summarise(all);
  } finally {
    // Requests autocannon gave up on at the end of a run may still be queued in Corner: let them drain
    // so stopping (which closes the pool) does not make them fail noisily.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await Promise.all(children.map(stop));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

// Demo Maya with a season of growth tools and relationships (the db tests' fixture), plus the
// reminders a sweep would have stored for her.
async function seed(databaseUrl: string): Promise<string> {
  const started = performance.now();
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl });
  try {
    await database.migrate();
    const auth = createAuth({
      db: database.db,
      secret: SECRET,
      baseUrl: `http://127.0.0.1:${CORNER_PORT}`,
      trustedOrigins: [],
    });
    const now = new Date();
    const actor = await loadMayaGrowth(database.db, auth, new Date(now.getTime() - 30 * DAY_MS));
    const sweep = relationshipReminderSource(database.db);
    for (const daysAgo of [20, 10, 3, 0]) {
      const at = new Date(now.getTime() - daysAgo * DAY_MS);
      await recordReminders(database.db, await sweep(at), at);
    }
    console.log(
      `Seeded demo Maya and her relationships in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return actor.userId;
  } finally {
    await database.close();
  }
}

function start(label: string, args: string[], port: number, env: Record<string, string>): ChildProcess {
  const flags = label === 'corner' && CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [];
  const child = spawn(process.execPath, [...flags, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal === null) console.error(`${label} exited with ${code}`);
  });
  return child;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // SIGINT lets Corner close its pool, and lets --cpu-prof write its profile.
    child.kill('SIGINT');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

async function ready(port: number, probe: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}${probe}`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing answered on port ${port} within 60 s`);
}

async function signIn(): Promise<string> {
  const maya = demoPeople[0];
  const response = await fetch(`http://127.0.0.1:${CORNER_PORT}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${CORNER_PORT}` },
    body: JSON.stringify({ email: maya?.email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
}

// Both sides must answer every read with a 200 and real content, or the comparison means nothing.
async function checkReads(port: number, cookie: string): Promise<void> {
  for (const read of HOME_READS) {
    const response = await fetch(`http://127.0.0.1:${port}${read}`, { headers: { cookie } });
    const text = await response.text();
    if (response.status !== 200 || text.length < 20 || text === 'null') {
      throw new Error(`${port}${read}: ${response.status} ${text.slice(0, 200)}`);
    }
  }
}

// utime + stime of a process in milliseconds (Linux: fields 14 and 15 of /proc/<pid>/stat, in ticks
// of 1/100 s on every common kernel configuration).
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

async function load(
  side: string,
  server: ChildProcess,
  port: number,
  cookie: string,
  seconds: number,
): Promise<Figures> {
  const cpuBefore = cpuMsOf(server.pid);
  const latencies: number[] = [];
  let bad = 0;
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration: seconds,
        requests: HOME_READS.map((read) => ({ method: 'GET' as const, path: read, headers: { cookie } })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance?.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode !== 200) bad++;
  });
  const result = await done;
  const cpuMs = (cpuMsOf(server.pid) - cpuBefore) / Math.max(1, result.requests.total);
  return {
    cpuMs,
    side,
    rps: result.requests.total / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    bad: bad + result.errors + result.timeouts,
  };
}

const format = (f: Figures) =>
  `${f.side.padEnd(8)} ${f.rps.toFixed(0).padStart(6)} req/s  p50 ${f.p50.toFixed(1)} ms  p95 ${f.p95.toFixed(1)} ms  p99 ${f.p99.toFixed(1)} ms  CPU ${f.cpuMs.toFixed(2)} ms/req${f.bad ? `  (${f.bad} not 200 or failed)` : ''}`;

function summarise(all: Figures[]) {
  const median = (values: number[]) => percentile(values, 50);
  const of = (side: string) => all.filter((f) => f.side === side);
  const [bare, corner] = [of('baseline'), of('corner')];
  console.log('Medians over the runs:');
  for (const runs of [bare, corner]) {
    const side = runs[0]?.side ?? '';
    console.log(
      `  ${format({
        side,
        rps: median(runs.map((f) => f.rps)),
        p50: median(runs.map((f) => f.p50)),
        p95: median(runs.map((f) => f.p95)),
        p99: median(runs.map((f) => f.p99)),
        cpuMs: median(runs.map((f) => f.cpuMs)),
        bad: runs.reduce((sum, f) => sum + f.bad, 0),
      })}`,
    );
  }
  const ratios = corner.map((f, i) => f.rps / (bare[i]?.rps ?? 1));
  const cpu = (runs: Figures[]) => median(runs.map((f) => f.cpuMs));
  console.log(`  CPU per request corner/bare: ${(cpu(corner) / Math.max(0.001, cpu(bare))).toFixed(2)}×`);
  console.log(
    `  corner/bare req/s: median ${(median(ratios) * 100).toFixed(1)} % (runs: ${ratios
      .map((r) => `${(r * 100).toFixed(1)} %`)
      .join(', ')})`,
  );
}

await main();
