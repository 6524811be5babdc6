import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { relationships } from '../db/schema';
import { Problem } from '../http/problem';

// Sharing a request with "the guide" names one relationship of mine as the member, which has started:
// only that relationship's guide reads it. Unsharing clears it.
export async function sharingRelationship(
  tx: Db | Tx,
  actor: Actor,
  input: { sharedWithGuide: boolean; relationshipId?: string | null | undefined },
): Promise<string | null> {
  if (!input.sharedWithGuide) return null;
  if (!input.relationshipId) {
    throw new Problem(
      422,
      'relationship-required',
      'Say which relationship’s guide may read this request: you may have more than one guide.',
      'relationshipId',
    );
  }
  const [rel] = await tx
    .select({ id: relationships.id })
    .from(relationships)
    .where(
      and(
        eq(relationships.id, input.relationshipId),
        eq(relationships.memberId, actor.userId),
        inArray(relationships.status, ['active', 'closed']),
      ),
    );
  if (!rel) {
    throw new Problem(
      422,
      'unknown-relationship',
      'Pick one of your relationships as a member that has started.',
      'relationshipId',
    );
  }
  return rel.id;
}
