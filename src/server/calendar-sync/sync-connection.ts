import { and, eq, inArray, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import {
  CALENDAR_MAX_WARNINGS,
  CALENDAR_SYNC_DAYS_AHEAD,
  CALENDAR_SYNC_DAYS_BACK,
} from '../../domain/settings/calendar-sync';
import type { Db } from '../db/client';
import { type ConnectedCalendar, calendarBusyIntervals, calendarConnections, user } from '../db/schema';
import {
  type CalendarConnector,
  ConnectorInputError,
  ConnectorUnavailableError,
  connectCaldav,
} from './caldav-connector';
import { checkSessionEvents } from './check-session-events';
import type { ConnectorFactory } from './connectors';
import { CredentialsUnreadable, decryptCredentials, encryptCredentials } from './credentials';
import { type ExpandedInterval, expandEvents } from './expand-events';
import { AuthorizationRevokedError } from './oauth-providers';
import { syncCalendarChanges } from './sync-changes';

export type SyncSummary = {
  status: 'ok' | 'error';
  calendarsRead: number;
  /** Calendars whose ctag / sync token had not changed: their cache was kept as it was. */
  calendarsUnchanged: number;
  intervals: number;
  warnings: string[];
  error?: string;
};

export type { ConnectorFactory } from './connectors';

const DAY_MS = 86_400_000;
const INSERT_BATCH = 1_000;

/**
 * Reads a connection's busy calendars into the cache. Calendars whose change marker is unchanged are
 * skipped; a changed one has its cached intervals replaced in one transaction, so a reader never sees
 * half a calendar. A malformed event is skipped with a warning. A server that cannot be read puts the
 * connection in error (and so its person's times stop being offered), it never throws.
 */
export async function syncConnection(
  db: Db,
  key: Buffer,
  connectionId: string,
  now: Date,
  connect: ConnectorFactory = connectCaldav,
): Promise<SyncSummary | null> {
  const [row] = await db
    .select({ connection: calendarConnections, timeZone: user.timeZone })
    .from(calendarConnections)
    .innerJoin(user, eq(user.id, calendarConnections.userId))
    .where(eq(calendarConnections.id, connectionId));
  if (!row) return null;
  const { connection, timeZone } = row;

  const fail = async (message: string): Promise<SyncSummary> => {
    await db
      .update(calendarConnections)
      .set({ status: 'error', lastError: message, errorSince: connection.errorSince ?? now })
      .where(eq(calendarConnections.id, connection.id));
    return {
      status: 'error',
      calendarsRead: 0,
      calendarsUnchanged: 0,
      intervals: 0,
      warnings: [],
      error: message,
    };
  };

  let connector: CalendarConnector;
  let remote: Awaited<ReturnType<CalendarConnector['listCalendars']>>;
  try {
    const password = decryptCredentials(key, connection.credentials);
    connector = await connect({
      provider: connection.provider,
      url: connection.serverUrl,
      username: connection.username,
      password,
      saveSecret: async (secret) => {
        await db
          .update(calendarConnections)
          .set({ credentials: encryptCredentials(key, secret) })
          .where(eq(calendarConnections.id, connection.id));
      },
    });
    remote = await connector.listCalendars();
  } catch (error) {
    return fail(failureSentence(error));
  }

  const window = {
    from: new Date(now.getTime() - CALENDAR_SYNC_DAYS_BACK * DAY_MS),
    to: new Date(now.getTime() + CALENDAR_SYNC_DAYS_AHEAD * DAY_MS),
  };
  const known = new Map(connection.calendars.map((calendar) => [calendar.url, calendar]));
  const calendars: ConnectedCalendar[] = remote.map((calendar) => ({
    url: calendar.url,
    displayName: calendar.displayName,
    // Markers are saved only once the calendar's intervals are, below.
    ctag: known.get(calendar.url)?.ctag ?? null,
    syncToken: known.get(calendar.url)?.syncToken ?? null,
    delta: known.get(calendar.url)?.delta ?? null,
    // A calendar seen for the first time counts as busy: offering a time over it would be the worse mistake.
    busy: known.get(calendar.url)?.busy ?? true,
  }));
  const warnings: string[] = [];
  let calendarsRead = 0;
  let calendarsUnchanged = 0;
  let intervalCount = 0;
  const wasInError = connection.status === 'error';

  try {
    for (const [index, calendar] of calendars.entries()) {
      const fresh = remote[index];
      if (!calendar.busy || !fresh) continue;
      if (connector.fetchChanges) {
        const applied = await syncCalendarChanges(db, connector.fetchChanges, {
          connection,
          calendar,
          window,
          timeZone,
          readAll: wasInError,
          previousWarnings: connection.warnings,
        });
        calendar.delta = applied.delta;
        warnings.push(...applied.warnings);
        if (applied.read) calendarsRead += 1;
        else calendarsUnchanged += 1;
        intervalCount += applied.intervals;
        continue;
      }
      const unchanged =
        !wasInError &&
        connection.lastSyncedAt !== null &&
        ((fresh.syncToken !== null && fresh.syncToken === calendar.syncToken) ||
          (fresh.ctag !== null && fresh.ctag === calendar.ctag));
      if (unchanged) {
        calendarsUnchanged += 1;
        continue;
      }
      const objects = await connector.fetchObjects(calendar.url, window);
      const intervals: ExpandedInterval[] = [];
      for (const object of objects) {
        const result = expandEvents(object.ics, window, timeZone);
        if ('error' in result) {
          warnings.push(`${calendar.displayName}: skipped ${lastSegment(object.url)}, ${result.error}.`);
        } else {
          intervals.push(...result.intervals);
        }
      }
      await db.transaction(async (tx) => {
        await tx
          .delete(calendarBusyIntervals)
          .where(
            and(
              eq(calendarBusyIntervals.connectionId, connection.id),
              eq(calendarBusyIntervals.calendarUrl, calendar.url),
            ),
          );
        for (let start = 0; start < intervals.length; start += INSERT_BATCH) {
          await tx.insert(calendarBusyIntervals).values(
            intervals.slice(start, start + INSERT_BATCH).map((interval) => ({
              connectionId: connection.id,
              userId: connection.userId,
              calendarUrl: calendar.url,
              startsAt: interval.start,
              endsAt: interval.end,
              eventUid: interval.uid,
              recurrenceId: interval.recurrenceId,
            })),
          );
        }
      });
      calendar.ctag = fresh.ctag;
      calendar.syncToken = fresh.syncToken;
      calendarsRead += 1;
      intervalCount += intervals.length;
    }
  } catch (error) {
    return fail(failureSentence(error));
  }

  // Corner's own session events in the receiving calendar: moved or deleted there → marked and told.
  warnings.push(...(await checkSessionEvents(db, connector, connection, timeZone, remote, now)));

  // Calendars no longer busy, or gone from the server, leave the cache.
  const busyUrls = calendars.filter((calendar) => calendar.busy).map((calendar) => calendar.url);
  await db
    .delete(calendarBusyIntervals)
    .where(
      busyUrls.length > 0
        ? and(
            eq(calendarBusyIntervals.connectionId, connection.id),
            notInArray(calendarBusyIntervals.calendarUrl, busyUrls),
          )
        : eq(calendarBusyIntervals.connectionId, connection.id),
    );
  const writeCalendarUrl =
    connection.writeCalendarUrl && calendars.some((calendar) => calendar.url === connection.writeCalendarUrl)
      ? connection.writeCalendarUrl
      : null;
  const keptWarnings =
    calendarsRead > 0 || wasInError || warnings.length > 0 ? warnings : connection.warnings;
  await db
    .update(calendarConnections)
    .set({
      status: 'ok',
      lastSyncedAt: now,
      lastError: null,
      errorSince: null,
      warnings: keptWarnings.slice(0, CALENDAR_MAX_WARNINGS),
      calendars: calendars.map(({ url, displayName, ctag, syncToken, busy, delta }) => ({
        url,
        displayName,
        ctag,
        syncToken,
        busy,
        delta: delta ?? null,
      })),
      writeCalendarUrl,
    })
    .where(eq(calendarConnections.id, connection.id));
  return { status: 'ok', calendarsRead, calendarsUnchanged, intervals: intervalCount, warnings };
}

/** Connections of these people (or all) whose cache is older than `staleBefore`, oldest first. */
export async function staleConnectionIds(db: Db, staleBefore: Date, userIds?: string[]): Promise<string[]> {
  // Filtered and ordered by the database: the refresh job asks every few minutes over every connection.
  const rows = await db
    .select({ id: calendarConnections.id })
    .from(calendarConnections)
    .where(
      and(
        userIds ? inArray(calendarConnections.userId, userIds) : undefined,
        or(isNull(calendarConnections.lastSyncedAt), lt(calendarConnections.lastSyncedAt, staleBefore)),
      ),
    )
    .orderBy(sql`${calendarConnections.lastSyncedAt} asc nulls first`);
  return rows.map((row) => row.id);
}

function failureSentence(error: unknown): string {
  if (error instanceof AuthorizationRevokedError) {
    return 'The calendar service no longer accepts Corner’s access (it was revoked or has expired); connect the calendar again.';
  }
  if (error instanceof ConnectorInputError && error.field === 'password') {
    return 'The calendar server no longer accepts the saved user name and password.';
  }
  if (error instanceof CredentialsUnreadable) {
    return 'The saved credentials cannot be read with this installation’s key; connect the calendar again.';
  }
  if (error instanceof ConnectorInputError || error instanceof ConnectorUnavailableError) {
    return `The calendar server could not be read: ${error.message}`;
  }
  return `The calendar could not be read: ${error instanceof Error ? error.message : String(error)}`;
}

function lastSegment(url: string): string {
  const parts = url.split('/').filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] ?? url);
}
