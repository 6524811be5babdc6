import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowaway, type ThrowawayCluster } from '../../scripts/ensure-postgres.mjs';
import {
  type CornerProcess,
  call,
  delay,
  isReady,
  signUp,
  startCorner,
  steadyLoad,
  unacceptable,
  waitFor,
} from './corner-process';

// ISSUE-11 acceptance: Corner instances on a PostgreSQL cluster this test starts itself (never the
// machine's own server), faults made for real: connections terminated, the cluster restarted, SIGTERM.
const RECOVERY_MS = 5_000;
const SHUTDOWN_SECONDS = 10;

let cluster: ThrowawayCluster;
let instances: CornerProcess[] = [];
let cookie = '';

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.url });
  client.on('error', () => {});
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** What each process printed, for a failure message that says why. */
const outputs = () =>
  instances.map((instance, index) => `--- instance ${index}\n${instance.output()}`).join('\n');

async function everyInstanceServes(): Promise<boolean> {
  const results = await Promise.all(
    instances.map(async (instance) => {
      const outcome = await call(instance, cookie, 'GET', '/api/v1/goals');
      return 'status' in outcome && outcome.status === 200;
    }),
  );
  return results.every(Boolean);
}

beforeAll(async () => {
  cluster = await startThrowaway();
});

afterAll(async () => {
  for (const instance of instances) instance.kill();
  await Promise.all(instances.map((instance) => instance.exited));
  await cluster?.stop();
});

describe('Corner on a faltering PostgreSQL', () => {
  it('starts three instances at once on an empty database, and all become ready', async () => {
    expect(await sql("select count(*)::int as n from pg_tables where schemaname = 'public'")).toEqual([
      { n: 0 },
    ]);
    instances = await Promise.all([0, 1, 2].map(() => startCorner(cluster.url)));
    const waits = await Promise.all(
      instances.map((instance) => waitFor(() => isReady(instance), 90_000, 250)),
    );
    expect(
      waits.every((wait) => wait !== null),
      outputs(),
    ).toBe(true);
    expect(instances.map((instance) => instance.alive())).toEqual([true, true, true]);
    const document = (await (
      await fetch(`${(instances[0] as CornerProcess).url}/api/openapi.json`)
    ).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/health', '/ready']));
    cookie = await signUp(instances[0] as CornerProcess, 'faults@example.com');
    expect(await waitFor(everyInstanceServes, RECOVERY_MS)).not.toBeNull();
  });

  it('survives its connections being terminated: 503 with Retry-After meanwhile, requests resume', async () => {
    const load = steadyLoad(instances, cookie);
    await delay(500);
    let terminated = 0;
    for (let round = 0; round < 4; round++) {
      const rows = await sql<{ ok: boolean }>(
        'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      terminated += rows.length;
      await delay(300);
    }
    const faultEnded = Date.now();
    const recovered = await waitFor(everyInstanceServes, RECOVERY_MS);
    await delay(300);
    const outcomes = await load.stop();

    expect(terminated).toBeGreaterThan(0);
    expect(
      instances.map((instance) => instance.alive()),
      outputs(),
    ).toEqual([true, true, true]);
    expect(recovered, `not serving ${Date.now() - faultEnded} ms after the fault`).not.toBeNull();
    expect(unacceptable(outcomes), outputs()).toEqual([]);
    expect(outcomes.filter((outcome) => 'status' in outcome && outcome.status < 300).length).toBeGreaterThan(
      0,
    );
  });

  it('survives a restart of PostgreSQL: not ready while it is down, serving again within 5 s after', async () => {
    const load = steadyLoad(instances, cookie);
    await delay(500);
    cluster.stopServer();
    await delay(500);
    const whileDown = await Promise.all(
      instances.map(async (instance) => {
        const response = await fetch(`${instance.url}/api/ready`);
        return {
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          type: response.headers.get('content-type'),
          code: ((await response.json()) as { code?: string }).code,
        };
      }),
    );
    const health = await fetch(`${(instances[0] as CornerProcess).url}/api/health`);
    await delay(1_000);
    cluster.startServer();
    const backAt = Date.now();
    const recovered = await waitFor(
      async () => (await Promise.all(instances.map(isReady))).every(Boolean) && (await everyInstanceServes()),
      RECOVERY_MS,
    );
    const recoveredAfter = Date.now() - backAt;
    await delay(300);
    const outcomes = await load.stop();

    expect(whileDown).toEqual(
      instances.map(() => ({
        status: 503,
        retryAfter: '5',
        type: 'application/problem+json',
        code: 'database-unavailable',
      })),
    );
    expect(health.status).toBe(200);
    expect(
      instances.map((instance) => instance.alive()),
      outputs(),
    ).toEqual([true, true, true]);
    expect(
      recovered,
      `not serving ${recoveredAfter} ms after PostgreSQL was back\n${outputs()}`,
    ).not.toBeNull();
    expect(unacceptable(outcomes), outputs()).toEqual([]);
    expect(
      outcomes.filter((outcome) => 'status' in outcome && outcome.status === 503).length,
    ).toBeGreaterThan(0);
  });

  it('stops on SIGTERM under a stream of writes, losing none it acknowledged, and exits 0 in time', async () => {
    const target = instances[2] as CornerProcess;
    const acknowledged: string[] = [];
    let signalledAt = 0;
    let ackedAfterSignal = 0;
    let counter = 0;
    const writers = Array.from({ length: 4 }, async () => {
      while (target.alive()) {
        const title = `sigterm write ${counter++}`;
        const outcome = await call(target, cookie, 'POST', '/api/v1/goals', { title, category: 'eq' });
        if ('status' in outcome && outcome.status >= 200 && outcome.status < 300) {
          acknowledged.push(title);
          if (signalledAt) ackedAfterSignal++;
        } else if ('error' in outcome) {
          await delay(20);
        }
      }
    });
    await waitFor(async () => acknowledged.length >= 20, 20_000, 20);
    signalledAt = Date.now();
    target.child.kill('SIGTERM');
    const code = await target.exited;
    const tookMs = Date.now() - signalledAt;
    await Promise.all(writers);

    const stored = new Set(
      (await sql<{ title: string }>("select title from goals where title like 'sigterm write %'")).map(
        (row) => row.title,
      ),
    );
    expect(code, target.output()).toBe(0);
    expect(tookMs).toBeLessThan(SHUTDOWN_SECONDS * 1000);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    // The requests in flight when the signal came were finished and answered, not cut off.
    expect(ackedAfterSignal).toBeGreaterThan(0);
    expect(acknowledged.filter((title) => !stored.has(title))).toEqual([]);
    expect(instances.slice(0, 2).map((instance) => instance.alive())).toEqual([true, true]);
  });

  it('starts while PostgreSQL is down, waits for it, and serves once it is back', async () => {
    cluster.stopServer();
    const late = await startCorner(cluster.url);
    instances.push(late);
    // Under CI load the process can take seconds just to load, so a fixed pause could end before it
    // ever tried the database; wait for it to say it is waiting, then a little longer.
    const saidWaiting = await waitFor(
      async () => /waiting for the database/i.test(late.output()) || !late.alive(),
      30_000,
      100,
    );
    await delay(1_000);
    const aliveWhileDown = late.alive();
    cluster.startServer();
    const ready = await waitFor(() => isReady(late), 30_000, 250);
    expect(saidWaiting, late.output()).not.toBeNull();
    expect(late.output()).toMatch(/waiting for the database/i);
    expect(aliveWhileDown, late.output()).toBe(true);
    expect(ready, late.output()).not.toBeNull();
  });
});
