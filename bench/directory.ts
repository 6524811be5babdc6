// Directory benchmark: 50,000 guide profiles in a fresh PostgreSQL database, every search ranked
// exactly over all guides that pass its filters, then 1,000 varied searches (BENCH_SEARCHES) through
// the API (in-process app.request) and the same searches' ranking statement run directly.
// Prints figures; it does not pass or fail. Run: npx tsx bench/directory.ts
import pg from 'pg';
import { weekSlotsUtc } from '../src/domain/fit-score/week-slots';
import { openDatabase } from '../src/server/db/client';
import { guideProfiles, user } from '../src/server/db/schema';
import { directoryRanking } from '../src/server/directory/directory-sql';
import { directoryNeeds } from '../src/server/directory/find-guides';
import { directoryQuery } from '../src/server/directory/schemas';
import { BENCH_BASE_URL, cookieOf, inProcessApp } from './in-process-app';
import { mulberry32 } from './prng';
import { percentile } from './stats';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const GUIDES = 50_000;
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 1_000);
// Keeps the database afterwards, to look at query plans.
const KEEP_DATABASE = process.env.BENCH_KEEP_DATABASE === '1';
const BATCH = 1_000;
const API_P95_TARGET_MS = 50;
const BASE_URL = BENCH_BASE_URL;

// A seeded generator so every run builds the same data and the same searches.
const rand = mulberry32(20261121);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const some = <T>(items: readonly T[], max: number): T[] => {
  const count = 1 + Math.floor(rand() * max);
  return [...new Set(Array.from({ length: count }, () => pick(items)))];
};

const areas = [
  'pricing',
  'growth',
  'leadership',
  'strategy',
  'discovery',
  'analytics',
  'onboarding',
  'b2b',
  'platform',
  'hiring',
  'roadmaps',
  'storytelling',
] as const;
const zones = [
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Australia/Sydney',
  'America/Sao_Paulo',
] as const;
const languages = ['en', 'de', 'fr', 'es', 'pt', 'hi', 'ja'] as const;
const formats = ['video', 'phone', 'in-person'] as const;
const cities = ['Berlin', 'London', 'New York', 'Lisbon', 'Bangalore', 'Sydney'] as const;
const firstNames = [
  'Ada',
  'Ben',
  'Cleo',
  'Dev',
  'Eva',
  'Finn',
  'Gia',
  'Hugo',
  'Ines',
  'Jon',
  'Kai',
  'Lena',
] as const;
const themes = [
  'coaching',
  'mentoring',
  'marketplace',
  'fintech',
  'saas',
  'experiments',
  'activation',
  'retention',
  'teams',
  'managers',
  'founders',
  'transitions',
] as const;

// Profiles are written freely: a few hundred distinct words, so a search word matches a realistic
// share of guides rather than half of them.
const syllables = ['ka', 'lo', 'mi', 'ra', 'ten', 'vo', 'shi', 'dan', 'pel', 'gro', 'zu', 'ne'] as const;
const words = [
  ...themes,
  ...syllables.flatMap((a) => syllables.map((b) => `${a}${b}${a === b ? 'x' : ''}`)),
] as const;

function guideRow(index: number, now: Date) {
  const id = `bench-guide-${index}`;
  const name = `${pick(firstNames)} ${index}`;
  const timeZone = pick(zones);
  const availability = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
    const start = 7 + Math.floor(rand() * 10);
    return {
      weekday: (1 + Math.floor(rand() * 5)) as 1 | 2 | 3 | 4 | 5,
      start: `${String(start).padStart(2, '0')}:00`,
      end: `${String(start + 2).padStart(2, '0')}:00`,
    };
  });
  const expertise = some(areas, 3);
  const offered = some(formats, 2);
  const volunteer = rand() < 0.6;
  const priceMin = volunteer ? null : 50 + Math.floor(rand() * 20) * 10;
  const headline = `${pick(themes)} and ${expertise.join(', ')}`;
  const bio = Array.from({ length: 12 }, () => pick(words)).join(' ');
  return {
    userRow: { id, name, email: `${id}@bench.test`, timeZone, createdAt: now, updatedAt: now },
    profile: {
      userId: id,
      headline,
      bio,
      kind: pick(['mentor', 'coach', 'both'] as const),
      expertise,
      approach: pick(['person', 'craft', 'blend'] as const),
      structure: pick(['structured', 'client-led', 'blend'] as const),
      style: pick(['supportive', 'challenging', 'blend'] as const),
      credentials: rand() < 0.3 ? [pick(['ICF ACC', 'ICF PCC', 'ICF MCC'])] : [],
      formats: offered,
      city: offered.includes('in-person') ? pick(cities) : null,
      languages: some(languages, 2),
      timeZone,
      availability,
      weekSlots: weekSlotsUtc(timeZone, availability, now),
      capacity: Math.floor(rand() * 5),
      seniorityLevels: some(['early', 'mid', 'senior', 'executive'] as const, 2),
      volunteer,
      priceMin,
      priceMax: priceMin === null ? null : priceMin + 100,
      currency: volunteer ? null : 'EUR',
      organization: rand() < 0.05 ? 'Acme' : `Org ${Math.floor(rand() * 2000)}`,
      status: rand() < 0.05 ? ('paused' as const) : ('active' as const),
      lastActiveAt: new Date(now.getTime() - Math.floor(rand() * 60) * 86_400_000),
      searchText: [name, headline, bio, expertise.join(' ')].join('\n'),
    },
  };
}

