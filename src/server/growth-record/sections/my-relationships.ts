import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { relationships } from '../../db/schema';
import type { RelationshipRole } from '../../policies/relationships';
import type { RelationshipRow } from '../../relationships/load-relationship';

// The relationships a record covers: those the person took part in, as member or guide, that started.
// An invitation never accepted (or declined) holds no shared history, so it stays out.
export async function myRelationships(db: Db, userId: string): Promise<RelationshipRow[]> {
  return db
    .select()
    .from(relationships)
    .where(
      and(
        or(eq(relationships.memberId, userId), eq(relationships.guideId, userId)),
        inArray(relationships.status, ['active', 'closed']),
      ),
    );
}

/** The side a person was on, or null for someone who was not in the relationship (a deleted account). */
export const sideOf = (rel: RelationshipRow, personId: string | null): RelationshipRole | null =>
  personId === null ? null : rel.memberId === personId ? 'member' : rel.guideId === personId ? 'guide' : null;

export const roles = ['member', 'guide'] as const;
