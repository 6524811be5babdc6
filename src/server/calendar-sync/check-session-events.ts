import { and, eq, gt, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { calendarSessionEvents, relationships, sessions } from '../db/schema';
import { recordNotification } from '../notifications/record-reminders';
import { loadPeople } from '../relationships/load-relationship';
import { formatIn } from '../sessions/present';
import type { CalendarConnector, SessionEventTime } from './caldav-connector';

// Issue 13 §4: a session Corner wrote into someone's calendar and that was then moved or deleted there
// is marked "needs rescheduling" and both people are told, once per change. The session's own time is
// never touched: the external calendar is somebody's wish, Corner's booking is the pair's agreement.

export const CALENDAR_CHANGE_KIND = 'session-calendar-changed';

type Observed = { change: 'deleted' | 'moved' | null; start: Date | null; end: Date | null };

/**
 * Checks this connection's written events of upcoming scheduled sessions. Returns warnings for the sync
 * (a calendar that could not be read back): nothing is marked from an answer that failed.
 */
export async function checkSessionEvents(
  db: Db,
  connector: CalendarConnector,
  connection: { id: string; userId: string },
  floatingZone: string,
  listedCalendars: { url: string; displayName: string }[],
  now: Date,
): Promise<string[]> {
  const rows = await db
    .select({
      record: calendarSessionEvents,
      startsAt: sessions.startsAt,
      memberId: relationships.memberId,
      guideId: relationships.guideId,
    })
    .from(calendarSessionEvents)
    .innerJoin(sessions, eq(sessions.id, calendarSessionEvents.sessionId))
    .innerJoin(relationships, eq(relationships.id, sessions.relationshipId))
    .where(
      and(
        eq(calendarSessionEvents.connectionId, connection.id),
        isNotNull(calendarSessionEvents.writtenAt),
        eq(sessions.status, 'scheduled'),
        gt(sessions.endsAt, now),
      ),
    );
  if (rows.length === 0) return [];
  const warnings: string[] = [];
  const byCalendar = new Map<string, typeof rows>();
  for (const row of rows) {
    byCalendar.set(row.record.calendarUrl, [...(byCalendar.get(row.record.calendarUrl) ?? []), row]);
  }
  for (const [calendarUrl, group] of byCalendar) {
    const uid = (sessionId: string) => `${sessionId}@corner`;
    let found: Map<string, SessionEventTime | null>;
    if (listedCalendars.some((calendar) => calendar.url === calendarUrl)) {
      try {
        found = await connector.readSessionEvents(
          calendarUrl,
          group.map((row) => uid(row.record.sessionId)),
          floatingZone,
        );
      } catch (error) {
        const name = listedCalendars.find((calendar) => calendar.url === calendarUrl)?.displayName;
        warnings.push(
          `${name ?? calendarUrl}: Corner could not check its sessions there (${error instanceof Error ? error.message : String(error)}).`,
        );
        continue;
      }
    } else {
      // The receiving calendar itself is gone from the account, and the sessions in it with it.
      found = new Map();
    }
    for (const row of group) {
      const { record } = row;
      const event = found.get(uid(record.sessionId)) ?? null;
      const observed: Observed = !event
        ? { change: 'deleted', start: null, end: null }
        : event.start.getTime() !== record.writtenStartsAt.getTime() ||
            event.end.getTime() !== record.writtenEndsAt.getTime()
          ? { change: 'moved', start: event.start, end: event.end }
          : { change: null, start: null, end: null };
      const same =
        observed.change === record.change &&
        observed.start?.getTime() === record.changedStartsAt?.getTime() &&
        observed.end?.getTime() === record.changedEndsAt?.getTime();
      if (same) continue;
      await db.transaction(async (tx) => {
        await tx
          .update(calendarSessionEvents)
          .set({
            change: observed.change,
            changedStartsAt: observed.start,
            changedEndsAt: observed.end,
            changeSeenAt: observed.change ? now : null,
          })
          .where(
            and(
              eq(calendarSessionEvents.connectionId, record.connectionId),
              eq(calendarSessionEvents.sessionId, record.sessionId),
            ),
          );
        if (!observed.change) return;
        const people = await loadPeople(tx, [row.memberId, row.guideId, connection.userId]);
        const owner = people.get(connection.userId);
        for (const recipientId of new Set([row.memberId, row.guideId])) {
          const recipient = recipientId ? people.get(recipientId) : undefined;
          if (!recipient) continue;
          const whose = recipient.id === connection.userId ? 'your' : `${owner?.name ?? 'someone'}’s`;
          const when = formatIn(row.startsAt, recipient.timeZone);
          const what =
            observed.change === 'moved' && observed.start
              ? `was moved to ${formatIn(observed.start, recipient.timeZone)} in ${whose} calendar`
              : `was deleted from ${whose} calendar`;
          await recordNotification(
            tx,
            {
              userId: recipient.id,
              // One notice per change: the same finding at the next sync has the same key.
              key: `calendar-change:${record.sessionId}:${record.connectionId}:${record.writtenAt?.getTime()}:${observed.change}:${observed.start?.getTime() ?? ''}`,
              kind: CALENDAR_CHANGE_KIND,
              text: `The session on ${when} ${what}. Corner has not changed it: reschedule it, or keep the Corner time.`,
              link: `/sessions/${record.sessionId}`,
              expiresAt: row.startsAt,
            },
            now,
          );
        }
      });
    }
  }
  return warnings;
}
