import { and, desc, eq, inArray, ne, or } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { defaultAgreementTerms } from '../../domain/agreements/agreement-terms';
import { isKnownTimeZone } from '../../domain/sessions/availability';
import { checkSchedule } from '../../domain/sessions/check-schedule';
import { proposeRescheduleSlots } from '../../domain/sessions/propose-reschedule-slots';
import type { Actor } from '../auth/actor';
import { awaitRewrite } from '../calendar-sync/session-event-records';
import type { Db, Tx } from '../db/client';
import { agreements, guideProfiles, relationships, sessions, user } from '../db/schema';
import { Problem } from '../http/problem';
import { loadWorkingRelationship, type RelationshipRow } from '../relationships/load-relationship';
import { defaultMeetingLink } from '../scheduling/meeting-link';
import { loadSession, loadSessionForWrite } from './load-session';
import type { ScheduleInput } from './schemas';

function toInstant(localStart: string, timeZone: string): Date {
  if (!isKnownTimeZone(timeZone)) {
    throw new Problem(
      422,
      'unknown-time-zone',
      `"${timeZone}" is not a time zone we know. Choose a zone such as Europe/Berlin.`,
      'timeZone',
    );
  }
  try {
    const zoned = Temporal.PlainDateTime.from(localStart).toZonedDateTime(timeZone);
    return new Date(zoned.epochMilliseconds);
  } catch {
    throw new Problem(422, 'invalid-input', 'localStart: is not a real date and time', 'localStart');
  }
}

