import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { accessTokens } from '../db/schema';
import { presentAccessToken, SHOWN_PREFIX_LENGTH, TOKEN_PREFIX } from './present';
import type { AccessTokenView } from './schemas';
import { newSecretToken } from './secret-token';

export async function createAccessToken(
  db: Db,
  actor: Actor,
  name: string,
  now: Date,
): Promise<{ accessToken: AccessTokenView; token: string }> {
  const { token, hash } = newSecretToken(TOKEN_PREFIX);
  const [row] = await db
    .insert(accessTokens)
    .values({
      userId: actor.userId,
      name,
      tokenHash: hash,
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned no access token');
  return { accessToken: presentAccessToken(row), token };
}
