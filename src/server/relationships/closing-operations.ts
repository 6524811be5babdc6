import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { problemReports, reflections, relationships } from '../db/schema';
import { Problem } from '../http/problem';
import { loadRelationship, loadWorkingRelationship } from './load-relationship';
import type { ReflectionInput } from './schemas';

const onlyFor: Partial<Record<ReflectionInput['kind'], 'member' | 'guide'>> = {
  'guide-self': 'guide',
  'member-view': 'member',
};

// Reflections are also welcome after the relationship closed: the retrospective often comes last.
export async function addReflection(
  db: Db,
  actor: Actor,
  relationshipId: string,
  input: ReflectionInput,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { rel, role } = await loadRelationship(tx, actor, relationshipId);
    if (role === null || (rel.status !== 'active' && rel.status !== 'closed')) {
      throw new Problem(
        409,
        'relationship-not-active',
        'Reflections start once the relationship has started.',
      );
    }
    const requiredRole = onlyFor[input.kind];
    if (requiredRole && requiredRole !== role) {
      throw new Problem(422, 'wrong-side', `Only the ${requiredRole} answers this reflection.`, 'kind');
    }
    const inserted = await tx
      .insert(reflections)
      .values({
        relationshipId,
        authorId: actor.userId,
        kind: input.kind,
        answers: input.answers,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: reflections.id });
    if (inserted.length === 0) {
      throw new Problem(409, 'already-answered', 'You have already answered this reflection.');
    }
  });
}

export async function closeRelationship(db: Db, actor: Actor, relationshipId: string, now: Date) {
  await db.transaction(async (tx) => {
    await loadWorkingRelationship(tx, actor, relationshipId);
    await tx
      .update(relationships)
      .set({ status: 'closed', closedAt: now })
      .where(eq(relationships.id, relationshipId));
  });
}

// Stored for the program admin to review; either side can report, also after closing.
export async function reportProblem(
  db: Db,
  actor: Actor,
  relationshipId: string,
  input: { kind: 'no-show' | 'misconduct' | 'other'; details: string },
  now: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const { role } = await loadRelationship(tx, actor, relationshipId);
    if (role === null) throw new Problem(409, 'relationship-not-active', 'The relationship has not started.');
    const [row] = await tx
      .insert(problemReports)
      .values({
        relationshipId,
        reporterId: actor.userId,
        kind: input.kind,
        details: input.details,
        createdAt: now,
      })
      .returning({ id: problemReports.id });
    if (!row) throw new Error('insert returned no report');
    return row;
  });
}
