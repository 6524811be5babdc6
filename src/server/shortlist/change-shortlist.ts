import { and, count, eq } from 'drizzle-orm';
import { SHORTLIST_MAX_CANDIDATES } from '../../domain/settings/fit';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { shortlistEntries } from '../db/schema';
import { loadGuide } from '../guide-profiles/get-guide-profile';
import { notFound, Problem } from '../http/problem';
import { getShortlist } from './get-shortlist';
import type { ShortlistView } from './schemas';

// The method asks for 3–5 candidates: the cap is enforced so comparing stays possible.
export async function addToShortlist(
  db: Db,
  actor: Actor,
  guideId: string,
  now: Date,
): Promise<ShortlistView> {
  if (guideId === actor.userId) throw notFound('guide');
  const guide = await loadGuide(db, guideId);
  if (guide.profile.status !== 'active') throw notFound('guide');
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(shortlistEntries)
      .where(and(eq(shortlistEntries.memberId, actor.userId), eq(shortlistEntries.guideId, guideId)));
    if (existing) return;
    const [size] = await tx
      .select({ value: count() })
      .from(shortlistEntries)
      .where(eq(shortlistEntries.memberId, actor.userId));
    if ((size?.value ?? 0) >= SHORTLIST_MAX_CANDIDATES) {
      throw new Problem(
        409,
        'shortlist-full',
        `Your shortlist already has ${SHORTLIST_MAX_CANDIDATES} candidates. Remove one before adding another.`,
        'guideId',
      );
    }
    await tx.insert(shortlistEntries).values({ memberId: actor.userId, guideId, createdAt: now });
  });
  return getShortlist(db, actor, now);
}

export async function removeFromShortlist(
  db: Db,
  actor: Actor,
  guideId: string,
  now: Date,
): Promise<ShortlistView> {
  await db
    .delete(shortlistEntries)
    .where(and(eq(shortlistEntries.memberId, actor.userId), eq(shortlistEntries.guideId, guideId)));
  return getShortlist(db, actor, now);
}
