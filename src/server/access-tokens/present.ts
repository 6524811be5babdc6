import type { accessTokens } from '../db/schema';
import type { AccessTokenView } from './schemas';

export type TokenRow = typeof accessTokens.$inferSelect;

export function presentAccessToken(row: TokenRow): AccessTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
    revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
  };
}

// The visible prefix lets a person tell tokens apart (and spot one pasted by mistake) without the secret.
export const TOKEN_PREFIX = 'corner_pat_';

export const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 4;
