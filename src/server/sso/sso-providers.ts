import { and, asc, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/client';
import { organization, ssoProvider } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import type { SsoDeps } from './create-sso-provider';
import { presentSsoProvider } from './present';
import { actorIdOf, type Registrar, requireIdentityAdmin } from './registrar';

export async function listSsoProviders(deps: SsoDeps, registrar: Registrar, slug: string) {
  const org = await requireIdentityAdmin(deps.db, registrar, slug);
  const rows = await deps.db
    .select()
    .from(ssoProvider)
    .where(eq(ssoProvider.organizationId, org.id))
    .orderBy(asc(ssoProvider.createdAt));
  return {
    ssoRequired: org.ssoRequired,
    providers: rows.map((row) => presentSsoProvider(row, deps.publicUrl)),
  };
}

// People who signed in through it keep their accounts and memberships; they sign in another way.
export async function deleteSsoProvider(db: Db, registrar: Registrar, slug: string, providerId: string) {
  await db.transaction(async (tx) => {
    const org = await requireIdentityAdmin(tx, registrar, slug);
    const removed = await tx
      .delete(ssoProvider)
      .where(and(eq(ssoProvider.organizationId, org.id), eq(ssoProvider.providerId, providerId)))
      .returning({ domain: ssoProvider.domain });
    if (removed.length === 0) throw notFound('identity provider');
    await recordAuditEvent(tx, {
      actor: actorIdOf(registrar),
      action: 'sso-provider.deleted',
      target: `sso-provider:${providerId}`,
      orgId: org.id,
      meta: { domain: removed[0]?.domain ?? null },
    });
  });
}

export async function setSsoRequired(db: Db, registrar: Registrar, slug: string, required: boolean) {
  return db.transaction(async (tx) => {
    const org = await requireIdentityAdmin(tx, registrar, slug);
    if (required) {
      const approved = await tx
        .select({ id: ssoProvider.id })
        .from(ssoProvider)
        .where(and(eq(ssoProvider.organizationId, org.id), eq(ssoProvider.domainVerified, true)));
      if (approved.length === 0) {
        throw new Problem(
          409,
          'sso-not-ready',
          'Requiring SSO needs an identity provider whose domain the operator approved; until then people would have no way in.',
          'required',
        );
      }
    }
    await tx.update(organization).set({ ssoRequired: required }).where(eq(organization.id, org.id));
    await recordAuditEvent(tx, {
      actor: actorIdOf(registrar),
      action: 'sso-required.changed',
      target: `organization:${org.id}`,
      orgId: org.id,
      meta: { required },
    });
    return { required };
  });
}

/**
 * The operator's approval: from now on the provider signs people in, its domain's addresses are sent
 * to it, and an existing account with such an address is linked at its first SSO sign-in.
 */
export async function approveSsoDomain(db: Db, slug: string, domain: string) {
  return db.transaction(async (tx) => {
    const org = await requireIdentityAdmin(tx, { kind: 'operator' }, slug);
    const [held] = await tx
      .select({ organizationId: ssoProvider.organizationId })
      .from(ssoProvider)
      .where(and(eq(ssoProvider.domain, domain), eq(ssoProvider.domainVerified, true)));
    if (held && held.organizationId !== org.id) {
      throw new Problem(
        409,
        'sso-domain-taken',
        `${domain} is already approved for another organization.`,
        'domain',
      );
    }
    const approved = await tx
      .update(ssoProvider)
      .set({ domainVerified: true })
      .where(and(eq(ssoProvider.organizationId, org.id), eq(ssoProvider.domain, domain)))
      .returning({ providerId: ssoProvider.providerId });
    if (approved.length === 0) throw notFound(`identity provider for ${domain} in ${slug}`);
    await recordAuditEvent(tx, {
      actor: null,
      action: 'sso-domain.approved',
      target: `organization:${org.id}`,
      orgId: org.id,
      meta: { domain },
    });
    return approved.map((row) => row.providerId);
  });
}
