import { buildApp } from '../src/server/app';
import { createAuth } from '../src/server/auth/auth';
import { noSessions } from '../src/server/calendar/session-source';
import { calendarKeyFrom } from '../src/server/calendar-sync/credentials';
import type { Db } from '../src/server/db/client';
import { createCornerJobQueue } from '../src/server/jobs/registry';
import { createOutboxMailer } from '../src/server/mail/mailer';

export const BENCH_BASE_URL = 'http://localhost:3000';

// The app as the server builds it, called in process (app.request) so a benchmark times Corner and not
// the network. Benchmarks read only, so the job queue is never started.
export function inProcessApp(db: Db, databaseUrl: string, clock: () => Date) {
  const auth = createAuth({
    db,
    secret: 'bench-secret-that-is-long-enough-for-better-auth',
    baseUrl: BENCH_BASE_URL,
    trustedOrigins: [BENCH_BASE_URL],
  });
  return buildApp({
    db,
    auth,
    clock,
    mailer: createOutboxMailer(db),
    jobs: createCornerJobQueue({ kind: 'postgres', url: databaseUrl }, { withSchedules: false }),
    sessionSource: noSessions,
    calendarKey: calendarKeyFrom('bench-calendar-key-that-is-long-enough'),
    databaseKind: 'postgres',
  });
}

/** The session cookie a sign-up or sign-in response set, ready for the next request's header. */
export const cookieOf = (response: Response) =>
  (response.headers.getSetCookie?.() ?? []).map((header) => header.split(';')[0]).join('; ');
