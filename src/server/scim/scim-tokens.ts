import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { mayConfigureIdentity } from '../../domain/orgs/org-roles';
import { SCIM_TOKEN_LAST_USED_WRITE_MS } from '../../domain/settings/scim';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { organization, scimTokens } from '../db/schema';
import { notFound } from '../http/problem';
import { requireOrgRole } from '../policies/orgs';

// A SCIM bearer token: Corner's prefix (never the plugin's "ba_scim_credential_", which it would try
// to verify itself), then 32 random bytes. Only the SHA-256 is stored; the token is shown once.
export const SCIM_TOKEN_PREFIX = 'corner_scim_';

export const hashScimToken = (token: string) => createHash('sha256').update(token).digest('hex');

const IDENTITY_SENTENCE = 'Only owners and admins of this organization manage its SCIM provisioning.';

export type ScimTokenView = {
  id: string;
  label: string;
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const present = (row: typeof scimTokens.$inferSelect): ScimTokenView => ({
  id: row.id,
  label: row.label,
  hint: row.hint,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** Makes a token for an organization: the operation both the route and the CLI call. */
export async function issueScimToken(
  db: Db,
  input: { organizationId: string; label: string; createdBy: string | null },
): Promise<{ token: string; view: ScimTokenView }> {
  const token = `${SCIM_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(scimTokens)
      .values({
        organizationId: input.organizationId,
        label: input.label,
        tokenHash: hashScimToken(token),
        hint: token.slice(-4),
        createdBy: input.createdBy,
      })
      .returning();
    if (!row) throw new Error('The SCIM token was not stored.');
    await recordAuditEvent(tx, {
      actor: input.createdBy,
      action: 'scim.token-created',
      target: `scim-token:${row.id}`,
      orgId: input.organizationId,
    });
    return { token, view: present(row) };
  });
}

export async function createScimToken(db: Db, actor: Actor, slug: string, input: { label: string }) {
  const { org } = await requireOrgRole(db, actor, slug, mayConfigureIdentity, IDENTITY_SENTENCE);
  return issueScimToken(db, { organizationId: org.id, label: input.label, createdBy: actor.userId });
}

export async function listScimTokens(db: Db, actor: Actor, slug: string): Promise<ScimTokenView[]> {
  const { org } = await requireOrgRole(db, actor, slug, mayConfigureIdentity, IDENTITY_SENTENCE);
  return listScimTokensOf(db, org.id);
}

/** An organization's tokens, newest first, never their secrets: the route and the CLI list these. */
export async function listScimTokensOf(db: Db, organizationId: string): Promise<ScimTokenView[]> {
  const rows = await db
    .select()
    .from(scimTokens)
    .where(eq(scimTokens.organizationId, organizationId))
    .orderBy(desc(scimTokens.createdAt));
  return rows.map(present);
}

/** Revokes at once: the next request with the token gets a 401. Revoking twice is a no-op. */
export async function revokeScimTokenOf(
  db: Db,
  organizationId: string,
  tokenId: string,
  actorId: string | null,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(scimTokens)
      .where(and(eq(scimTokens.id, tokenId), eq(scimTokens.organizationId, organizationId)));
    if (!row) throw notFound('scim-token');
    if (row.revokedAt) return present(row);
    const [revoked] = await tx
      .update(scimTokens)
      .set({ revokedAt: new Date() })
      .where(eq(scimTokens.id, tokenId))
      .returning();
    await recordAuditEvent(tx, {
      actor: actorId,
      action: 'scim.token-revoked',
      target: `scim-token:${tokenId}`,
      orgId: organizationId,
    });
    return present(revoked ?? row);
  });
}

export async function revokeScimToken(db: Db, actor: Actor, slug: string, tokenId: string) {
  const { org } = await requireOrgRole(db, actor, slug, mayConfigureIdentity, IDENTITY_SENTENCE);
  return revokeScimTokenOf(db, org.id, tokenId, actor.userId);
}

/** The organization a live token provisions, or null for an unknown or revoked token. */
export async function verifyScimToken(db: Db, token: string, now = new Date()) {
  if (!token.startsWith(SCIM_TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({
      id: scimTokens.id,
      organizationId: scimTokens.organizationId,
      lastUsedAt: scimTokens.lastUsedAt,
    })
    .from(scimTokens)
    .innerJoin(organization, eq(organization.id, scimTokens.organizationId))
    .where(and(eq(scimTokens.tokenHash, hashScimToken(token)), isNull(scimTokens.revokedAt)));
  if (!row) return null;
  await touchScimToken(db, row, now);
  return { tokenId: row.id, organizationId: row.organizationId };
}

// "Last used" is for people deciding which token to revoke; writing it on every request of a
// 10,000-person sync would cost a write each, so it is refreshed at most every few minutes.
export async function touchScimToken(
  db: Db,
  token: { id?: string; tokenId?: string; lastUsedAt: Date | null },
  now = new Date(),
) {
  const id = token.id ?? token.tokenId ?? '';
  const stale = new Date(now.getTime() - SCIM_TOKEN_LAST_USED_WRITE_MS);
  if (token.lastUsedAt && token.lastUsedAt >= stale) return;
  await db
    .update(scimTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(scimTokens.id, id), or(isNull(scimTokens.lastUsedAt), lt(scimTokens.lastUsedAt, stale))));
}
