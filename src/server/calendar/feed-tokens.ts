import crypto from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { calendarFeedTokens } from '../db/schema';

const TOKEN_BYTES = 32;
/** base64url of 32 bytes, so anything else is refused before touching the database. */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export type FeedStatus = { active: boolean; createdAt: string | null };

export async function getFeedStatus(db: Db, actor: Actor): Promise<FeedStatus> {
  const [active] = await db
    .select({ createdAt: calendarFeedTokens.createdAt })
    .from(calendarFeedTokens)
    .where(and(eq(calendarFeedTokens.userId, actor.userId), isNull(calendarFeedTokens.revokedAt)))
    .orderBy(desc(calendarFeedTokens.createdAt))
    .limit(1);
  return { active: active !== undefined, createdAt: active ? active.createdAt.toISOString() : null };
}

/**
 * Creates the person's feed link, revoking any earlier one (rotation). The token itself is returned
 * this once and only its hash is stored: a lost link is replaced, never shown again.
 */
export async function rotateFeedToken(
  db: Db,
  actor: Actor,
  now: Date,
): Promise<{ token: string; createdAt: string }> {
  const token = crypto.randomBytes(TOKEN_BYTES).toString('base64url');
  await db.transaction(async (tx) => {
    await tx
      .update(calendarFeedTokens)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeedTokens.userId, actor.userId), isNull(calendarFeedTokens.revokedAt)));
    await tx
      .insert(calendarFeedTokens)
      .values({ userId: actor.userId, tokenHash: hashToken(token), createdAt: now });
  });
  return { token, createdAt: now.toISOString() };
}

export async function revokeFeedToken(db: Db, actor: Actor, now: Date): Promise<void> {
  await db
    .update(calendarFeedTokens)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeedTokens.userId, actor.userId), isNull(calendarFeedTokens.revokedAt)));
}

/** The owner of a live feed token, or null for an unknown, malformed or revoked one. */
export async function findFeedOwner(db: Db, token: string): Promise<string | null> {
  if (!FEED_TOKEN_PATTERN.test(token)) return null;
  const [row] = await db
    .select({ userId: calendarFeedTokens.userId })
    .from(calendarFeedTokens)
    .where(and(eq(calendarFeedTokens.tokenHash, hashToken(token)), isNull(calendarFeedTokens.revokedAt)));
  return row?.userId ?? null;
}
