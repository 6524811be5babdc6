import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { relationships, user } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import { type RelationshipRole, relationshipPolicy } from '../policies/relationships';

export type RelationshipRow = typeof relationships.$inferSelect;
export type Person = { id: string; name: string; timeZone: string; email: string };

// Content of the pair (feedback, journal, messages, sessions, actions, report) is read through here, so
// a proposal both have not accepted yields nothing of it. Only the relationship page itself passes
// `proposal: true`, to show what is being proposed and let the person answer.
export async function loadRelationship(
  db: Db | Tx,
  actor: Actor,
  relationshipId: string,
  options: { proposal?: boolean } = {},
): Promise<{ rel: RelationshipRow; role: RelationshipRole | null }> {
  const [rel] = await db.select().from(relationships).where(eq(relationships.id, relationshipId));
  if (!rel || !relationshipPolicy.canRead(actor, rel)) throw notFound('relationship');
  if (!options.proposal && relationshipPolicy.awaitsConsent(rel)) throw notAgreedYet(rel);
  return { rel, role: relationshipPolicy.roleOf(actor, rel) };
}

export const notAgreedYet = (rel: RelationshipRow) =>
  rel.status === 'declined'
    ? new Problem(409, 'relationship-declined', 'This proposed relationship was declined; nothing is shared.')
    : new Problem(
        409,
        'relationship-not-accepted',
        'This relationship is only proposed: nothing is shared until both of you accept it.',
      );

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
  if (relationshipPolicy.awaitsConsent(rel)) throw notAgreedYet(rel);
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
