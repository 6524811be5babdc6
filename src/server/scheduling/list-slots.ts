import { and, desc, eq, gt, inArray, lt, or } from 'drizzle-orm';
import { defaultAgreementTerms } from '../../domain/agreements/agreement-terms';
import type { BookingRules } from '../../domain/scheduling/booking-rules';
import { type Balance, balanceOf, fairOrder } from '../../domain/scheduling/fair-rotation';
import { type MsInterval, openSlots } from '../../domain/scheduling/open-slots';
import { isKnownTimeZone } from '../../domain/sessions/availability';
import { MAX_SLOTS_RANGE_DAYS } from '../../domain/settings/scheduling';
import { MIN_BOOKING_LEAD_DAYS } from '../../domain/settings/sessions';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { agreements, guideProfiles, relationships, sessions, user } from '../db/schema';
import { Problem } from '../http/problem';
import { loadWorkingRelationship, type RelationshipRow } from '../relationships/load-relationship';
import { loadBookingRules } from './booking-rules';
import { type BusyReader, readBusy } from './busy-reader';

const MS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 24 * 60;
const SUGGESTED_SLOTS = 5;

export type HiddenReason = {
  who: string;
  userId: string;
  reason: string;
  calendarName?: string;
  since?: string;
};

export type SlotsAnswer = {
  slots: { start: string; end: string }[];
  hidden: HiddenReason[];
  /** Offered when times are hidden: pick a time together and both confirm, outside the open slots. */
  byAgreement: { available: boolean; how: string } | null;
  sessionMinutes: number;
  zones: { member: string; guide: string };
  /** The first open slots in fair order: who takes a time at the edge of their day alternates. */
  suggested: { start: string; end: string }[];
  /** Past sessions at the edge of each person's day (before 08:00 or after 20:00 local). */
  balance: Balance;
};

export type SlotsRange = { from: Date; to: Date };

export function checkRange(range: SlotsRange): void {
  if (!(range.to > range.from)) throw new Problem(422, 'invalid-input', 'to: must be after from', 'to');
  if (range.to.getTime() - range.from.getTime() > MAX_SLOTS_RANGE_DAYS * MS_PER_DAY) {
    throw new Problem(422, 'invalid-input', `to: ask for at most ${MAX_SLOTS_RANGE_DAYS} days at once`, 'to');
  }
}

async function sessionMinutesOf(db: Db | Tx, rel: RelationshipRow): Promise<number> {
  const [agreement] = await db
    .select({ terms: agreements.terms })
    .from(agreements)
    .where(and(eq(agreements.relationshipId, rel.id), eq(agreements.status, 'accepted')))
    .orderBy(desc(agreements.version))
    .limit(1);
  return (agreement?.terms ?? defaultAgreementTerms(rel.kind)).sessionMinutes;
}

/** Scheduled sessions of either person in any of their relationships, around the range (for limits). */
export async function sessionsAround(db: Db | Tx, guideId: string, memberId: string, range: SlotsRange) {
  const parties = [guideId, memberId];
  const around = {
    from: new Date(range.from.getTime() - 8 * MS_PER_DAY),
    to: new Date(range.to.getTime() + 8 * MS_PER_DAY),
  };
  const rows = await db
    .select({ startsAt: sessions.startsAt, endsAt: sessions.endsAt, guideId: relationships.guideId })
    .from(sessions)
    .innerJoin(relationships, eq(relationships.id, sessions.relationshipId))
    .where(
      and(
        or(inArray(relationships.memberId, parties), inArray(relationships.guideId, parties)),
        inArray(sessions.status, ['scheduled', 'held']),
        lt(sessions.startsAt, around.to),
        gt(sessions.endsAt, around.from),
      ),
    );
  return rows.map((r) => ({
    start: r.startsAt.getTime(),
    end: r.endsAt.getTime(),
    guideIsHost: r.guideId === guideId,
  }));
}

export type SlotsQuery = {
  guideId: string;
  /** The other person: the member of the pair, or whoever asks for an intro. */
  otherId: string;
  range: SlotsRange;
  now: Date;
  /** Regular sessions keep the week ahead; an intro needs only the guide's own intro notice. */
  notice: 'regular' | 'intro';
  sessionMinutes: number;
  byAgreementHow: string;
};

// PRODUCT.md §2.5: regular sessions are booked a week ahead; an intro, with the notice its guide set.
function noticeMinutes(notice: SlotsQuery['notice'], rules: BookingRules): number {
  return notice === 'intro' ? rules.introMinNoticeHours * 60 : MIN_BOOKING_LEAD_DAYS * MINUTES_PER_DAY;
}

