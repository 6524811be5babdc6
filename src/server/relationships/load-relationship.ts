import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { relationships, user } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import { type RelationshipRole, relationshipPolicy } from '../policies/relationships';

export type RelationshipRow = typeof relationships.$inferSelect;
export type Person = { id: string; name: string; timeZone: string; email: string };

export async function loadRelationship(
  db: Db | Tx,
  actor: Actor,
  relationshipId: string,
): Promise<{ rel: RelationshipRow; role: RelationshipRole | null }> {
  const [rel] = await db.select().from(relationships).where(eq(relationships.id, relationshipId));
  if (!rel || !relationshipPolicy.canRead(actor, rel)) throw notFound('relationship');
  return { rel, role: relationshipPolicy.roleOf(actor, rel) };
}

// Sessions, notes, actions and messages need both people on board and the relationship still open.
// Locking the row keeps a concurrent close from slipping between the check and the write.
export async function loadWorkingRelationship(
  tx: Db | Tx,
  actor: Actor,
  relationshipId: string,
): Promise<{ rel: RelationshipRow; role: RelationshipRole }> {
  const [rel] = await tx
    .select()
    .from(relationships)
    .where(eq(relationships.id, relationshipId))
    .for('update');
  if (!rel || !relationshipPolicy.canRead(actor, rel)) throw notFound('relationship');
  const role = relationshipPolicy.roleOf(actor, rel);
  if (rel.status === 'closed') {
    throw new Problem(
      409,
      'relationship-closed',
      'This relationship is closed; nothing more can be added to it.',
    );
  }
  if (rel.status !== 'active' || role === null) {
    throw new Problem(
      409,
      'relationship-not-active',
      'This relationship has not started yet: the invitation has to be accepted first.',
    );
  }
  return { rel, role };
}

export async function loadPeople(db: Db | Tx, ids: (string | null)[]): Promise<Map<string, Person>> {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: user.id, name: user.name, timeZone: user.timeZone, email: user.email })
    .from(user)
    .where(inArray(user.id, wanted));
  return new Map(rows.map((row) => [row.id, row]));
}

export const otherPartyId = (rel: RelationshipRow, role: RelationshipRole): string | null =>
  role === 'member' ? rel.guideId : rel.memberId;
