import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { awaitRewrite } from '../calendar-sync/session-event-records';
import type { Db } from '../db/client';
import { calendarConnections, calendarSessionEvents, user } from '../db/schema';
import { Problem } from '../http/problem';
import { loadSessionForWrite } from './load-session';
import { formatIn } from './present';
import type { CalendarChangeView } from './schemas';

// The "needs rescheduling" mark of sessions whose calendar event was moved or deleted outside Corner
// (found by calendar-sync/check-session-events.ts), as the pair reads it.

export async function loadCalendarChanges(
  db: Db,
  sessionIds: string[],
  readerZone: string,
): Promise<Map<string, CalendarChangeView[]>> {
  const changes = new Map<string, CalendarChangeView[]>();
  if (sessionIds.length === 0) return changes;
  const rows = await db
    .select({
      sessionId: calendarSessionEvents.sessionId,
      change: calendarSessionEvents.change,
      changedStartsAt: calendarSessionEvents.changedStartsAt,
      changedEndsAt: calendarSessionEvents.changedEndsAt,
      changeSeenAt: calendarSessionEvents.changeSeenAt,
      personId: user.id,
      personName: user.name,
    })
    .from(calendarSessionEvents)
    .innerJoin(calendarConnections, eq(calendarConnections.id, calendarSessionEvents.connectionId))
    .innerJoin(user, eq(user.id, calendarConnections.userId))
    .where(and(inArray(calendarSessionEvents.sessionId, sessionIds), isNotNull(calendarSessionEvents.change)))
    .orderBy(calendarSessionEvents.changeSeenAt);
  for (const row of rows) {
    if (!row.change) continue;
    const movedTo =
      row.change === 'moved' && row.changedStartsAt && row.changedEndsAt
        ? { start: row.changedStartsAt.toISOString(), end: row.changedEndsAt.toISOString() }
        : null;
    const reason = movedTo
      ? `moved to ${formatIn(new Date(movedTo.start), readerZone)} in ${row.personName}’s calendar`
      : `deleted from ${row.personName}’s calendar`;
    const view: CalendarChangeView = {
      kind: row.change,
      personId: row.personId,
      personName: row.personName,
      movedTo,
      reason,
      noticedAt: (row.changeSeenAt ?? new Date(0)).toISOString(),
    };
    changes.set(row.sessionId, [...(changes.get(row.sessionId) ?? []), view]);
  }
  return changes;
}

/**
 * "Keep the Corner time": the mark clears and the session is written back into the calendars at its
 * Corner time (the caller enqueues that after commit). Only the pair may, and only while it is marked.
 */
export async function keepCornerTime(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { session } = await loadSessionForWrite(tx, actor, sessionId);
    if (session.status !== 'scheduled') {
      throw new Problem(409, 'session-closed', 'Only a session that has not taken place can be kept.');
    }
    const marked = await tx
      .select({ sessionId: calendarSessionEvents.sessionId })
      .from(calendarSessionEvents)
      .where(and(eq(calendarSessionEvents.sessionId, session.id), isNotNull(calendarSessionEvents.change)));
    if (marked.length === 0) {
      throw new Problem(
        409,
        'no-calendar-change',
        'This session was not moved or deleted in anyone’s calendar, so there is nothing to keep.',
      );
    }
    await awaitRewrite(tx, session.id);
  });
}
