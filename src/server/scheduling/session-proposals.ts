import { and, asc, eq, gt } from 'drizzle-orm';
import { checkProposedTime, type ProposedTimeProblem } from '../../domain/scheduling/proposed-time';
import { isKnownTimeZone } from '../../domain/sessions/availability';
import { MAX_OPEN_SESSION_PROPOSALS } from '../../domain/settings/scheduling';
import { MIN_BOOKING_LEAD_DAYS } from '../../domain/settings/sessions';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { guideProfiles, sessionProposals, user } from '../db/schema';
import { Problem } from '../http/problem';
import { recordNotification } from '../notifications/record-reminders';
import {
  loadPeople,
  loadRelationship,
  loadWorkingRelationship,
  otherPartyId,
  type RelationshipRow,
} from '../relationships/load-relationship';
import { acceptedTerms } from '../sessions/schedule-session';
import { loadBookingRules } from './booking-rules';
import { sessionsAround } from './list-slots';

export type ProposalRow = typeof sessionProposals.$inferSelect;
export type ProposalStatus = ProposalRow['status'] | 'expired';

export type ProposalView = {
  id: string;
  relationshipId: string;
  proposedBy: { id: string; name: string };
  start: string;
  end: string;
  status: ProposalStatus;
  sessionId: string | null;
  createdAt: string;
  decidedAt: string | null;
  /** Whether the viewer may confirm or decline it (the partner of the proposer, while it is open). */
  canDecide: boolean;
  canWithdraw: boolean;
};

const statusAt = (row: ProposalRow, now: Date): ProposalStatus =>
  row.status === 'open' && row.startsAt <= now ? 'expired' : row.status;

export function presentProposal(
  row: ProposalRow,
  actor: Actor,
  proposerName: string,
  now: Date,
): ProposalView {
  const status = statusAt(row, now);
  return {
    id: row.id,
    relationshipId: row.relationshipId,
    proposedBy: { id: row.proposedBy, name: proposerName },
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    status,
    sessionId: row.sessionId,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    canDecide: status === 'open' && row.proposedBy !== actor.userId,
    canWithdraw: status === 'open' && row.proposedBy === actor.userId,
  };
}

/** A notification's time, in the reader's own zone. */
export function timeFor(at: Date, timeZone: string): string {
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const text = new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'full', timeStyle: 'short' });
  return `${text.format(at)} (${zone})`;
}

/**
 * The rules a proposed time is held to, none of which needs a calendar: `withNotice` at proposal time;
 * a confirmation skips the notice (both have now agreed, and the notice held when it was proposed).
 */
export async function proposedTimeProblems(
  tx: Db | Tx,
  rel: RelationshipRow & { guideId: string; memberId: string },
  time: { start: Date; end: Date },
  now: Date,
  withNotice: boolean,
): Promise<ProposedTimeProblem[]> {
  const [profile] = await tx.select().from(guideProfiles).where(eq(guideProfiles.userId, rel.guideId));
  const [guide] = await tx.select({ timeZone: user.timeZone }).from(user).where(eq(user.id, rel.guideId));
  const zone = profile?.timeZone ?? guide?.timeZone ?? 'UTC';
  return checkProposedTime({
    start: time.start.getTime(),
    end: time.end.getTime(),
    now: now.getTime(),
    guideTimeZone: isKnownTimeZone(zone) ? zone : 'UTC',
    availability: profile?.availability ?? [],
    rules: await loadBookingRules(tx, rel.guideId),
    minNoticeMinutes: withNotice ? MIN_BOOKING_LEAD_DAYS * 24 * 60 : null,
    sessions: await sessionsAround(tx, rel.guideId, rel.memberId, { from: time.start, to: time.end }),
  });
}

export function pairOf(rel: RelationshipRow): RelationshipRow & { guideId: string; memberId: string } {
  const { guideId, memberId } = rel;
  if (!guideId || !memberId) throw new Problem(409, 'no-guide', 'This relationship has no guide yet.');
  return { ...rel, guideId, memberId };
}

export const timeProblem = (status: 409 | 422, problems: ProposedTimeProblem[]) => {
  const [first, ...rest] = problems;
  return new Problem(
    status,
    first?.code ?? 'invalid-input',
    [first, ...rest].map((p) => p?.message).join(' '),
    'start',
    problems.map((p) => ({ field: 'start', message: p.message })),
  );
};

