import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { sessions } from './sessions';

// A person's connection to an external calendar (CalDAV today; Google and Microsoft behind the same
// connector interface later). The credentials are AES-256-GCM ciphertext (calendar-sync/credentials.ts)
// and never leave the server.
export type ConnectedCalendar = {
  url: string;
  displayName: string;
  /** The server's change markers: an unchanged ctag / sync token means the cache is still right. */
  ctag: string | null;
  syncToken: string | null;
  /** Counts as busy time when offering slots. */
  busy: boolean;
  /**
   * Google / Microsoft incremental sync: the service's token (Google nextSyncToken, Graph deltaLink) and
   * the window it was taken for; changes since then are applied to the cache. Absent = read it all.
   */
  delta?: CalendarDelta | null;
};

export type CalendarDelta = { token: string; from: string; to: string };

export const calendarConnections = pgTable(
  'calendar_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    provider: text('provider', { enum: ['caldav', 'google', 'microsoft'] }).notNull(),
    displayName: text('display_name').notNull(),
    serverUrl: text('server_url').notNull(),
    username: text('username').notNull(),
    credentials: text('credentials').notNull(),
    status: text('status', { enum: ['ok', 'error'] })
      .notNull()
      .default('ok'),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** When the connection went into error (the fail-closed "since when"). */
    errorSince: timestamp('error_since', { withTimezone: true }),
    /** Events skipped at the last sync, each a sentence. */
    warnings: jsonb('warnings').$type<string[]>().notNull().default([]),
    calendars: jsonb('calendars').$type<ConnectedCalendar[]>().notNull().default([]),
    /** The calendar that receives Corner's sessions; null = none. */
    writeCalendarUrl: text('write_calendar_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('calendar_connections_user_idx').on(t.userId)],
);

// The busy intervals read at the last sync, per connection and calendar. Slots read only this.
export const calendarBusyIntervals = pgTable(
  'calendar_busy_intervals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => calendarConnections.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    calendarUrl: text('calendar_url').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    eventUid: text('event_uid').notNull(),
    /** The occurrence's RECURRENCE-ID (its original start) for a recurring series; null for a single event. */
    recurrenceId: text('recurrence_id'),
    /**
     * The service's id of the event (instance) this came from, so an incremental sync can replace or
     * remove it: a deleted event arrives as its id only. Null for CalDAV, which re-reads a changed calendar.
     */
    objectId: text('object_id'),
  },
  (t) => [
    index('calendar_busy_user_time_idx').on(t.userId, t.startsAt, t.endsAt),
    index('calendar_busy_connection_idx').on(t.connectionId, t.calendarUrl),
  ],
);

// The session events Corner has written into a connection's receiving calendar, with the times it wrote.
// Only these are checked at each sync, so a session whose write job has not run yet (or a calendar
// connected after the booking) is never taken for "deleted". `writtenAt` null means a rewrite is on its
// way (the session was moved in Corner, or someone chose to keep the Corner time): not checked until then.
// `change` is what the sync last found in the external calendar; the session "needs rescheduling" while a
// row of it has one.
export const calendarSessionEvents = pgTable(
  'calendar_session_events',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => calendarConnections.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    calendarUrl: text('calendar_url').notNull(),
    writtenStartsAt: timestamp('written_starts_at', { withTimezone: true }).notNull(),
    writtenEndsAt: timestamp('written_ends_at', { withTimezone: true }).notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true }),
    change: text('change', { enum: ['deleted', 'moved'] }),
    /** Where the event was found when it had moved. */
    changedStartsAt: timestamp('changed_starts_at', { withTimezone: true }),
    changedEndsAt: timestamp('changed_ends_at', { withTimezone: true }),
    changeSeenAt: timestamp('change_seen_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.connectionId, t.sessionId] }),
    index('calendar_session_events_session_idx').on(t.sessionId),
  ],
);
