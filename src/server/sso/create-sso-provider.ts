import { randomBytes, randomUUID } from 'node:crypto';
import { isPublicRoutableHost } from '@better-auth/core/utils/host';
import { DiscoveryError, discoverOIDCConfig } from '@better-auth/sso';
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db, Tx } from '../db/client';
import { ssoProvider } from '../db/schema';
import { Problem } from '../http/problem';
import { presentSsoProvider } from './present';
import { actorIdOf, type Registrar, requireIdentityAdmin } from './registrar';
import { readIdpMetadata, writeIdpMetadata } from './saml-metadata';
import type { CreateOidcProviderInput, CreateSamlProviderInput } from './schemas';
import { samlMetadataUrl } from './sso-urls';

export type SsoDeps = {
  db: Db;
  publicUrl: string;
  /** Identity providers on a private network that Corner may fetch from (AuthOptions). */
  identityProviderOrigins: readonly string[];
};

// The operator's own registrations (CLI) are approved at once; an admin's wait for the operator.
export async function createOidcProvider(
  deps: SsoDeps,
  registrar: Registrar,
  slug: string,
  input: CreateOidcProviderInput,
) {
  const org = await requireIdentityAdmin(deps.db, registrar, slug);
  const discovered = await discover(input.issuer, deps.identityProviderOrigins);
  const providerId = newProviderId(slug, 'oidc');
  const oidcConfig = {
    issuer: discovered.issuer,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    authorizationEndpoint: discovered.authorizationEndpoint,
    tokenEndpoint: discovered.tokenEndpoint,
    tokenEndpointAuthentication: discovered.tokenEndpointAuthentication,
    jwksEndpoint: discovered.jwksEndpoint,
    userInfoEndpoint: discovered.userInfoEndpoint,
    discoveryEndpoint: discovered.discoveryEndpoint,
    pkce: true,
    scopes: ['openid', 'email', 'profile'],
    overrideUserInfo: false,
  };
  return insertProvider(deps, registrar, org.id, {
    providerId,
    issuer: input.issuer,
    domain: input.domain,
    oidcConfig: JSON.stringify(oidcConfig),
    samlConfig: null,
  });
}

export async function createSamlProvider(
  deps: SsoDeps,
  registrar: Registrar,
  slug: string,
  input: CreateSamlProviderInput,
) {
  const org = await requireIdentityAdmin(deps.db, registrar, slug);
  const metadataXml =
    input.metadataXml ||
    writeIdpMetadata({
      entityId: input.idpEntityId ?? '',
      ssoUrl: input.ssoUrl ?? '',
      certificate: input.certificate ?? '',
    });
  const idp = readIdpMetadata(metadataXml);
  const providerId = newProviderId(slug, 'saml');
  const spEntityId = samlMetadataUrl(deps.publicUrl, providerId);
  const samlConfig = {
    issuer: spEntityId,
    audience: spEntityId,
    entryPoint: idp.singleSignOnUrl,
    idpMetadata: { metadata: metadataXml },
    idpEntityId: idp.entityId,
    // Refuse any assertion without its own valid signature, whatever the response envelope says.
    wantAssertionsSigned: true,
    identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  };
  return insertProvider(deps, registrar, org.id, {
    providerId,
    issuer: spEntityId,
    domain: input.domain,
    oidcConfig: null,
    samlConfig: JSON.stringify(samlConfig),
  });
}

type NewProvider = {
  providerId: string;
  issuer: string;
  domain: string;
  oidcConfig: string | null;
  samlConfig: string | null;
};

async function insertProvider(deps: SsoDeps, registrar: Registrar, orgId: string, values: NewProvider) {
  const approved = registrar.kind === 'operator';
  return deps.db.transaction(async (tx) => {
    await refuseTakenDomain(tx, orgId, values.domain);
    const [row] = await tx
      .insert(ssoProvider)
      .values({
        id: randomUUID(),
        ...values,
        domainVerified: approved,
        userId: actorIdOf(registrar),
        organizationId: orgId,
      })
      .returning();
    if (!row) throw new Error('insert returned no provider');
    await recordAuditEvent(tx, {
      actor: actorIdOf(registrar),
      action: 'sso-provider.created',
      target: `sso-provider:${row.providerId}`,
      orgId,
      meta: {
        protocol: values.samlConfig ? 'saml' : 'oidc',
        domain: values.domain,
        approved,
      },
    });
    return presentSsoProvider(row, deps.publicUrl);
  });
}

/** A domain another organization holds (approved) or this one already has a provider for. */
async function refuseTakenDomain(tx: Tx, orgId: string, domain: string) {
  const rows = await tx
    .select({ organizationId: ssoProvider.organizationId, approved: ssoProvider.domainVerified })
    .from(ssoProvider)
    .where(eq(ssoProvider.domain, domain));
  if (rows.some((row) => row.organizationId === orgId)) {
    throw new Problem(
      409,
      'sso-domain-taken',
      `This organization already has an identity provider for ${domain}: remove it first to replace it.`,
      'domain',
    );
  }
  if (rows.some((row) => row.approved)) {
    throw new Problem(
      409,
      'sso-domain-taken',
      `Addresses on ${domain} already sign in through another organization’s identity provider.`,
      'domain',
    );
  }
}

const newProviderId = (slug: string, protocol: 'oidc' | 'saml') =>
  `${slug}-${protocol}-${randomBytes(4).toString('hex')}`;

async function discover(issuer: string, identityProviderOrigins: readonly string[]) {
  const listed = new Set(identityProviderOrigins.map((origin) => new URL(origin).origin));
  // Public hosts, and private ones the operator listed: never this server's own network otherwise.
  const mayFetch = (url: string) => {
    try {
      const parsed = new URL(url);
      return listed.has(parsed.origin) || isPublicRoutableHost(parsed.hostname);
    } catch {
      return false;
    }
  };
  try {
    return await discoverOIDCConfig({ issuer, isTrustedOrigin: mayFetch, timeout: 10_000 });
  } catch (error) {
    if (!(error instanceof DiscoveryError)) throw error;
    throw new Problem(
      422,
      'oidc-discovery-failed',
      `Corner could not read the OpenID configuration of ${issuer}: ${error.message}. ` +
        'Check the issuer URL (it is the address before /.well-known/openid-configuration).',
      'issuer',
    );
  }
}