/** POST /relationships/{id}/session-proposals: one of the pair proposes a time; the other is notified. */
export async function proposeSession(
  db: Db,
  actor: Actor,
  relationshipId: string,
  input: { start: string },
  now: Date,
): Promise<ProposalView> {
  const start = new Date(input.start);
  return db.transaction(async (tx) => {
    // Locks the pair's row: two proposals of one pair are written one after the other.
    const { rel: row, role } = await loadWorkingRelationship(tx, actor, relationshipId);
    const rel = pairOf(row);
    const terms = await acceptedTerms(tx, rel);
    const end = new Date(start.getTime() + terms.sessionMinutes * 60_000);
    const problems = await proposedTimeProblems(tx, rel, { start, end }, now, true);
    if (problems.length > 0) throw timeProblem(422, problems);
    const open = await tx
      .select({ startsAt: sessionProposals.startsAt })
      .from(sessionProposals)
      .where(
        and(
          eq(sessionProposals.relationshipId, rel.id),
          eq(sessionProposals.status, 'open'),
          gt(sessionProposals.startsAt, now),
        ),
      );
    if (open.some((p) => p.startsAt.getTime() === start.getTime())) {
      throw new Problem(
        409,
        'proposal-exists',
        'This time is already proposed; it waits for an answer.',
        'start',
      );
    }
    if (open.length >= MAX_OPEN_SESSION_PROPOSALS) {
      throw new Problem(
        409,
        'too-many-proposals',
        `You have ${open.length} proposed times waiting for an answer. Withdraw one before proposing another.`,
        'start',
      );
    }
    // An expired proposal at the same start would hold the unique index: it is closed as withdrawn.
    await tx
      .update(sessionProposals)
      .set({ status: 'withdrawn', decidedAt: now })
      .where(
        and(
          eq(sessionProposals.relationshipId, rel.id),
          eq(sessionProposals.status, 'open'),
          eq(sessionProposals.startsAt, start),
        ),
      );
    const [proposal] = await tx
      .insert(sessionProposals)
      .values({
        relationshipId: rel.id,
        proposedBy: actor.userId,
        startsAt: start,
        endsAt: end,
        timeZone: actor.timeZone,
        createdAt: now,
      })
      .returning();
    if (!proposal) throw new Error('insert returned no proposal');
    const partnerId = otherPartyId(rel, role) ?? rel.guideId;
    const people = await loadPeople(tx, [actor.userId, partnerId]);
    const proposer = people.get(actor.userId)?.name ?? 'Your partner';
    await recordNotification(
      tx,
      {
        userId: partnerId,
        key: `session-proposal:${proposal.id}`,
        kind: 'session-proposal',
        text: `${proposer} proposes a session on ${timeFor(start, people.get(partnerId)?.timeZone ?? 'UTC')}. Confirm or decline it on your relationship page.`,
        link: `/relationships/${rel.id}`,
        expiresAt: start,
      },
      now,
    );
    return presentProposal(proposal, actor, proposer, now);
  });
}

/** GET /relationships/{id}/session-proposals: the open proposals whose start has not passed. */
export async function listSessionProposals(
  db: Db,
  actor: Actor,
  relationshipId: string,
  now: Date,
): Promise<{ proposals: ProposalView[] }> {
  const { rel, role } = await loadRelationship(db, actor, relationshipId);
  // An invitation's inviter can read the relationship; proposals are the pair's alone.
  if (role === null) throw new Problem(404, 'not-found', 'No relationship with that id.');
  const rows = await db
    .select({ proposal: sessionProposals, name: user.name })
    .from(sessionProposals)
    .innerJoin(user, eq(user.id, sessionProposals.proposedBy))
    .where(
      and(
        eq(sessionProposals.relationshipId, rel.id),
        eq(sessionProposals.status, 'open'),
        gt(sessionProposals.startsAt, now),
      ),
    )
    .orderBy(asc(sessionProposals.startsAt));
  return { proposals: rows.map((r) => presentProposal(r.proposal, actor, r.name, now)) };
}
