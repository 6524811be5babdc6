import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { AgreementTerms } from '../../domain/agreements/agreement-terms';
import { INVITE_TOKEN_BYTES } from '../../domain/settings/relationships';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { agreements, goals, relationshipGoals, relationships } from '../db/schema';
import { Problem } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import type { InviteInput } from './schemas';

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

// The link works for someone without an account: only its hash is stored, so a database leak does not
// hand out working invitations. The mail goes out only after the relationship is committed.
export async function inviteToRelationship(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  input: InviteInput,
  now: Date,
  baseUrl: string,
  // Terms proposed with the invitation (choosing a guide from the directory prefills them); the other
  // side accepts them like any proposal once they have accepted the invitation.
  proposedTerms?: AgreementTerms,
): Promise<{ relationshipId: string; token: string }> {
  if (input.inviteeEmail.toLowerCase() === actor.email.toLowerCase()) {
    throw new Problem(
      422,
      'invite-yourself',
      'Invite someone else: you cannot be on both sides.',
      'inviteeEmail',
    );
  }
  if (input.myRole === 'guide' && input.goalIds.length > 0) {
    throw new Problem(
      422,
      'goals-belong-to-member',
      'Only the member links goals: they are the member’s own.',
      'goalIds',
    );
  }
  const token = crypto.randomBytes(INVITE_TOKEN_BYTES).toString('base64url');
  const relationshipId = await db.transaction(async (tx) => {
    if (input.goalIds.length > 0) {
      const owned = await tx
        .select({ id: goals.id })
        .from(goals)
        .where(and(inArray(goals.id, input.goalIds), eq(goals.userId, actor.userId)));
      if (owned.length !== new Set(input.goalIds).size) {
        throw new Problem(422, 'not-your-goal', 'Link only your own goals.', 'goalIds');
      }
    }
    const [rel] = await tx
      .insert(relationships)
      .values({
        memberId: input.myRole === 'member' ? actor.userId : null,
        guideId: input.myRole === 'guide' ? actor.userId : null,
        invitedBy: actor.userId,
        inviteeEmail: input.inviteeEmail.toLowerCase(),
        inviteTokenHash: hashToken(token),
        inviteMessage: input.message,
        openToAnyone: input.anyoneWithLink,
        kind: input.kind,
        framing: input.framing,
        startDate: input.startDate,
        plannedEndDate: input.plannedEndDate,
        createdAt: now,
      })
      .returning({ id: relationships.id });
    if (!rel) throw new Error('insert returned no relationship');
    if (proposedTerms) {
      await tx.insert(agreements).values({
        relationshipId: rel.id,
        version: 1,
        terms: proposedTerms,
        status: 'proposed',
        proposedBy: actor.userId,
        proposedAt: now,
      });
    }
    const goalIds = [...new Set(input.goalIds)];
    if (goalIds.length > 0) {
      await tx
        .insert(relationshipGoals)
        .values(goalIds.map((goalId) => ({ relationshipId: rel.id, goalId })));
    }
    return rel.id;
  });
  const link = `${baseUrl}/invitations/${token}`;
  const theirRole = input.myRole === 'member' ? 'guide' : 'member';
  await mailer.send({
    to: input.inviteeEmail,
    subject: `${actor.name} invites you to a ${input.kind} relationship on Corner`,
    text: [
      `${actor.name} would like you to be their ${theirRole === 'guide' ? 'guide' : 'partner'} in a ${input.kind} relationship.`,
      input.message ? `\nTheir message:\n${input.message}\n` : '',
      input.anyoneWithLink
        ? `Open this link to read the invitation, create an account if you need one, and accept or decline:`
        : `Open this link to read the invitation and accept or decline. Sign in (or create your account) with this address, ${input.inviteeEmail}: the invitation is for it only.`,
      link,
    ].join('\n'),
  });
  return { relationshipId, token };
}
