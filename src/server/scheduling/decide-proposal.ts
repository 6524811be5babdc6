import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { sessionProposals } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import { recordNotification } from '../notifications/record-reminders';
import { sessionProposalPolicy } from '../policies/session-proposals';
import { loadPeople, loadWorkingRelationship, otherPartyId } from '../relationships/load-relationship';
import { acceptedTerms, insertSession } from '../sessions/schedule-session';
import { isOverlapViolation } from './book-slot';
import {
  type ProposalRow,
  type ProposalView,
  pairOf,
  presentProposal,
  proposedTimeProblems,
  timeFor,
  timeProblem,
} from './session-proposals';

type Decision = 'confirm' | 'decline' | 'withdraw';

const whoMay: Record<Decision, string> = {
  confirm: 'Only the person a time was proposed to can confirm it.',
  decline: 'Only the person a time was proposed to can decline it.',
  withdraw: 'Only the person who proposed a time can withdraw it.',
};

const closedAs: Record<ProposalRow['status'], string> = {
  open: 'open',
  confirmed: 'already confirmed',
  declined: 'declined',
  withdrawn: 'withdrawn',
};

// The pair (locked, so decisions of one pair run one after the other), the proposal, and the checks every
// decision shares: 404 outside the pair, 403 for the wrong one of the two, 409 once it is no longer open.
async function openProposal(
  tx: Tx,
  actor: Actor,
  relationshipId: string,
  proposalId: string,
  decision: Decision,
) {
  const { rel, role } = await loadWorkingRelationship(tx, actor, relationshipId);
  const [proposal] = await tx
    .select()
    .from(sessionProposals)
    .where(and(eq(sessionProposals.id, proposalId), eq(sessionProposals.relationshipId, rel.id)))
    .for('update');
  if (!proposal) throw notFound('proposed time');
  const allowed =
    decision === 'withdraw'
      ? sessionProposalPolicy.canWithdraw(actor, proposal)
      : sessionProposalPolicy.canDecide(actor, proposal);
  if (!allowed) throw new Problem(403, 'not-yours-to-decide', whoMay[decision]);
  if (proposal.status !== 'open') {
    throw new Problem(409, 'proposal-closed', `This proposed time was ${closedAs[proposal.status]}.`);
  }
  return { rel: pairOf(rel), role, proposal };
}

async function notify(
  tx: Tx,
  userId: string,
  proposal: ProposalRow,
  text: (time: string) => string,
  now: Date,
) {
  const [person] = (await loadPeople(tx, [userId])).values();
  await recordNotification(
    tx,
    {
      userId,
      key: `session-proposal:${proposal.id}:${proposal.status}`,
      kind: 'session-proposal',
      text: text(timeFor(proposal.startsAt, person?.timeZone ?? 'UTC')),
      link: `/relationships/${proposal.relationshipId}`,
    },
    now,
  );
}

const expired = () =>
  new Problem(409, 'proposal-expired', 'The proposed time has passed. Propose a new time instead.');

/**
 * The partner confirms: the session is booked in the same transaction, through the same insert as an
 * open slot, so the exclusion constraint decides a race with any other booking. On a clash nothing is
 * written and the proposal stays open (either of them may withdraw or decline it).
 */
export async function confirmProposal(
  db: Db,
  actor: Actor,
  relationshipId: string,
  proposalId: string,
  now: Date,
): Promise<{ proposal: ProposalView; sessionId: string }> {
  try {
    return await db.transaction(async (tx) => {
      const { rel, proposal } = await openProposal(tx, actor, relationshipId, proposalId, 'confirm');
      if (proposal.startsAt <= now) throw expired();
      const time = { start: proposal.startsAt, end: proposal.endsAt };
      const problems = await proposedTimeProblems(tx, rel, time, now, false);
      if (problems.length > 0) throw timeProblem(409, problems);
      const terms = await acceptedTerms(tx, rel);
      const { sessionId } = await insertSession(
        tx,
        actor,
        rel,
        terms,
        { ...time, timeZone: proposal.timeZone, meetingLink: null, place: null, agendaTopic: '' },
        now,
      );
      const [confirmed] = await tx
        .update(sessionProposals)
        .set({ status: 'confirmed', sessionId, decidedAt: now })
        .where(eq(sessionProposals.id, proposal.id))
        .returning();
      if (!confirmed) throw new Error('update returned no proposal');
      const [me] = (await loadPeople(tx, [actor.userId])).values();
      await notify(
        tx,
        proposal.proposedBy,
        confirmed,
        (at) => `${me?.name ?? 'Your partner'} confirmed your proposed session on ${at}. It is booked.`,
        now,
      );
      const [proposer] = (await loadPeople(tx, [proposal.proposedBy])).values();
      return { proposal: presentProposal(confirmed, actor, proposer?.name ?? '', now), sessionId };
    });
  } catch (error) {
    if (isOverlapViolation(error)) {
      throw new Problem(
        409,
        'clash',
        'Another session was just booked at this time, so this one cannot be. Propose another time.',
        'start',
      );
    }
    throw error;
  }
}

/** The partner declines, or the proposer withdraws: the proposal closes and the other one is told. */
export async function closeProposal(
  db: Db,
  actor: Actor,
  relationshipId: string,
  proposalId: string,
  decision: 'decline' | 'withdraw',
  now: Date,
): Promise<ProposalView> {
  return db.transaction(async (tx) => {
    const { rel, role, proposal } = await openProposal(tx, actor, relationshipId, proposalId, decision);
    if (decision === 'decline' && proposal.startsAt <= now) throw expired();
    const [closed] = await tx
      .update(sessionProposals)
      .set({ status: decision === 'decline' ? 'declined' : 'withdrawn', decidedAt: now })
      .where(eq(sessionProposals.id, proposal.id))
      .returning();
    if (!closed) throw new Error('update returned no proposal');
    const people = await loadPeople(tx, [actor.userId, proposal.proposedBy]);
    const myName = people.get(actor.userId)?.name ?? 'Your partner';
    const otherId = otherPartyId(rel, role) ?? proposal.proposedBy;
    await notify(
      tx,
      otherId,
      closed,
      decision === 'decline'
        ? (at) => `${myName} declined your proposed session on ${at}. Propose another time.`
        : (at) => `${myName} withdrew the proposed session on ${at}.`,
      now,
    );
    return presentProposal(closed, actor, people.get(proposal.proposedBy)?.name ?? '', now);
  });
}
