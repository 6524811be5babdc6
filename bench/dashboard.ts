// Cohort dashboard benchmark: 20,000 pairs and 500,000 sessions (with their next steps, pulses,
// agreements and retrospectives) in a fresh PostgreSQL database, then the admin's dashboard through the
// API (in-process app.request) again and again. Prints figures; it does not pass or fail.
// Run: npm run bench:dashboard
//   BENCH_DATABASE_URL     server to use (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_REQUESTS         timed dashboard requests in each series (default 60)
//   BENCH_STEP_MINUTES     how far the clock moves before each request of the moving series (default 15)
//   BENCH_KEEP_DATABASE=1  keep the database afterwards (to look at query plans, or to reuse it)
//   BENCH_REUSE_DATABASE   name of a kept database: migrate it and measure without seeding again
import pg from 'pg';
import { dueReminders } from '../src/domain/reminders/due-reminders';
import { openDatabase } from '../src/server/db/client';
import { relationshipReminderSource } from '../src/server/notifications/relationship-reminder-source';
import { seedCohort } from './dashboard-seed';
import { BENCH_BASE_URL, cookieOf, inProcessApp } from './in-process-app';
import { percentile } from './stats';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PAIRS = 20_000;
const SESSIONS = 500_000;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const WARM_UP = 3;
const STEP_MS = Number(process.env.BENCH_STEP_MINUTES ?? 15) * 60_000;
const REUSE = process.env.BENCH_REUSE_DATABASE;
const KEEP_DATABASE = process.env.BENCH_KEEP_DATABASE === '1' || REUSE !== undefined;
const BASE_URL = BENCH_BASE_URL;
// A fixed "now", so the same seed gives the same states on every run.
const NOW = new Date('2027-05-20T09:00:00Z');
const COHORT = {
  name: 'Bench cohort',
  applicationsOpen: '2026-05-11',
  applicationsClose: '2026-06-14',
  matchingOn: '2026-06-24',
  startsOn: '2026-07-06',
  endsOn: '2027-07-31',
};
const ADMIN = { name: 'Bench Admin', email: 'admin@bench.test', password: 'correct-horse-battery' };

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

let clock = NOW;

