import { and, eq, inArray } from 'drizzle-orm';
import { CALENDAR_SYNC_WINDOW_SLACK_DAYS } from '../../domain/settings/calendar-sync';
import type { Db } from '../db/client';
import { type CalendarDelta, type ConnectedCalendar, calendarBusyIntervals } from '../db/schema';
import type { CalendarConnector } from './caldav-connector';
import { type ExpandedInterval, expandEvents } from './expand-events';

// The busy cache of a calendar on a service with change tracking (Google, Microsoft): the first read
// takes the whole window and keeps the service's token; later reads apply only what changed since, by
// the service's event id. The token is bound to the window it was taken for, so once the rolling window
// has moved past it (or the service refuses the token) the calendar is read whole again.

const DAY_MS = 86_400_000;
const BATCH = 1_000;

export type FetchChanges = NonNullable<CalendarConnector['fetchChanges']>;

export type ChangesApplied = {
  delta: CalendarDelta | null;
  /** The calendar was read whole, or some events changed: false = the cache was kept as it was. */
  read: boolean;
  intervals: number;
  /** This calendar's skip warnings after the sync: the earlier ones still true, and the new ones. */
  warnings: string[];
};

export async function syncCalendarChanges(
  db: Db,
  fetchChanges: FetchChanges,
  input: {
    connection: { id: string; userId: string };
    calendar: ConnectedCalendar;
    /** The window the busy cache must cover now. */
    window: { from: Date; to: Date };
    timeZone: string;
    /** Ignore the stored token (the connection was in error: its cache is not trusted). */
    readAll: boolean;
    previousWarnings: string[];
  },
): Promise<ChangesApplied> {
  const { connection, calendar, window, timeZone } = input;
  const stored = input.readAll ? null : (calendar.delta ?? null);
  const kept = stored && covers(stored, window) ? stored : null;
  const tokenWindow = kept
    ? { from: new Date(kept.from), to: new Date(kept.to) }
    : { from: window.from, to: new Date(window.to.getTime() + CALENDAR_SYNC_WINDOW_SLACK_DAYS * DAY_MS) };
  const changes = await fetchChanges(calendar.url, { window: tokenWindow, token: kept?.token ?? null });
  const delta = changes.token
    ? { token: changes.token, from: tokenWindow.from.toISOString(), to: tokenWindow.to.toISOString() }
    : null;

  const prefix = `${calendar.displayName}: `;
  const touched = [...new Set([...changes.changed.map((object) => object.url), ...changes.removed])];
  const earlier = changes.full
    ? []
    : input.previousWarnings.filter(
        (warning) =>
          warning.startsWith(prefix) && !touched.some((id) => warning.startsWith(`${prefix}skipped ${id},`)),
      );
  if (!changes.full && touched.length === 0) {
    return { delta, read: false, intervals: 0, warnings: earlier };
  }

  const warnings = [...earlier];
  const rows: (ExpandedInterval & { objectId: string })[] = [];
  for (const object of changes.changed) {
    // The token's window, not today's: the cache then holds exactly what the next delta is relative to.
    const result = expandEvents(object.ics, tokenWindow, timeZone);
    if ('error' in result) {
      warnings.push(`${prefix}skipped ${object.url}, ${result.error}.`);
    } else {
      rows.push(...result.intervals.map((interval) => ({ ...interval, objectId: object.url })));
    }
  }
  // One transaction per calendar, so a reader never sees half a change.
  await db.transaction(async (tx) => {
    const calendarRows = and(
      eq(calendarBusyIntervals.connectionId, connection.id),
      eq(calendarBusyIntervals.calendarUrl, calendar.url),
    );
    if (changes.full) {
      await tx.delete(calendarBusyIntervals).where(calendarRows);
    } else {
      for (let start = 0; start < touched.length; start += BATCH) {
        await tx
          .delete(calendarBusyIntervals)
          .where(
            and(calendarRows, inArray(calendarBusyIntervals.objectId, touched.slice(start, start + BATCH))),
          );
      }
    }
    for (let start = 0; start < rows.length; start += BATCH) {
      await tx.insert(calendarBusyIntervals).values(
        rows.slice(start, start + BATCH).map((row) => ({
          connectionId: connection.id,
          userId: connection.userId,
          calendarUrl: calendar.url,
          startsAt: row.start,
          endsAt: row.end,
          eventUid: row.uid,
          recurrenceId: row.recurrenceId,
          objectId: row.objectId,
        })),
      );
    }
  });
  return { delta, read: true, intervals: rows.length, warnings };
}

function covers(delta: CalendarDelta, window: { from: Date; to: Date }): boolean {
  return Date.parse(delta.from) <= window.from.getTime() && Date.parse(delta.to) >= window.to.getTime();
}