function searchParams(): Record<string, string> {
  const params: Record<string, string> = { kind: pick(['any', 'mentor', 'coach']) };
  if (rand() < 0.5) params.q = pick([...themes, ...areas]);
  if (rand() < 0.4) params.expertise = some(areas, 2).join(',');
  if (rand() < 0.3) params.language = pick(languages);
  if (rand() < 0.3) params.format = pick(formats);
  if (rand() < 0.3) params.overlapOnly = 'true';
  if (rand() < 0.2) params.priceMax = String(100 + Math.floor(rand() * 10) * 20);
  if (rand() < 0.2) params.style = pick(['supportive', 'challenging', 'blend']);
  if (rand() < 0.2) params.seniority = pick(['early', 'mid', 'senior', 'executive']);
  if (rand() < 0.1) params.volunteerOnly = 'true';
  if (rand() < 0.2) params.page = String(1 + Math.floor(rand() * 3));
  return params;
}

async function main() {
  const name = `corner_bench_directory_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  try {
    await database.migrate();
    const now = new Date();
    let started = performance.now();
    for (let offset = 0; offset < GUIDES; offset += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, GUIDES - offset) }, (_, i) =>
        guideRow(offset + i, now),
      );
      await database.db.insert(user).values(rows.map((row) => row.userRow));
      await database.db.insert(guideProfiles).values(rows.map((row) => row.profile));
    }
    await database.db.execute('analyze');
    console.log(
      `Inserted ${GUIDES.toLocaleString()} guide profiles in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const app = inProcessApp(database.db, url.toString(), () => now);
    const signUp = await app.request('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE_URL },
      body: JSON.stringify({
        name: 'Bench Member',
        email: 'member@bench.test',
        password: 'correct-horse-battery',
        timeZone: 'Europe/Berlin',
      }),
    });
    const member = (await signUp.json()) as { user: { id: string } };
    await database.db.execute(`update "user" set organization = 'Acme' where id = '${member.user.id}'`);
    const cookie = cookieOf(signUp);

    const searches = Array.from({ length: SEARCHES }, searchParams);
    const raw = new pg.Pool({ connectionString: url.toString(), max: 2 });
    const memberSlots = weekSlotsUtc(
      'Europe/Berlin',
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
      now,
    );
    const apiMs: number[] = [];
    const sqlMs: number[] = [];
    let results = 0;
    // Warm up both paths so the first timings do not measure connection set-up.
    for (const params of searches.slice(0, 20))
      await app.request(`/api/v1/directory?${new URLSearchParams(params)}`, { headers: { cookie } });
    started = performance.now();
    for (const params of searches) {
      const t0 = performance.now();
      const response = await app.request(`/api/v1/directory?${new URLSearchParams(params)}`, {
        headers: { cookie },
      });
      const body = (await response.json()) as { results?: unknown[] };
      apiMs.push(performance.now() - t0);
      if (response.status !== 200)
        throw new Error(`search failed: ${response.status} ${JSON.stringify(body)}`);
      results += body.results?.length ?? 0;

      const query = directoryQuery.parse(params);
      const context = { kind: query.kind ?? 'any', memberSlots, excludeOrganization: 'Acme' } as const;
      // The one ranking statement (every matching guide scored, the page's rows joined back).
      const compiled = directoryRanking(
        database.db,
        member.user.id,
        query,
        context,
        directoryNeeds(query, memberSlots),
      ).toSQL();
      const t1 = performance.now();
      await raw.query(compiled.sql, compiled.params);
      sqlMs.push(performance.now() - t1);
    }
    await raw.end();
    const p50Api = percentile(apiMs, 50);
    const p95Api = percentile(apiMs, 95);
    const p50Sql = percentile(sqlMs, 50);
    const p95Sql = percentile(sqlMs, 95);
    const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
    console.log(
      `${SEARCHES} searches in ${((performance.now() - started) / 1000).toFixed(1)} s, ${(results / SEARCHES).toFixed(1)} results per page on average`,
    );
    // One line per figure, so runs can be compared (and grepped) side by side.
    console.log(`API p50        ${ms(p50Api)}   (in-process app.request: auth, SQL, ranking, JSON)`);
    console.log(
      `API p95        ${ms(p95Api)}   (target <= ${API_P95_TARGET_MS} ms: ${p95Api <= API_P95_TARGET_MS ? 'met' : 'missed'})`,
    );
    console.log(
      `SQL p50        ${ms(p50Sql)}   (the same searches' pool and count statements, run directly)`,
    );
    console.log(`SQL p95        ${ms(p95Sql)}`);
    console.log(`API/SQL p50    ${(p50Api / p50Sql).toFixed(2).padStart(6)} x`);
    console.log(`API/SQL p95    ${(p95Api / p95Sql).toFixed(2).padStart(6)} x`);
    const memory = process.memoryUsage();
    const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0).padStart(6)} MB`;
    console.log(`Node RSS       ${mb(memory.rss)}   (heap used ${mb(memory.heapUsed).trim()})`);
  } finally {
    await database.close();
    // Every pool is closed by now, so a plain drop works; forcing it would kill connections that are
    // still shutting down and crash the process after the figures are printed.
    if (KEEP_DATABASE) console.log(`Kept database ${name}`);
    else
      await admin.query(`drop database if exists ${name}`).catch((error: Error) => {
        console.error(`Could not drop ${name}: ${error.message}`);
      });
    await admin.end();
  }
}

await main();
