import type { Actor } from '../auth/actor';
import type { Auth } from '../auth/auth';
import type { SessionSource } from '../calendar/session-source';
import type { CalendarProviders } from '../calendar-sync/oauth-providers';
import type { Db } from '../db/client';
import type { Jobs } from '../jobs/job-definition';
import type { Mailer } from '../mail/mailer';
import type { ProgramCreators } from '../programs/programs';
import type { BusyReader } from '../scheduling/busy-reader';

// What every request handler can reach. The clock is a dependency so tests can travel in time.
export type Deps = {
  db: Db;
  auth: Auth;
  clock: () => Date;
  mailer: Mailer;
  /** Enqueue background work; operations call it only after their transaction commits. */
  jobs: Jobs;
  /** The sessions each person's calendar feed shows. */
  sessionSource: SessionSource;
  /** Encrypts calendar credentials at rest (calendar-sync/credentials.ts). */
  calendarKey: Buffer;
  /** The OAuth clients of Google Calendar and Microsoft 365 that are configured; absent = none. */
  calendarProviders?: CalendarProviders;
  /** PROGRAM_CREATORS; absent = anyone signed in. */
  programCreators?: ProgramCreators;
  /** Where open slots read people's external busy time; absent = the calendar cache (readBusy). */
  busyReader?: BusyReader;
};

export type AppEnv = {
  /** clientAddress: who the request comes from, as our trusted proxies report it (security/trusted-proxies). */
  Variables: { deps: Deps; actor: Actor | null; clientAddress: string };
};