// What a booking is checked against: the guide's week in the guide's zone, and every session either
// person already has, in any of their relationships.
async function bookingContext(tx: Db | Tx, rel: RelationshipRow) {
  const parties = [rel.memberId, rel.guideId].filter((id): id is string => id !== null);
  const [profile] = rel.guideId
    ? await tx.select().from(guideProfiles).where(eq(guideProfiles.userId, rel.guideId))
    : [];
  const [guideUser] = rel.guideId
    ? await tx.select({ timeZone: user.timeZone }).from(user).where(eq(user.id, rel.guideId))
    : [];
  const theirRelationships = await tx
    .select({ id: relationships.id })
    .from(relationships)
    .where(or(inArray(relationships.memberId, parties), inArray(relationships.guideId, parties)));
  const booked = await tx
    .select({ id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
    .from(sessions)
    .where(
      and(
        inArray(
          sessions.relationshipId,
          theirRelationships.map((r) => r.id),
        ),
        eq(sessions.status, 'scheduled'),
      ),
    );
  return {
    guideTimeZone: profile?.timeZone ?? guideUser?.timeZone ?? 'UTC',
    availability: profile?.availability ?? [],
    existingSessions: booked.map((s) => ({
      id: s.id,
      start: s.startsAt.toISOString(),
      end: s.endsAt.toISOString(),
    })),
  };
}

function assertBookable(
  context: Awaited<ReturnType<typeof bookingContext>>,
  start: Date,
  end: Date,
  now: Date,
  allowShortNotice: boolean,
  ignoreSessionId?: string,
) {
  const problems = checkSchedule({
    start: start.toISOString(),
    end: end.toISOString(),
    now: now.toISOString(),
    guideTimeZone: context.guideTimeZone,
    availability: context.availability,
    existingSessions: context.existingSessions,
    allowShortNotice,
    ignoreSessionId,
    // A guide who has not published any hours is asked directly instead of being checked against them.
  }).filter((problem) => problem.code !== 'outside-availability' || context.availability.length > 0);
  const first = problems[0];
  if (first) {
    throw new Problem(
      first.code === 'overlap' ? 409 : 422,
      first.code,
      first.message,
      'localStart',
      problems.map((problem) => ({ field: 'localStart', message: problem.message })),
    );
  }
}

/** The pair's accepted terms (session length, place), or the kind's defaults before any agreement. */
export async function acceptedTerms(tx: Db | Tx, rel: RelationshipRow) {
  const [agreement] = await tx
    .select()
    .from(agreements)
    .where(and(eq(agreements.relationshipId, rel.id), eq(agreements.status, 'accepted')))
    .orderBy(desc(agreements.version))
    .limit(1);
  return agreement?.terms ?? defaultAgreementTerms(rel.kind);
}

export type NewSession = {
  start: Date;
  end: Date;
  timeZone: string;
  template?: 'first' | 'regular' | 'last';
  meetingLink: string | null;
  place: string | null;
  agendaTopic: string;
};

/**
 * The one insert every booking goes through (a session form, an open slot, a confirmed proposal). The
 * sessions_guide_no_overlap exclusion constraint refuses a second scheduled session of the same guide at
 * an overlapping time, so of two racing bookings exactly one commits.
 */
export async function insertSession(
  tx: Tx,
  actor: Actor,
  rel: RelationshipRow,
  terms: { place?: string | null },
  input: NewSession,
  now: Date,
): Promise<{ sessionId: string }> {
  const earlier = await tx
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.relationshipId, rel.id), ne(sessions.status, 'cancelled')));
  const [row] = await tx
    .insert(sessions)
    .values({
      relationshipId: rel.id,
      guideId: rel.guideId,
      startsAt: input.start,
      endsAt: input.end,
      bookedTimeZone: input.timeZone,
      template: input.template ?? (earlier.length === 0 ? 'first' : 'regular'),
      meetingLink: input.meetingLink ?? (await defaultMeetingLink(tx, rel.guideId)),
      place: input.place ?? terms.place ?? null,
      agendaTopic: input.agendaTopic,
      createdBy: actor.userId,
      createdAt: now,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error('insert returned no session');
  return { sessionId: row.id };
}

export async function scheduleSession(
  db: Db,
  actor: Actor,
  relationshipId: string,
  input: ScheduleInput,
  now: Date,
): Promise<{ sessionId: string }> {
  const start = toInstant(input.localStart, input.timeZone);
  return db.transaction(async (tx) => {
    const { rel } = await loadWorkingRelationship(tx, actor, relationshipId);
    const terms = await acceptedTerms(tx, rel);
    const minutes = input.minutes ?? terms.sessionMinutes;
    const end = new Date(start.getTime() + minutes * 60_000);
    assertBookable(await bookingContext(tx, rel), start, end, now, input.allowShortNotice);
    return insertSession(
      tx,
      actor,
      rel,
      terms,
      {
        start,
        end,
        timeZone: input.timeZone,
        template: input.template,
        meetingLink: input.meetingLink,
        place: input.place,
        agendaTopic: input.agendaTopic,
      },
      now,
    );
  });
}

export async function rescheduleSession(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: { localStart: string; timeZone: string; allowShortNotice: boolean },
  now: Date,
): Promise<void> {
  const start = toInstant(input.localStart, input.timeZone);
  await db.transaction(async (tx) => {
    const { session, rel } = await loadSessionForWrite(tx, actor, sessionId);
    if (session.status !== 'scheduled') {
      throw new Problem(409, 'session-closed', 'Only a session that has not taken place can be moved.');
    }
    const end = new Date(start.getTime() + (session.endsAt.getTime() - session.startsAt.getTime()));
    assertBookable(await bookingContext(tx, rel), start, end, now, input.allowShortNotice, session.id);
    await tx
      .update(sessions)
      .set({ startsAt: start, endsAt: end, bookedTimeZone: input.timeZone })
      .where(eq(sessions.id, session.id));
    // Moved in Corner: a mark from a calendar change is settled, and the events are rewritten.
    await awaitRewrite(tx, session.id);
  });
}

// Free times in the same week keep the agreed rhythm; moving to next week quietly skips a session.
export async function rescheduleSlots(db: Db, actor: Actor, sessionId: string, now: Date) {
  const { session, rel } = await loadSession(db, actor, sessionId);
  const context = await bookingContext(db, rel);
  return proposeRescheduleSlots({
    original: { id: session.id, start: session.startsAt.toISOString(), end: session.endsAt.toISOString() },
    now: now.toISOString(),
    guideTimeZone: context.guideTimeZone,
    availability: context.availability,
    existingSessions: context.existingSessions,
  });
}
