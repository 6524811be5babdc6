import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { accessTokens, user } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import type { AccessTokenView } from './schemas';
import { hashSecretToken, newSecretToken } from './secret-token';

// The visible prefix lets a person tell tokens apart (and spot one pasted by mistake) without the secret.
const TOKEN_PREFIX = 'corner_pat_';
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 4;

type TokenRow = typeof accessTokens.$inferSelect;

function present(row: TokenRow): AccessTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
    revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
  };
}

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
  return { accessToken: present(row), token };
}

export async function listAccessTokens(db: Db, actor: Actor): Promise<AccessTokenView[]> {
  const rows = await db
    .select()
    .from(accessTokens)
    .where(eq(accessTokens.userId, actor.userId))
    .orderBy(desc(accessTokens.createdAt));
  return rows.map(present);
}

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
  if (row) return present(row);
  const [existing] = await db
    .select()
    .from(accessTokens)
    .where(and(eq(accessTokens.id, tokenId), eq(accessTokens.userId, actor.userId)));
  if (!existing) throw notFound('access token');
  return present(existing);
}

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

// Re-checked before every MCP call, so revoking a token stops a running assistant at its next step.
export async function isAccessTokenLive(db: Db, token: string): Promise<boolean> {
  const [row] = await db
    .select({ revokedAt: accessTokens.revokedAt })
    .from(accessTokens)
    .where(eq(accessTokens.tokenHash, hashSecretToken(token)));
  return row !== undefined && row.revokedAt === null;
}
