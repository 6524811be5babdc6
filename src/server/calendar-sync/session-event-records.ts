import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { calendarSessionEvents, sessions } from '../db/schema';

// The record of what Corner wrote into each receiving calendar (calendar_session_events): made by the
// write job once the calendar accepted the event, so the sync checks only events that really exist.

export async function recordWrittenEvent(
  db: Db,
  written: {
    connectionId: string;
    sessionId: string;
    calendarUrl: string;
    change: 'booked' | 'moved' | 'cancelled';
    start: Date;
    end: Date;
    now: Date;
  },
): Promise<void> {
  const { connectionId, sessionId } = written;
  if (written.change === 'cancelled') {
    await db
      .delete(calendarSessionEvents)
      .where(
        and(
          eq(calendarSessionEvents.connectionId, connectionId),
          eq(calendarSessionEvents.sessionId, sessionId),
        ),
      );
    return;
  }
  // The session may have gone (its relationship deleted) while the job waited: nothing to track then.
  const [session] = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, sessionId));
  if (!session) return;
  const values = {
    calendarUrl: written.calendarUrl,
    writtenStartsAt: written.start,
    writtenEndsAt: written.end,
    writtenAt: written.now,
    change: null,
    changedStartsAt: null,
    changedEndsAt: null,
    changeSeenAt: null,
  };
  await db
    .insert(calendarSessionEvents)
    .values({ connectionId, sessionId, ...values })
    .onConflictDoUpdate({
      target: [calendarSessionEvents.connectionId, calendarSessionEvents.sessionId],
      set: values,
    });
}

/**
 * The session is being written again (moved in Corner, or a person kept the Corner time): its mark
 * clears now, and its events are not checked until the write job has put them back, so the old event
 * is not taken for a new change in between. Call it inside the operation's transaction.
 */
export async function awaitRewrite(tx: Db | Tx, sessionId: string): Promise<number> {
  const rows = await tx
    .update(calendarSessionEvents)
    .set({ writtenAt: null, change: null, changedStartsAt: null, changedEndsAt: null, changeSeenAt: null })
    .where(eq(calendarSessionEvents.sessionId, sessionId))
    .returning({ sessionId: calendarSessionEvents.sessionId });
  return rows.length;
}
