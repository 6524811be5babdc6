// npm run bench:identity — SCIM provisioning as an identity provider does it, then the backup figures.
// A throwaway PostgreSQL database, the app in process (bench/in-process-app.ts) so the figures are
// Corner's and not the network's; 10 clients at once, each sending Okta's POST /Users, then 1,000
// deactivations (PATCH replace active=false). Then bench/backup.ts's 20,000 pairs / 500,000 sessions.
// BENCH_SCIM_USERS / BENCH_SCIM_DEACTIVATE / BENCH_SCIM_CLIENTS shrink it; BENCH_SKIP_BACKUP=1 skips
// the backup part. It prints figures and never passes or fails.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client';
import { operatorCreateOrg } from '../src/server/orgs/operator-orgs';
import { issueScimToken } from '../src/server/scim/scim-tokens';
import { benchBackup } from './backup';
import { inProcessApp } from './in-process-app';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const USERS = Number(process.env.BENCH_SCIM_USERS ?? 10_000);
const DEACTIVATE = Number(process.env.BENCH_SCIM_DEACTIVATE ?? 1_000);
const CLIENTS = Number(process.env.BENCH_SCIM_CLIENTS ?? 10);
const seconds = (since: number) => (performance.now() - since) / 1000;

/** Runs `work` for indexes 0..count-1 with `clients` requests in flight; returns per-request ms. */
async function concurrently(count: number, clients: number, work: (index: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const index = next++;
        const started = performance.now();
        await work(index);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function benchScim() {
  const name = `corner_bench_identity_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  try {
    await database.migrate();
    const org = await operatorCreateOrg(database.db, { name: 'Bench Org', slug: 'bench-org' });
    const { token } = await issueScimToken(database.db, {
      organizationId: org.id,
      label: 'bench',
      createdBy: null,
    });
    const app = inProcessApp(database.db, url.toString(), () => new Date());
    const scim = async (method: string, path: string, body: unknown, expected: number) => {
      const response = await app.request(`/api/auth/scim/v2${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify(body),
      });
      if (response.status !== expected)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string };
    };
    const ids: string[] = new Array(USERS);
    const provisionStarted = performance.now();
    const created = await concurrently(USERS, CLIENTS, async (i) => {
      const address = `person-${i}@bench.example`;
      const user = await scim(
        'POST',
        '/Users',
        {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName: address,
          name: { givenName: 'Person', familyName: String(i) },
          emails: [{ primary: true, value: address, type: 'work' }],
          displayName: `Person ${i}`,
          externalId: `00u${i}`,
          active: true,
        },
        201,
      );
      ids[i] = user.id;
    });
    const provisionSeconds = seconds(provisionStarted);
    console.log(
      `SCIM provision: ${USERS.toLocaleString()} users, ${CLIENTS} clients: ${provisionSeconds.toFixed(1)} s (target ≤ 60 s), ${Math.round(USERS / provisionSeconds)} users/s, p50 ${percentile(created, 0.5).toFixed(0)} ms, p95 ${percentile(created, 0.95).toFixed(0)} ms`,
    );
    const deactivateStarted = performance.now();
    const patched = await concurrently(Math.min(DEACTIVATE, USERS), CLIENTS, async (i) => {
      await scim(
        'PATCH',
        `/Users/${ids[i]}`,
        {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'replace', value: { active: false } }],
        },
        200,
      );
    });
    const deactivateSeconds = seconds(deactivateStarted);
    console.log(
      `SCIM deactivate: ${Math.min(DEACTIVATE, USERS).toLocaleString()} users: ${deactivateSeconds.toFixed(1)} s (target ≤ 10 s), p50 ${percentile(patched, 0.5).toFixed(0)} ms, p95 ${percentile(patched, 0.95).toFixed(0)} ms`,
    );
    const [counts] = await database.db
      .select({
        members: sql<number>`(select count(*)::int from organization_member where organization_id = ${org.id})`,
        deactivated: sql<number>`(select count(*)::int from "user" where deactivated_at is not null)`,
      })
      .from(sql`(select 1) as one`);
    console.log(`Check: ${counts?.members} organization members, ${counts?.deactivated} deactivated`);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await benchScim();
if (process.env.BENCH_SKIP_BACKUP !== '1') await benchBackup();
