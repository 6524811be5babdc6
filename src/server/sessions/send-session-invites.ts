import { eq } from 'drizzle-orm';
import { sendSessionInviteJob } from '../calendar/session-invite-job';
import { writeSessionToCalendarsJob } from '../calendar-sync/write-session-job';
import type { Db } from '../db/client';
import { relationships, sessions } from '../db/schema';
import type { Jobs } from '../jobs/job-definition';
import { loadPeople, type Person } from '../relationships/load-relationship';

type Change = 'booked' | 'moved' | 'cancelled';

const wording: Record<Change, string> = {
  booked: 'A session is booked',
  moved: 'A session has moved',
  cancelled: 'A session was cancelled',
};

// After a session is booked, moved or cancelled (and the change has committed), each person gets a mail
// with the invite attached, with the time written in their own zone in the text and the booking's zone
// in the .ics. One job per person, so a failed delivery retries only that mail.
export async function sendSessionInvites(
  db: Db,
  jobs: Jobs,
  sessionId: string,
  change: Change,
): Promise<void> {
  const pair = await loadSessionPair(db, sessionId);
  if (!pair) return;
  const { session, member, guide, sequence } = pair;
  // The session in each connected person's own calendar, with the invite's UID (calendar-sync).
  await enqueueCalendarWrite(jobs, session, member, guide, change, sequence);
  for (const person of [member, guide]) {
    const other = person.id === member.id ? guide : member;
    const local = session.startsAt.toLocaleString('en-GB', {
      timeZone: person.timeZone,
      dateStyle: 'full',
      timeStyle: 'short',
    });
    await jobs.enqueue(sendSessionInviteJob, {
      to: person.email,
      subject: `${wording[change]} with ${other.name}`,
      text: `${wording[change]}: ${local} (${person.timeZone}).${session.meetingLink ? `\nJoin: ${session.meetingLink}` : ''}${
        session.place ? `\nWhere: ${session.place}` : ''
      }\nThe calendar invite is attached.`,
      invite: inviteOf(session, member, guide, {
        sequence: change === 'booked' ? 0 : sequence,
        method: change === 'cancelled' ? 'CANCEL' : 'REQUEST',
      }),
    });
  }
}

/**
 * Writes the session back into both people's calendars at Corner's time, without mailing anyone: a
 * person chose to keep the Corner time after the event was moved or deleted in a calendar.
 */
export async function rewriteSessionInCalendars(db: Db, jobs: Jobs, sessionId: string): Promise<void> {
  const pair = await loadSessionPair(db, sessionId);
  if (!pair) return;
  await enqueueCalendarWrite(jobs, pair.session, pair.member, pair.guide, 'moved', pair.sequence);
}

/** The session with both people, and the invite's SEQUENCE (which grows with each change). */
async function loadSessionPair(db: Db, sessionId: string) {
  const [row] = await db
    .select({ session: sessions, relationship: relationships })
    .from(sessions)
    .innerJoin(relationships, eq(relationships.id, sessions.relationshipId))
    .where(eq(sessions.id, sessionId));
  if (!row?.relationship.memberId || !row.relationship.guideId) return null;
  const people = await loadPeople(db, [row.relationship.memberId, row.relationship.guideId]);
  const member = people.get(row.relationship.memberId);
  const guide = people.get(row.relationship.guideId);
  if (!member || !guide) return null;
  const sequence = Math.floor((row.session.closedAt ?? row.session.createdAt).getTime() / 1000) % 1_000_000;
  return { session: row.session, member, guide, sequence };
}

async function enqueueCalendarWrite(
  jobs: Jobs,
  session: typeof sessions.$inferSelect,
  member: Person,
  guide: Person,
  change: Change,
  sequence: number,
): Promise<void> {
  await jobs.enqueue(writeSessionToCalendarsJob, {
    userIds: [member.id, guide.id],
    change,
    sessionId: session.id,
    invite: inviteOf(session, member, guide, { sequence, method: 'REQUEST' }),
  });
}

/** The session as a calendar event, the same for the mailed invite and the event written to calendars. */
function inviteOf(
  session: typeof sessions.$inferSelect,
  member: Person,
  guide: Person,
  { sequence, method }: { sequence: number; method: 'REQUEST' | 'CANCEL' },
) {
  return {
    uid: `${session.id}@corner`,
    start: session.startsAt.toISOString(),
    end: session.endsAt.toISOString(),
    timeZone: session.bookedTimeZone,
    summary: `Corner session: ${member.name} and ${guide.name}`,
    description: session.agendaTopic ? `Agenda: ${session.agendaTopic}` : undefined,
    // An online session's place is its room: calendars show LOCATION as where to go.
    location: session.place ?? session.meetingLink ?? undefined,
    url: session.meetingLink ?? undefined,
    organizer: { name: guide.name, email: guide.email },
    attendees: [
      { name: member.name, email: member.email },
      { name: guide.name, email: guide.email },
    ],
    sequence,
    method,
  };
}
