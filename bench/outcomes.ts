// Outcomes benchmark: a cohort of 20,000 pairs, 500,000 sessions (the dashboard's generator) plus
// 25,000 applications (5,000 waiting), 60,000 pulse check-ins and an imported outcome column, in a
// fresh PostgreSQL database; then the outcomes page's two reads (outcomes, at-risk list) through the API
// in process, and the effect's 2,000 bootstrap resamples in the worker thread while the main thread's
// event loop is watched. Prints figures; it does not pass or fail.
// Run: npm run bench:outcomes   (BENCH_DATABASE_URL, BENCH_REQUESTS as for bench:dashboard)
import pg from 'pg';
import { openDatabase } from '../src/server/db/client';
import { estimateInWorker } from '../src/server/outcomes/estimate-in-worker';
import { seedCohort } from './dashboard-seed';
import { BENCH_BASE_URL, cookieOf, inProcessApp } from './in-process-app';
import { percentile } from './stats';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
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

async function main() {
  const name = `corner_bench_outcomes_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  const raw = new pg.Pool({ connectionString: url.toString(), max: 2 });
  try {
    await database.migrate();
    const app = inProcessApp(database.db, url.toString(), () => NOW);
    const signUp = await app.request('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE_URL },
      body: JSON.stringify({ ...ADMIN, timeZone: 'Europe/Berlin' }),
    });
    const cookie = cookieOf(signUp);
    const call = async (path: string, body?: unknown) => {
      const response = await app.request(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { cookie, origin: BASE_URL, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
      return text;
    };
    const program = JSON.parse(await call('/api/v1/programs', { name: 'Bench program' })) as { id: string };
    const cohortId = (
      JSON.parse(await call(`/api/v1/programs/${program.id}/cohorts`, COHORT)) as { id: string }
    ).id;
    const started = performance.now();
    const seeder = await raw.connect();
    await seeder.query('set session_replication_role = replica').catch(() => undefined);
    await seedCohort(seeder, {
      cohortId,
      cohortStart: new Date(`${COHORT.startsOn}T00:00:00Z`),
      now: NOW,
      pairs: 20_000,
      sessions: 500_000,
      seed: 20270520,
      log: () => undefined,
    });
    await seeder.query(
      `insert into applications (cohort_id, role, email, name, profile, status, confirmed_by, created_at)
       select r.cohort_id, 'member', 'm-' || r.id || '@bench.test', 'Member', '{}'::jsonb, 'confirmed', r.member_id,
              r.created_at - interval '5 days'
       from relationships r where r.cohort_id = $1 and r.member_id is not null`,
      [cohortId],
    );
    await seeder.query(
      `insert into applications (cohort_id, role, email, name, profile, status, created_at)
       select $1, 'member', 'w-' || g || '@bench.test', 'Waiting', '{}'::jsonb, 'pending', $2::timestamptz
       from generate_series(1, 5000) g`,
      [cohortId, COHORT.applicationsClose],
    );
    await seeder.query(
      `insert into pulse_check_ins (relationship_id, user_id, round, relationship_score, progress_score, would_recommend, answered_at)
       select r.id, p.user_id, k.round, 1 + (abs(hashtext(r.id::text || k.round)) % 5), 1 + (abs(hashtext(r.id::text)) % 5),
              (abs(hashtext(r.id::text || p.user_id)) % 4) > 0, r.accepted_at + (30 + 60 * k.round) * interval '1 day'
       from relationships r
       cross join lateral (values (r.member_id), (r.guide_id)) p(user_id)
       cross join generate_series(0, 1) k(round)
       where r.cohort_id = $1 and r.accepted_at is not null and p.user_id is not null
       limit 60000`,
      [cohortId],
    );
    await seeder.query(
      `insert into outcome_values (cohort_id, application_id, measure, scale, value, imported_at)
       select cohort_id, id, 'promoted at 12 months', 'binary',
              case when confirmed_by is not null then (abs(hashtext(id::text)) % 100 < 42)::int
                   else (abs(hashtext(id::text)) % 100 < 29)::int end, now()
       from applications where cohort_id = $1`,
      [cohortId],
    );
    await seeder.query('select corner_rebuild_dashboard_rollups()');
    await seeder.query('select corner_rebuild_pulse_months()');
    seeder.release(true);
    await raw.query('vacuum analyze');
    console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    for (const path of [`/api/v1/cohorts/${cohortId}/outcomes`, `/api/v1/cohorts/${cohortId}/at-risk`]) {
      for (let i = 0; i < 2; i += 1) await call(path);
      const times: number[] = [];
      let sample = '';
      for (let i = 0; i < REQUESTS; i += 1) {
        const t0 = performance.now();
        sample = await call(path);
        times.push(performance.now() - t0);
      }
      console.log(
        `${path.replace(cohortId, ':id')}: ${REQUESTS} requests, p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms (${(sample.length / 1024).toFixed(0)} KiB)`,
      );
    }

    // The bootstrap alone: 20,000 matched vs 5,000 waiting, 2,000 resamples, while the event loop is timed.
    const matched = Array.from({ length: 20_000 }, (_, i) => (i % 100 < 42 ? 1 : 0));
    const waiting = Array.from({ length: 5_000 }, (_, i) => (i % 100 < 29 ? 1 : 0));
    // Twice, with different seeds so the memo of pure estimates never answers: the first read also
    // starts the kept worker; the second is what every later read that needs a fresh estimate pays.
    for (const [label, seed] of [
      ['first (starts the worker)', 'bench'],
      ['next (worker running)', 'bench-2'],
    ] as const) {
      let maxLag = 0;
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        maxLag = Math.max(maxLag, now - last - 5);
        last = now;
      }, 5);
      const t0 = performance.now();
      const [result] = await estimateInWorker([
        { measure: 'bench', matched, waiting, scale: 'binary', randomised: true, seed },
      ]);
      clearInterval(ticker);
      console.log(
        `Effect, 2,000 resamples of 25,000 people in the worker, ${label}: ${(performance.now() - t0).toFixed(0)} ms; ` +
          `longest main-thread stall ${maxLag.toFixed(0)} ms; ${result?.effect?.sentence}`,
      );
    }
  } finally {
    await raw.end();
    await database.close();
    // BENCH_KEEP=1 leaves the seeded database for profiling (its name is printed).
    if (process.env.BENCH_KEEP) console.log(`Kept database ${name}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const BASE_URL = BENCH_BASE_URL;
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
