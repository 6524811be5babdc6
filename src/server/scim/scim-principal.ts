import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { SCIM_TOKEN_LAST_USED_WRITE_MS } from '../../domain/settings/scim';
import type { Db } from '../db/client';
import { organization, scimConnectionBinding, scimTokens } from '../db/schema';
import { hashScimToken, SCIM_TOKEN_PREFIX, touchScimToken } from './scim-tokens';

/** Who a SCIM request on the fast path speaks for. `hash` is re-checked by every statement it runs. */
export type ScimPrincipal = { tokenId: string; organizationId: string; hash: string; connectionKey: string };

// The plugin's connectionKey for a connection id (createSCIMConnectionKey); Corner's connection id is
// the organization's id (scim-plugin.ts).
const connectionKeyOf = (connectionId: string) =>
  createHash('sha256')
    .update(JSON.stringify(['scim-connection', connectionId]))
    .digest('base64url');

const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 1_000;
type Entry = { principal: ScimPrincipal; until: number; touchedAt: number };

/**
 * Which organization a token speaks for, looked up once and then kept for a minute: a token never
 * moves to another organization, so the cache only spares the lookup. It is not trusted for
 * liveness: each fast-path statement re-checks the token unrevoked and the organization's SCIM
 * connection bound and active (scim-fast-writes.ts) and answers nothing otherwise, whereupon the
 * entry is dropped and the plugin answers (401). So a revocation holds from the very next request,
 * on every instance.
 */
export function createScimPrincipals(now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  return {
    async resolve(db: Db, token: string): Promise<ScimPrincipal | null> {
      if (!token.startsWith(SCIM_TOKEN_PREFIX)) return null;
      const hash = hashScimToken(token);
      const at = now();
      const cached = entries.get(hash);
      if (cached && cached.until > at) {
        if (at - cached.touchedAt >= SCIM_TOKEN_LAST_USED_WRITE_MS) {
          cached.touchedAt = at;
          await touchScimToken(db, { tokenId: cached.principal.tokenId, lastUsedAt: null }, new Date(at));
        }
        return cached.principal;
      }
      const [row] = await db
        .select({
          tokenId: scimTokens.id,
          organizationId: scimTokens.organizationId,
          lastUsedAt: scimTokens.lastUsedAt,
        })
        .from(scimTokens)
        .innerJoin(organization, eq(organization.id, scimTokens.organizationId))
        .innerJoin(
          scimConnectionBinding,
          and(
            eq(scimConnectionBinding.connectionId, scimTokens.organizationId),
            eq(scimConnectionBinding.decommissionStatus, 'active'),
          ),
        )
        .where(and(eq(scimTokens.tokenHash, hash), isNull(scimTokens.revokedAt)));
      // Unknown, revoked, or no binding yet (the plugin makes it on an organization's first request).
      if (!row) return null;
      await touchScimToken(db, row, new Date(at));
      const principal = {
        tokenId: row.tokenId,
        organizationId: row.organizationId,
        hash,
        connectionKey: connectionKeyOf(row.organizationId),
      };
      if (entries.size >= CACHE_MAX) entries.clear();
      entries.set(hash, { principal, until: at + CACHE_TTL_MS, touchedAt: at });
      return principal;
    },
    /** A statement found the token revoked or the connection retired: look it up afresh next time. */
    forget(principal: ScimPrincipal) {
      entries.delete(principal.hash);
    },
  };
}
export type ScimPrincipals = ReturnType<typeof createScimPrincipals>;

/**
 * The condition every fast-path statement starts from: this token still unrevoked, its organization
 * still there, the plugin's binding for the organization's connection still active. In a write the
 * binding row is share-locked (`lock`): a retirement then waits for the write, as the plugin's own
 * fence (an increment on that row) makes it, without concurrent writes of one organization queueing
 * behind one another on that row.
 */
export const liveTokenSql = (principal: ScimPrincipal, lock: boolean) => sql`select 1 from scim_tokens t
    join organization o on o.id = t.organization_id
    join scim_connection_binding b on b.connection_id = t.organization_id
    where t.id = ${principal.tokenId} and t.token_hash = ${principal.hash} and t.revoked_at is null
      and t.organization_id = ${principal.organizationId}
      and b.connection_key = ${principal.connectionKey} and b.decommission_status = 'active'
    ${lock ? sql`for share of b` : sql``}`;
