import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { guideProfiles, relationships, user } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import { countHeldSeats } from './guide-seats';
import { hashToken } from './invite-to-relationship';
import type { RelationshipRow } from './load-relationship';

// An invitation is reached by its link's token, or — for the invited address itself, from "my
// invitations" — by the relationship's id (only the token's hash is stored, so it cannot be listed).
export type InvitationRef = { token: string } | { relationshipId: string };

async function byToken(db: Db | Tx, token: string, lock: boolean): Promise<RelationshipRow> {
  return findInvitation(db, { token }, lock);
}

async function findInvitation(db: Db | Tx, ref: InvitationRef, lock: boolean): Promise<RelationshipRow> {
  const query = db
    .select()
    .from(relationships)
    .where(
      'token' in ref
        ? eq(relationships.inviteTokenHash, hashToken(ref.token))
        : and(eq(relationships.id, ref.relationshipId), ne(relationships.status, 'proposed')),
    );
  const [rel] = lock ? await query.for('update') : await query;
  if (!rel) throw notFound('invitation');
  return rel;
}

const inviteeRole = (rel: RelationshipRow) => (rel.memberId === null ? 'member' : 'guide');

// Readable without an account: the link itself is the permission, and it shows no more than the mail did.
export async function previewInvitation(db: Db, token: string) {
  const rel = await byToken(db, token, false);
  const [inviter] = await db.select({ name: user.name }).from(user).where(eq(user.id, rel.invitedBy));
  return {
    status: rel.status,
    inviterName: inviter?.name ?? 'Someone',
    inviteeRole: inviteeRole(rel),
    kind: rel.kind,
    framing: rel.framing,
    message: rel.inviteMessage,
    anyoneWithLink: rel.openToAnyone,
  } as const;
}

function assertOpen(rel: RelationshipRow, actor: Actor, ref: InvitationRef) {
  if (rel.invitedBy === actor.userId) {
    throw new Problem(409, 'own-invitation', 'This is your own invitation; the other person answers it.');
  }
  const forMe = rel.inviteeEmail === actor.email.toLowerCase();
  // By id there is no link to hold: only the invited address may answer, and others learn nothing.
  if (!forMe && !('token' in ref)) throw notFound('invitation');
  if (!forMe && !rel.openToAnyone) {
    throw new Problem(
      403,
      'invitation-for-another-address',
      'This invitation was sent to another email address. Sign in with the address it was sent to, or ask the person who invited you to invite this one.',
    );
  }
  if (rel.status !== 'invited') {
    throw new Problem(409, 'invitation-answered', `This invitation was already answered (${rel.status}).`);
  }
}

// A guide who set a capacity in their profile takes no more active relationships than that; the profile
// row is locked so two acceptances at once cannot both take the last place.
async function assertGuideHasRoom(tx: Tx, guideId: string): Promise<void> {
  const [profile] = await tx
    .select({ capacity: guideProfiles.capacity })
    .from(guideProfiles)
    .where(eq(guideProfiles.userId, guideId))
    .for('update');
  if (!profile) return;
  const held = (await countHeldSeats(tx, [guideId])).get(guideId) ?? 0;
  if (held >= profile.capacity) {
    throw new Problem(
      409,
      'guide-at-capacity',
      `You already guide or are proposed to ${held} ${held === 1 ? 'person' : 'people'}, your capacity is ${profile.capacity}. Raise your capacity in your guide profile or close a relationship first.`,
    );
  }
}

export async function acceptInvitation(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  ref: InvitationRef,
  now: Date,
): Promise<{ relationshipId: string }> {
  const { rel, inviterEmail } = await db.transaction(async (tx) => {
    const found = await findInvitation(tx, ref, true);
    assertOpen(found, actor, ref);
    const role = inviteeRole(found);
    if (role === 'guide') await assertGuideHasRoom(tx, actor.userId);
    await tx
      .update(relationships)
      .set({
        status: 'active',
        acceptedAt: now,
        startDate: found.startDate ?? now.toISOString().slice(0, 10),
        ...(role === 'member' ? { memberId: actor.userId } : { guideId: actor.userId }),
      })
      .where(eq(relationships.id, found.id));
    const [inviter] = await tx.select({ email: user.email }).from(user).where(eq(user.id, found.invitedBy));
    return { rel: found, inviterEmail: inviter?.email ?? null };
  });
  if (inviterEmail) {
    await mailer.send({
      to: inviterEmail,
      subject: `${actor.name} accepted your invitation`,
      text: `${actor.name} accepted your ${rel.kind} invitation on Corner. Next: agree how you will work together.`,
    });
  }
  return { relationshipId: rel.id };
}

export async function declineInvitation(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  ref: InvitationRef,
  reason: string,
  now: Date,
): Promise<void> {
  const inviterEmail = await db.transaction(async (tx) => {
    const found = await findInvitation(tx, ref, true);
    assertOpen(found, actor, ref);
    await tx
      .update(relationships)
      .set({ status: 'declined', declineReason: reason, declinedBy: actor.userId, closedAt: now })
      .where(eq(relationships.id, found.id));
    const [inviter] = await tx.select({ email: user.email }).from(user).where(eq(user.id, found.invitedBy));
    return inviter?.email ?? null;
  });
  if (inviterEmail) {
    await mailer.send({
      to: inviterEmail,
      subject: `${actor.name} declined your invitation`,
      text: `${actor.name} declined your invitation on Corner. Their reason: ${reason}`,
    });
  }
}
