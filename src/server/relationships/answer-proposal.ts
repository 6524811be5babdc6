import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { agreements, relationships } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import { relationshipPolicy } from '../policies/relationships';
import { loadPeople, type RelationshipRow } from './load-relationship';

async function loadProposal(tx: Tx, actor: Actor, relationshipId: string) {
  const [rel] = await tx
    .select()
    .from(relationships)
    .where(eq(relationships.id, relationshipId))
    .for('update');
  const role = rel ? relationshipPolicy.roleOf(actor, rel) : null;
  if (!rel || role === null) throw notFound('relationship');
  if (rel.status !== 'proposed') {
    throw new Problem(409, 'proposal-answered', `This proposal was already answered (${rel.status}).`);
  }
  return { rel, role };
}

async function mailBoth(mailer: Mailer, db: Db, rel: RelationshipRow, text: (other: string) => string) {
  const people = await loadPeople(db, [rel.memberId, rel.guideId]);
  const member = rel.memberId ? people.get(rel.memberId) : undefined;
  const guide = rel.guideId ? people.get(rel.guideId) : undefined;
  if (!member || !guide) return;
  for (const [to, other] of [
    [member, guide],
    [guide, member],
  ] as const) {
    await mailer.send({
      to: to.email,
      subject: `Your ${rel.kind} relationship with ${other.name}`,
      text: text(other.name),
    });
  }
}

// A program proposes, each person decides. The relationship starts only when both have accepted; the
// second "yes" also accepts the cohort's agreement proposed with it, which both read before answering.
export async function acceptProposal(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  relationshipId: string,
  now: Date,
): Promise<{ started: boolean }> {
  const { rel, started } = await db.transaction(async (tx) => {
    const { rel, role } = await loadProposal(tx, actor, relationshipId);
    const memberAcceptedAt = role === 'member' ? (rel.memberAcceptedAt ?? now) : rel.memberAcceptedAt;
    const guideAcceptedAt = role === 'guide' ? (rel.guideAcceptedAt ?? now) : rel.guideAcceptedAt;
    const both = memberAcceptedAt !== null && guideAcceptedAt !== null;
    await tx
      .update(relationships)
      .set({
        memberAcceptedAt,
        guideAcceptedAt,
        ...(both ? { status: 'active' as const, acceptedAt: now } : {}),
      })
      .where(eq(relationships.id, rel.id));
    if (both) {
      await tx
        .update(agreements)
        .set({ status: 'accepted', acceptedBy: actor.userId, acceptedAt: now })
        .where(
          and(
            eq(agreements.relationshipId, rel.id),
            eq(agreements.version, 1),
            eq(agreements.status, 'proposed'),
          ),
        );
    }
    return { rel, started: both };
  });
  if (started) {
    await mailBoth(
      mailer,
      db,
      rel,
      (other) => `You and ${other} both accepted: your relationship has started, on the program's agreement.`,
    );
  }
  return { started };
}

// Declining ends the proposal. The reason is kept for the person who declined only: it often says
// something about the other person or one's own situation, which neither the other side nor the
// program admin needs in order to propose someone else — they see that it was declined, not why.
export async function declineProposal(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  relationshipId: string,
  reason: string,
  now: Date,
): Promise<void> {
  const rel = await db.transaction(async (tx) => {
    const { rel } = await loadProposal(tx, actor, relationshipId);
    await tx
      .update(relationships)
      .set({ status: 'declined', declineReason: reason, declinedBy: actor.userId, closedAt: now })
      .where(eq(relationships.id, rel.id));
    await tx
      .update(agreements)
      .set({ status: 'withdrawn' })
      .where(and(eq(agreements.relationshipId, rel.id), eq(agreements.status, 'proposed')));
    return rel;
  });
  await mailBoth(
    mailer,
    db,
    rel,
    (other) =>
      `The proposed ${rel.kind} relationship between you and ${other} was declined, so it will not start. Your program may propose someone else.`,
  );
}
