import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { accessTokens } from '../db/schema';
import { notFound } from '../http/problem';
import { presentAccessToken } from './present';
import type { AccessTokenView } from './schemas';

export async function revokeAccessToken(
  db: Db,
  actor: Actor,
  tokenId: string,
  now: Date,
): Promise<AccessTokenView> {
  const [row] = await db
    .update(accessTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(accessTokens.id, tokenId),
        eq(accessTokens.userId, actor.userId),
        isNull(accessTokens.revokedAt),
      ),
    )
    .returning();
  if (row) return presentAccessToken(row);
  const [existing] = await db
    .select()
    .from(accessTokens)
    .where(and(eq(accessTokens.id, tokenId), eq(accessTokens.userId, actor.userId)));
  if (!existing) throw notFound('access token');
  return presentAccessToken(existing);
}
