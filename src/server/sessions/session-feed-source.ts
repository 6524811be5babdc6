import { eq, or } from 'drizzle-orm';
import type { FeedEvent } from '../calendar/build-session-invite';
import type { SessionSource } from '../calendar/session-source';
import type { Db } from '../db/client';
import { relationships, sessions, user } from '../db/schema';

// A person's calendar feed: every session of every relationship they are in, either side. Cancelled
// sessions stay in the feed, marked, so subscribed calendars remove them.
export function sessionFeedSource(db: Db): SessionSource {
  return async (userId) => {
    const rows = await db
      .select({ session: sessions, relationship: relationships })
      .from(sessions)
      .innerJoin(relationships, eq(relationships.id, sessions.relationshipId))
      .where(or(eq(relationships.memberId, userId), eq(relationships.guideId, userId)));
    const otherIds = [
      ...new Set(
        rows.map((row) =>
          row.relationship.memberId === userId ? row.relationship.guideId : row.relationship.memberId,
        ),
      ),
    ];
    const names = new Map<string, string>();
    for (const id of otherIds) {
      if (!id) continue;
      const [person] = await db.select({ name: user.name }).from(user).where(eq(user.id, id));
      if (person) names.set(id, person.name);
    }
    return rows.map(({ session, relationship }): FeedEvent => {
      const otherId = relationship.memberId === userId ? relationship.guideId : relationship.memberId;
      const other = (otherId && names.get(otherId)) || 'your partner';
      return {
        uid: `${session.id}@corner`,
        start: session.startsAt.toISOString(),
        end: session.endsAt.toISOString(),
        timeZone: session.bookedTimeZone,
        summary: `Corner session with ${other}`,
        description: session.agendaTopic ? `Agenda: ${session.agendaTopic}` : undefined,
        // An online session's place is its room: calendars show LOCATION as where to go.
        location: session.place ?? session.meetingLink ?? undefined,
        url: session.meetingLink ?? undefined,
        cancelled: session.status === 'cancelled',
      };
    });
  };
}
