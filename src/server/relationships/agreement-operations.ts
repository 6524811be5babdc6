import { and, desc, eq } from 'drizzle-orm';
import type { AgreementTerms } from '../../domain/agreements/agreement-terms';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { agreements, coachingPlans } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import { loadWorkingRelationship } from './load-relationship';

// A proposal replaces any earlier open one: only the latest wording can be accepted, so nobody
// accepts terms the other side has already revised.
export async function proposeAgreement(
  db: Db,
  actor: Actor,
  relationshipId: string,
  terms: AgreementTerms,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await loadWorkingRelationship(tx, actor, relationshipId);
    const [latest] = await tx
      .select({ version: agreements.version })
      .from(agreements)
      .where(eq(agreements.relationshipId, relationshipId))
      .orderBy(desc(agreements.version))
      .limit(1);
    await tx
      .update(agreements)
      .set({ status: 'withdrawn' })
      .where(and(eq(agreements.relationshipId, relationshipId), eq(agreements.status, 'proposed')));
    await tx.insert(agreements).values({
      relationshipId,
      version: (latest?.version ?? 0) + 1,
      terms,
      status: 'proposed',
      proposedBy: actor.userId,
      proposedAt: now,
    });
  });
}

export async function acceptAgreement(
  db: Db,
  actor: Actor,
  relationshipId: string,
  version: number,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await loadWorkingRelationship(tx, actor, relationshipId);
    const [row] = await tx
      .select()
      .from(agreements)
      .where(and(eq(agreements.relationshipId, relationshipId), eq(agreements.version, version)))
      .for('update');
    if (!row) throw notFound('agreement version');
    if (row.status === 'accepted') {
      throw new Problem(409, 'agreement-already-accepted', `Version ${version} is already accepted.`);
    }
    if (row.status !== 'proposed') {
      throw new Problem(
        409,
        'agreement-not-open',
        `Version ${version} was replaced by a newer proposal; read and accept the latest one.`,
      );
    }
    if (row.proposedBy === actor.userId) {
      throw new Problem(409, 'own-proposal', 'The other person accepts what you proposed, not you.');
    }
    await tx
      .update(agreements)
      .set({ status: 'superseded' })
      .where(and(eq(agreements.relationshipId, relationshipId), eq(agreements.status, 'accepted')));
    await tx
      .update(agreements)
      .set({ status: 'accepted', acceptedBy: actor.userId, acceptedAt: now })
      .where(eq(agreements.id, row.id));
  });
}

// Each save is a new version; focus areas keep the version they first appeared in, so areas added
// after the first plan show up as the member outgrowing it.
export async function saveCoachingPlan(
  db: Db,
  actor: Actor,
  relationshipId: string,
  input: { assessment: string; focusAreas: string[] },
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await loadWorkingRelationship(tx, actor, relationshipId);
    const [latest] = await tx
      .select()
      .from(coachingPlans)
      .where(eq(coachingPlans.relationshipId, relationshipId))
      .orderBy(desc(coachingPlans.version))
      .limit(1);
    const version = (latest?.version ?? 0) + 1;
    const known = new Map(
      (latest?.focusAreas ?? []).map((area) => [area.title.toLowerCase(), area.addedInVersion]),
    );
    const titles = [...new Set(input.focusAreas)];
    await tx.insert(coachingPlans).values({
      relationshipId,
      version,
      assessment: input.assessment,
      focusAreas: titles.map((title) => ({
        title,
        addedInVersion: known.get(title.toLowerCase()) ?? version,
      })),
      authorId: actor.userId,
      createdAt: now,
    });
  });
}
