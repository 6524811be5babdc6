import { and, gt, inArray, lt } from 'drizzle-orm';
import { CALENDAR_ALLOWED_STALENESS_MINUTES } from '../../domain/settings/calendar-sync';
import type { Db, Tx } from '../db/client';
import { calendarBusyIntervals, calendarConnections } from '../db/schema';
import type { BusyAnswer, BusyInterval, BusyReader, UnreadableCalendar } from '../scheduling/busy-reader';

// The busy reader open slots use: the cache only, never a calendar server, so a slow or failing calendar
// can only hide times. It fails closed: a connection in error, never synced, or synced longer ago than the
// allowed staleness makes its person unreadable, and their times are not offered.

const MINUTE_MS = 60_000;

export const readCalendarBusy: BusyReader = async (
  db: Db | Tx,
  userIds,
  window,
  now,
): Promise<BusyAnswer> => {
  const busy = new Map<string, BusyInterval[]>(userIds.map((id) => [id, []]));
  const unreadable: UnreadableCalendar[] = [];
  if (userIds.length === 0) return { busy, unreadable };
  const ids = [...userIds];
  const connections = await db
    .select({
      id: calendarConnections.id,
      userId: calendarConnections.userId,
      displayName: calendarConnections.displayName,
      status: calendarConnections.status,
      lastSyncedAt: calendarConnections.lastSyncedAt,
      lastError: calendarConnections.lastError,
      errorSince: calendarConnections.errorSince,
      createdAt: calendarConnections.createdAt,
    })
    .from(calendarConnections)
    .where(inArray(calendarConnections.userId, ids));
  const staleBefore = now.getTime() - CALENDAR_ALLOWED_STALENESS_MINUTES * MINUTE_MS;
  for (const connection of connections) {
    if (connection.status === 'error') {
      unreadable.push({
        userId: connection.userId,
        calendarName: connection.displayName,
        reason: connection.lastError ?? 'The calendar could not be read at the last try.',
        since: connection.errorSince ?? connection.lastSyncedAt ?? connection.createdAt,
      });
    } else if (!connection.lastSyncedAt) {
      unreadable.push({
        userId: connection.userId,
        calendarName: connection.displayName,
        reason: 'The calendar has not been read yet.',
        since: connection.createdAt,
      });
    } else if (connection.lastSyncedAt.getTime() < staleBefore) {
      unreadable.push({
        userId: connection.userId,
        calendarName: connection.displayName,
        reason: `The calendar has not been refreshed for more than ${CALENDAR_ALLOWED_STALENESS_MINUTES} minutes.`,
        since: connection.lastSyncedAt,
      });
    }
  }
  const rows = await db
    .select({
      userId: calendarBusyIntervals.userId,
      start: calendarBusyIntervals.startsAt,
      end: calendarBusyIntervals.endsAt,
    })
    .from(calendarBusyIntervals)
    .where(
      and(
        inArray(calendarBusyIntervals.userId, ids),
        lt(calendarBusyIntervals.startsAt, window.to),
        gt(calendarBusyIntervals.endsAt, window.from),
      ),
    )
    .orderBy(calendarBusyIntervals.startsAt);
  for (const row of rows) busy.get(row.userId)?.push({ start: row.start, end: row.end });
  return { busy, unreadable };
};