/** The open slots between a guide and one other person, failing closed on any unreadable calendar. */
export async function computeSlots(
  db: Db | Tx,
  query: SlotsQuery,
  busyReader: BusyReader = readBusy,
): Promise<Omit<SlotsAnswer, 'zones' | 'suggested' | 'balance'> & { zones: SlotsAnswer['zones'] }> {
  const people = await db
    .select({ id: user.id, name: user.name, timeZone: user.timeZone })
    .from(user)
    .where(inArray(user.id, [query.guideId, query.otherId]));
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? 'Someone';
  const [profile] = await db.select().from(guideProfiles).where(eq(guideProfiles.userId, query.guideId));
  const guideTimeZone = profile?.timeZone ?? people.find((p) => p.id === query.guideId)?.timeZone ?? 'UTC';
  const zones = {
    member: people.find((p) => p.id === query.otherId)?.timeZone ?? 'UTC',
    guide: guideTimeZone,
  };
  const availability = profile?.availability ?? [];
  const rules = await loadBookingRules(db, query.guideId);
  const busyWindow = {
    from: new Date(query.range.from.getTime() - MS_PER_DAY),
    to: new Date(query.range.to.getTime() + MS_PER_DAY),
  };
  const answer = await busyReader(db, [query.guideId, query.otherId], busyWindow, query.now);
  const hidden: HiddenReason[] = answer.unreadable.map((u) => ({
    who: nameOf(u.userId),
    userId: u.userId,
    reason: `We cannot read ${nameOf(u.userId)}’s ${u.calendarName} calendar: ${u.reason}`,
    calendarName: u.calendarName,
    since: u.since.toISOString(),
  }));
  if (availability.length === 0 || !isKnownTimeZone(guideTimeZone)) {
    hidden.push({
      who: nameOf(query.guideId),
      userId: query.guideId,
      reason: `${nameOf(query.guideId)} has not published any hours yet.`,
    });
  }
  const byAgreement = { available: true, how: query.byAgreementHow };
  // Fail closed: a time is offered only when Corner knows both people are free.
  if (hidden.length > 0) {
    return { slots: [], hidden, byAgreement, sessionMinutes: query.sessionMinutes, zones };
  }
  const busy: MsInterval[] = [];
  for (const id of [query.guideId, query.otherId]) {
    for (const b of answer.busy.get(id) ?? []) busy.push({ start: b.start.getTime(), end: b.end.getTime() });
  }
  const slots = openSlots({
    from: query.range.from.getTime(),
    to: query.range.to.getTime(),
    now: query.now.getTime(),
    guideTimeZone,
    availability,
    rules,
    minNoticeMinutes: noticeMinutes(query.notice, rules),
    sessionMinutes: query.sessionMinutes,
    busy,
    sessions: await sessionsAround(db, query.guideId, query.otherId, query.range),
  });
  return {
    slots: slots.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() })),
    hidden,
    byAgreement: null,
    sessionMinutes: query.sessionMinutes,
    zones,
  };
}

export async function relationshipSlotsQuery(
  db: Db | Tx,
  actor: Actor,
  relationshipId: string,
  range: SlotsRange,
  now: Date,
) {
  const { rel } = await loadWorkingRelationship(db, actor, relationshipId);
  if (!rel.guideId || !rel.memberId)
    throw new Problem(409, 'no-guide', 'This relationship has no guide yet.');
  const query: SlotsQuery = {
    guideId: rel.guideId,
    otherId: rel.memberId,
    range,
    now,
    notice: 'regular',
    sessionMinutes: await sessionMinutesOf(db, rel),
    byAgreementHow: `Propose a time with POST /api/v1/relationships/${rel.id}/session-proposals { start }; the session is booked only when the other person confirms it (POST …/session-proposals/{proposalId}/confirm).`,
  };
  return { rel, query };
}

/** GET /relationships/{id}/slots: only the two people of the pair may ask. */
export async function listRelationshipSlots(
  db: Db,
  actor: Actor,
  relationshipId: string,
  range: SlotsRange,
  now: Date,
  busyReader: BusyReader = readBusy,
): Promise<SlotsAnswer> {
  checkRange(range);
  const { rel, query } = await relationshipSlotsQuery(db, actor, relationshipId, range, now);
  const { zones, ...answer } = await computeSlots(db, query, busyReader);
  const past = await db
    .select({ startsAt: sessions.startsAt, endsAt: sessions.endsAt })
    .from(sessions)
    .where(and(eq(sessions.relationshipId, rel.id), inArray(sessions.status, ['scheduled', 'held'])));
  const balance = balanceOf(
    past.map((p) => ({ start: p.startsAt.getTime(), end: p.endsAt.getTime() })),
    zones,
  );
  const suggested = fairOrder(
    answer.slots.map((slot) => ({ start: Date.parse(slot.start), end: Date.parse(slot.end) })),
    zones,
    balance,
  )
    .slice(0, SUGGESTED_SLOTS)
    .map((slot) => ({ start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString() }));
  return { ...answer, zones, suggested, balance };
}
