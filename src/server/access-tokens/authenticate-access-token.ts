import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { accessTokens, user } from '../db/schema';
import { Problem } from '../http/problem';
import { TOKEN_PREFIX } from './present';
import { hashSecretToken } from './secret-token';

export class AccessTokenRefused extends Problem {}

// Turns a presented token into the Actor it stands for; revoked and unknown tokens are refused alike.
export async function authenticateAccessToken(db: Db, token: string, now: Date): Promise<Actor> {
  const refused = new AccessTokenRefused(
    401,
    'token-refused',
    'This access token is not valid or was revoked. Create a new one under Settings → Access tokens.',
  );
  if (!token.startsWith(TOKEN_PREFIX)) throw refused;
  const [row] = await db
    .select({ token: accessTokens, user })
    .from(accessTokens)
    .innerJoin(user, eq(user.id, accessTokens.userId))
    .where(eq(accessTokens.tokenHash, hashSecretToken(token)));
  if (!row || row.token.revokedAt) throw refused;
  await db.update(accessTokens).set({ lastUsedAt: now }).where(eq(accessTokens.id, row.token.id));
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    timeZone: row.user.timeZone,
  };
}
