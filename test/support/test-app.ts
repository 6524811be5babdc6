import fs from 'node:fs';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app';
import { createAuth } from '../../src/server/auth/auth';
import type { SessionCacheOptions } from '../../src/server/auth/session-cache';
import { noSessions, type SessionSource } from '../../src/server/calendar/session-source';
import { calendarKeyFrom } from '../../src/server/calendar-sync/credentials';
import type { CalendarProviders } from '../../src/server/calendar-sync/oauth-providers';
import { type Database, openDatabase } from '../../src/server/db/client';
import type { JobQueue, QueueConnection } from '../../src/server/jobs/job-queue';
import { createCornerJobQueue } from '../../src/server/jobs/registry';
import type { WorkerContext } from '../../src/server/jobs/worker-context';
import { createOutboxMailer, type Mailer } from '../../src/server/mail/mailer';
import type { ProgramCreators } from '../../src/server/programs/programs';
import type { BusyReader } from '../../src/server/scheduling/busy-reader';

export type TestApp = {
  app: ReturnType<typeof buildApp>;
  /** better-auth itself: its handler answers a request without Corner's routes in front. */
  auth: ReturnType<typeof createAuth>;
  database: Database;
  clock: { now: Date; advanceDays: (days: number) => void };
  /** Corner's job queue on the test database; pg-boss starts on the first enqueue or startWorker. */
  jobs: JobQueue<WorkerContext>;
  close: () => Promise<void>;
};

export const BASE_URL = 'http://localhost:3000';
export const TEST_CALENDAR_KEY = calendarKeyFrom('test-calendar-key-that-is-long-enough');

// The in-process app on the run's test database (see db-global-setup.ts), with a clock tests can move.
export async function createTestApp(
  startAt = new Date('2026-11-21T09:00:00Z'),
  options: {
    sessionSource?: SessionSource;
    mailer?: Mailer;
    programCreators?: ProgramCreators;
    sessionCache?: SessionCacheOptions;
    /** Addresses whose X-Forwarded-For is believed (the TRUSTED_PROXIES setting). */
    trustedProxies?: string[];
    /** Be a second instance on the same database as this one (on PGlite the one in-memory database
     * object, which closing this app leaves open for its owner). */
    sharing?: TestApp;
    /** People's external busy time for open slots, instead of the calendar cache. */
    busyReader?: BusyReader;
    /** Google / Microsoft OAuth clients pointed at a local server replaying their recorded API responses. */
    calendarProviders?: CalendarProviders;
    /** Test identity providers on loopback that Corner may fetch from (SSO tests). */
    identityProviderOrigins?: string[];
  } = {},
): Promise<TestApp> {
  const target = inject('testDatabase');
  // On PostgreSQL a second instance gets its own pool, as a second process would.
  const shared = options.sharing && target.kind === 'pglite' ? options.sharing.database : null;
  const database = shared
    ? shared
    : target.kind === 'postgres'
      ? await openDatabase({ kind: 'postgres', url: target.url })
      : await openDatabase({
          kind: 'pglite',
          dataDir: null,
          loadDump: new Blob([fs.readFileSync(target.dumpPath)]),
        });
  const clock = {
    now: startAt,
    advanceDays(days: number) {
      clock.now = new Date(clock.now.getTime() + days * 86_400_000);
    },
  };
  const auth = createAuth({
    db: database.db,
    secret: 'test-secret-that-is-long-enough-for-better-auth',
    baseUrl: BASE_URL,
    trustedOrigins: [BASE_URL],
    identityProviderOrigins: options.identityProviderOrigins ?? [],
    sessionCache: options.sessionCache,
  });
  // Test files share one PostgreSQL database: each gets its own queue tables, so one file's worker
  // never picks up another's jobs, and no cron sweep fires in the middle of a test.
  const jobs = createCornerJobQueue(connectionTo(database), {
    pollingIntervalSeconds: 0.5,
    schema: `pgboss_test_${process.pid}_${++queueCounter}`,
    withSchedules: false,
  });
  const app = buildApp(
    {
      db: database.db,
      auth,
      clock: () => clock.now,
      mailer: options.mailer ?? createOutboxMailer(database.db),
      jobs,
      sessionSource: options.sessionSource ?? noSessions,
      calendarKey: TEST_CALENDAR_KEY,
      ...(options.programCreators ? { programCreators: options.programCreators } : {}),
      ...(options.busyReader ? { busyReader: options.busyReader } : {}),
      ...(options.calendarProviders ? { calendarProviders: options.calendarProviders } : {}),
      databaseKind: database.kind,
    },
    { trustedProxies: options.trustedProxies ?? [] },
  );
  return {
    app,
    auth,
    database,
    clock,
    jobs,
    close: async () => {
      await jobs.stop();
      if (!shared) await database.close();
    },
  };
}

// Where a test's job queue lives: the same database the test app uses, on either engine.
export function queueConnection(testApp: TestApp): QueueConnection {
  return connectionTo(testApp.database);
}

function connectionTo(database: Database): QueueConnection {
  const target = inject('testDatabase');
  if (target.kind === 'postgres') return { kind: 'postgres', url: target.url };
  if (!database.pglite) throw new Error('expected a PGlite database');
  return { kind: 'pglite', pglite: database.pglite };
}

let counter = 0;
let queueCounter = 0;

/**
 * What @hono/node-server passes a handler: the socket a request arrived on. In-process requests have
 * none, so tests give each signed-up person their own address (unique across the run's processes,
 * which share one database and so one set of rate-limit counters).
 */
export function fromAddress(remoteAddress: string) {
  return { incoming: { socket: { remoteAddress } } };
}

let addressCounter = 0;
/** An address no other request of this run uses. */
export function uniqueAddress(): string {
  addressCounter += 1;
  const hex = (value: number) => (value & 0xffff).toString(16);
  return `fd00::${hex(process.pid >>> 16)}:${hex(process.pid)}:${hex(addressCounter >>> 16)}:${hex(addressCounter)}`;
}

// A signed-up person and a request function that carries their session cookie.
export async function signUp(
  testApp: TestApp,
  name = 'Test Member',
  timeZone = 'Europe/Berlin',
  // A chosen address, for people invited (by link or import) before they had an account.
  chosenEmail?: string,
) {
  counter += 1;
  const email = chosenEmail ?? `member-${Date.now()}-${process.pid}-${counter}@example.test`;
  const address = fromAddress(uniqueAddress());
  const response = await testApp.app.request(
    '/api/auth/sign-up/email',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE_URL },
      body: JSON.stringify({ name, email, password: 'correct-horse-battery', timeZone }),
    },
    address,
  );
  if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.getSetCookie?.() ?? [])
    .map((header) => header.split(';')[0])
    .filter(Boolean)
    .join('; ');
  const body = (await response.json()) as { user: { id: string } };
  const request = (
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    testApp.app.request(
      path,
      {
        method: init.method ?? 'GET',
        headers: {
          cookie,
          origin: BASE_URL,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        body:
          init.body === undefined
            ? undefined
            : typeof init.body === 'string'
              ? init.body
              : JSON.stringify(init.body),
      },
      address,
    );
  return { userId: body.user.id, email, name, cookie, request };
}

export type Member = Awaited<ReturnType<typeof signUp>>;
