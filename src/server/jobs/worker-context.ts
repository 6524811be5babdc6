import type { CalendarProviders } from '../calendar-sync/oauth-providers';
import type { Db } from '../db/client';
import type { Mailer } from '../mail/mailer';
import type { ReminderFactsSource } from '../notifications/reminder-source';
import type { Jobs } from './job-definition';

// What every job handler can reach. The clock is passed in, as for requests, so tests travel in time.
export type WorkerContext = {
  db: Db;
  mailer: Mailer;
  clock: () => Date;
  jobs: Jobs;
  reminderFacts: ReminderFactsSource;
  /** Where links in mail point, e.g. https://corner.example.com */
  publicUrl: string;
  /** Decrypts calendar credentials for the sync and write-back jobs; absent = those jobs fail. */
  calendarKey?: Buffer;
  /** Google and Microsoft OAuth clients, for syncing those connections; absent = only CalDAV syncs. */
  calendarProviders?: CalendarProviders;
};