async function main() {
  const name = REUSE ?? `corner_bench_dashboard_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  if (!REUSE) await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  const raw = new pg.Pool({ connectionString: url.toString(), max: 2 });
  try {
    await database.migrate();
    const app = inProcessApp(database.db, url.toString(), () => clock);
    const signIn = await app.request(`/api/auth/${REUSE ? 'sign-in' : 'sign-up'}/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE_URL },
      body: JSON.stringify({ ...ADMIN, timeZone: 'Europe/Berlin' }),
    });
    if (signIn.status !== 200) throw new Error(`admin sign-in failed: ${signIn.status}`);
    const cookie = cookieOf(signIn);
    const adminId = ((await signIn.json()) as { user: { id: string } }).user.id;
    const call = async (path: string, body?: unknown) => {
      const response = await app.request(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { cookie, origin: BASE_URL, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
      return { text, json: () => JSON.parse(text) as Record<string, unknown> };
    };

    let cohortId: string;
    if (REUSE) {
      const { programs } = (await call('/api/v1/programs')).json() as { programs: { id: string }[] };
      const { cohorts } = (await call(`/api/v1/programs/${programs[0]?.id}/cohorts`)).json() as {
        cohorts: { id: string }[];
      };
      cohortId = cohorts[0]?.id ?? '';
      console.log(`Reusing database ${name}`);
    } else {
      const program = (await call('/api/v1/programs', { name: 'Bench program' })).json();
      cohortId = String((await call(`/api/v1/programs/${program.id}/cohorts`, COHORT)).json().id);
      const started = performance.now();
      // The generator writes consistent rows, so the seeding connection skips foreign-key triggers
      // when the server lets it (a superuser); that halves the seed time.
      const seeder = await raw.connect();
      await seeder.query('set session_replication_role = replica').catch(() => {
        console.log('(foreign keys checked while seeding: not a superuser)');
      });
      const counts = await seedCohort(seeder, {
        cohortId,
        cohortStart: new Date(`${COHORT.startsOn}T00:00:00Z`),
        now: NOW,
        pairs: PAIRS,
        sessions: SESSIONS,
        seed: 20270520,
        log: (line) => console.log(line),
      });
      // Triggers were off while seeding: build the dashboard's stored states and monthly counts once,
      // as the migration does for existing data.
      const rollupStarted = performance.now();
      await seeder.query('select corner_rebuild_dashboard_rollups()');
      const rolledUp = seconds(rollupStarted);
      seeder.release(true);
      const seeded = seconds(started);
      // What autovacuum would have done on a live server: statistics and the visibility map.
      const vacuumStarted = performance.now();
      await raw.query('vacuum analyze');
      console.log(
        `Seeded in ${seeded} (of which dashboard rollups ${rolledUp}; + vacuum analyze ${seconds(vacuumStarted)}):`,
      );
      console.log(
        `  ${Object.entries(counts)
          .map(([table, rows]) => `${rows.toLocaleString()} ${table}`)
          .join(', ')}`,
      );
    }

    const path = `/api/v1/cohorts/${cohortId}/dashboard`;
    const first = performance.now();
    const sample = (await call(path)).text;
    console.log(
      `First request (computes and stores every stale pair's state): ${(performance.now() - first).toFixed(0)} ms`,
    );
    for (let i = 1; i < WARM_UP; i += 1) await call(path);
    const dashboard = JSON.parse(sample) as {
      pairs: number;
      states: Record<string, number>;
      sessionsPerPairPerMonth: { actual: number; target: number };
      actions: { done: number; total: number };
      pulse: { average: number | null; answers: number };
      goals: Record<string, number>;
      months: unknown[];
    };
    console.log(
      `Dashboard: ${dashboard.pairs.toLocaleString()} pairs, states ${JSON.stringify(dashboard.states)}, ` +
        `${dashboard.sessionsPerPairPerMonth.actual} sessions/pair/month, actions ${dashboard.actions.done}/${dashboard.actions.total}, ` +
        `pulse ${dashboard.pulse.average} (${dashboard.pulse.answers}), goals ${JSON.stringify(dashboard.goals)}, ` +
        `${dashboard.months.length} months, ${(sample.length / 1024).toFixed(1)} kB of JSON for the first page of the pair list`,
    );
    const csv = (await call(`${path}/export`)).text;
    console.log(`CSV export (every pair): ${(csv.length / 1024 / 1024).toFixed(1)} MB`);

    const series = async (label: string, before: () => Promise<void>) => {
      const timings: number[] = [];
      const started = performance.now();
      for (let i = 0; i < REQUESTS; i += 1) {
        await before();
        const t0 = performance.now();
        await call(path);
        timings.push(performance.now() - t0);
      }
      console.log(
        `${label}: ${REQUESTS} requests in ${seconds(started)}: p50 ${percentile(timings, 50).toFixed(0)} ms, ` +
          `p95 ${percentile(timings, 95).toFixed(0)} ms, max ${Math.max(...timings).toFixed(0)} ms (target p95 <= 200 ms)`,
      );
    };
    await series('Clock standing still', async () => {});
    // The clock moves on before each request, so the states time has changed are recomputed then (on a
    // server the refresh job would have done most of that beforehand).
    let recomputed = 0;
    await series(`Clock moving ${STEP_MS / 60_000} min per request`, async () => {
      clock = new Date(clock.getTime() + STEP_MS);
      const result = await raw.query(
        `select count(*)::int as n from relationship_health
          where computed_generation <> generation or computed_at > $1 or (stable_until <= $1 and computed_at <> $1)`,
        [clock.toISOString()],
      );
      recomputed += Number(result.rows[0]?.n ?? 0);
    });
    console.log(`  (${(recomputed / REQUESTS).toFixed(0)} pairs' states recomputed per request on average)`);

    // The reminder sweep over every active pair, read in sets (one active list, seven queries per batch).
    const sweepStarted = performance.now();
    const swept = await relationshipReminderSource(database.db)(clock);
    const reminders = swept.reduce(
      (n, input) => n + dueReminders(input.facts, clock.toISOString()).length,
      0,
    );
    console.log(
      `Reminder sweep: facts of ${swept.length.toLocaleString()} active pairs, ${reminders.toLocaleString()} reminders due, in ${(performance.now() - sweepStarted).toFixed(0)} ms`,
    );

    const reportsStarted = performance.now();
    const reports = JSON.parse((await call(`/api/v1/cohorts/${cohortId}/problem-reports`)).text) as {
      reports: unknown[];
    };
    console.log(
      `Problem reports: ${reports.reports.length} listed in ${(performance.now() - reportsStarted).toFixed(0)} ms`,
    );

    // What the triggers add to ordinary writes: one pulse answered or one action done at a time, with
    // the triggers on and (session_replication_role = replica) off, each in a transaction rolled back.
    const writeCost = async (triggersOff: boolean) => {
      const client = await raw.connect();
      try {
        await client.query('begin');
        if (triggersOff) await client.query('set local session_replication_role = replica');
        const held = await client.query<{ id: string }>(
          `select s.id from sessions s join relationships r on r.id = s.relationship_id
            where r.cohort_id = $1 and s.status = 'held' order by s.id limit 300`,
          [cohortId],
        );
        const open = await client.query<{ id: string }>(
          `select a.id from actions a join relationships r on r.id = a.relationship_id
            where r.cohort_id = $1 and a.status = 'open' order by a.id limit 300`,
          [cohortId],
        );
        const started = performance.now();
        for (const { id } of held.rows) {
          await client.query(
            `insert into session_pulses (session_id, user_id, score, word, created_at) values ($1, $2, 4, 'fine', $3)`,
            [id, adminId, clock.toISOString()],
          );
        }
        for (const { id } of open.rows) {
          await client.query(`update actions set status = 'done', updated_at = $2 where id = $1`, [
            id,
            clock.toISOString(),
          ]);
        }
        return (performance.now() - started) / (held.rows.length + open.rows.length);
      } finally {
        await client.query('rollback');
        client.release();
      }
    };
    const costs = { on: [] as number[], off: [] as number[] };
    for (let round = 0; round < 3; round += 1) {
      costs.on.push(await writeCost(false));
      costs.off.push(await writeCost(true));
    }
    console.log(
      `One write (pulse or action done): ${Math.min(...costs.on).toFixed(2)} ms with the dashboard triggers, ` +
        `${Math.min(...costs.off).toFixed(2)} ms without (best of 3 rounds of 600)`,
    );
  } finally {
    await raw.end();
    await database.close();
    // Every pool is closed by now, so a plain drop works.
    if (KEEP_DATABASE) console.log(`Kept database ${name}`);
    else
      await admin.query(`drop database if exists ${name}`).catch((error: Error) => {
        console.error(`Could not drop ${name}: ${error.message}`);
      });
    await admin.end();
  }
}

await main();
