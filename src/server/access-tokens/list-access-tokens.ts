import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { accessTokens } from '../db/schema';
import { presentAccessToken } from './present';
import type { AccessTokenView } from './schemas';

export async function listAccessTokens(db: Db, actor: Actor): Promise<AccessTokenView[]> {
  const rows = await db
    .select()
    .from(accessTokens)
    .where(eq(accessTokens.userId, actor.userId))
    .orderBy(desc(accessTokens.createdAt));
  return rows.map(presentAccessToken);
}
