import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { calendarConnections } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import {
  type CaldavCredentials,
  ConnectorInputError,
  ConnectorUnavailableError,
  connectCaldav,
} from './caldav-connector';
import { encryptCredentials } from './credentials';
import { presentConnection } from './present';
import type { CalendarConnectionView } from './schemas';
import { type ConnectorFactory, syncConnection } from './sync-connection';

type CreateInput = CaldavCredentials & { provider: 'caldav'; displayName?: string };

/**
 * Connects a CalDAV calendar: the credentials are tried against the server first (nothing is saved when
 * they fail), then saved encrypted, and the first sync runs at once.
 */
export async function createCalendarConnection(
  db: Db,
  key: Buffer,
  actor: Actor,
  input: CreateInput,
  now: Date,
  connect: ConnectorFactory = connectCaldav,
): Promise<CalendarConnectionView> {
  let calendars: Awaited<ReturnType<Awaited<ReturnType<ConnectorFactory>>['listCalendars']>>;
  try {
    const connector = await connect(input);
    calendars = await connector.listCalendars();
  } catch (error) {
    if (error instanceof ConnectorInputError)
      throw new Problem(422, `calendar-${error.field}-rejected`, error.message, error.field);
    if (error instanceof ConnectorUnavailableError) {
      throw new Problem(
        422,
        'calendar-url-rejected',
        `The calendar server could not be read: ${error.message}`,
        'url',
      );
    }
    throw error;
  }
  if (calendars.length === 0) {
    throw new Problem(
      422,
      'calendar-url-rejected',
      'This account has no calendars with events at this address.',
      'url',
    );
  }
  const [row] = await db
    .insert(calendarConnections)
    .values({
      userId: actor.userId,
      provider: 'caldav',
      displayName: input.displayName ?? new URL(input.url).hostname,
      serverUrl: input.url,
      username: input.username,
      credentials: encryptCredentials(key, input.password),
      calendars: newConnectedCalendars(calendars),
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned no calendar connection');
  await syncConnection(db, key, row.id, now, connect);
  return presentConnection(await ownConnection(db, actor, row.id));
}

/** A new connection's calendars: every one counts as busy until the person says otherwise, none synced yet. */
export function newConnectedCalendars(calendars: { url: string; displayName: string }[]) {
  return calendars.map((calendar) => ({
    url: calendar.url,
    displayName: calendar.displayName,
    ctag: null,
    syncToken: null,
    busy: true,
  }));
}

export async function listCalendarConnections(db: Db, actor: Actor): Promise<CalendarConnectionView[]> {
  const rows = await db
    .select()
    .from(calendarConnections)
    .where(eq(calendarConnections.userId, actor.userId))
    .orderBy(asc(calendarConnections.createdAt));
  return rows.map(presentConnection);
}

export async function updateCalendarConnection(
  db: Db,
  actor: Actor,
  connectionId: string,
  input: { busyCalendarUrls?: string[]; writeCalendarUrl?: string | null },
): Promise<CalendarConnectionView> {
  const row = await ownConnection(db, actor, connectionId);
  const urls = new Set(row.calendars.map((calendar) => calendar.url));
  for (const url of input.busyCalendarUrls ?? []) {
    if (!urls.has(url))
      throw new Problem(
        422,
        'invalid-input',
        'busyCalendarUrls: names a calendar this connection does not have.',
        'busyCalendarUrls',
      );
  }
  if (input.writeCalendarUrl && !urls.has(input.writeCalendarUrl)) {
    throw new Problem(
      422,
      'invalid-input',
      'writeCalendarUrl: names a calendar this connection does not have.',
      'writeCalendarUrl',
    );
  }
  const busy = input.busyCalendarUrls ? new Set(input.busyCalendarUrls) : null;
  const [updated] = await db
    .update(calendarConnections)
    .set({
      // A calendar newly counted as busy has no cache yet: clearing its markers makes the next sync read it.
      calendars: row.calendars.map((calendar) => {
        if (!busy) return calendar;
        const nowBusy = busy.has(calendar.url);
        return nowBusy === calendar.busy
          ? calendar
          : { ...calendar, busy: nowBusy, ctag: null, syncToken: null, delta: null };
      }),
      ...(input.writeCalendarUrl !== undefined ? { writeCalendarUrl: input.writeCalendarUrl } : {}),
    })
    .where(eq(calendarConnections.id, row.id))
    .returning();
  if (!updated) throw notFound('calendar connection');
  return presentConnection(updated);
}

export async function syncCalendarConnectionNow(
  db: Db,
  key: Buffer,
  actor: Actor,
  connectionId: string,
  now: Date,
  connect: ConnectorFactory = connectCaldav,
): Promise<CalendarConnectionView> {
  await ownConnection(db, actor, connectionId);
  await syncConnection(db, key, connectionId, now, connect);
  return presentConnection(await ownConnection(db, actor, connectionId));
}

/** Disconnects: the row goes, and its cached busy time with it (ON DELETE CASCADE). */
export async function deleteCalendarConnection(db: Db, actor: Actor, connectionId: string): Promise<void> {
  await ownConnection(db, actor, connectionId);
  await db.delete(calendarConnections).where(eq(calendarConnections.id, connectionId));
}

async function ownConnection(db: Db, actor: Actor, connectionId: string) {
  const [row] = await db
    .select()
    .from(calendarConnections)
    .where(and(eq(calendarConnections.id, connectionId), eq(calendarConnections.userId, actor.userId)));
  if (!row) throw notFound('calendar connection');
  return row;
}
