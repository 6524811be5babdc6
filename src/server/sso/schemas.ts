import { z } from '@hono/zod-openapi';
import { normalizeDomain } from '../../domain/sso/email-domain';
import { slugParams } from '../orgs/schemas';

const MAX_METADATA_CHARS = 100_000;

export const domainSchema = z
  .string()
  .max(253, 'must be at most 253 characters')
  .transform((value, ctx) => {
    const domain = normalizeDomain(value);
    if (!domain) {
      ctx.addIssue({ code: 'custom', message: 'must be a domain name such as acme.com' });
      return z.NEVER;
    }
    return domain;
  })
  .openapi({ type: 'string', example: 'acme.com' });

export const createOidcProviderSchema = z
  .object({
    domain: domainSchema,
    issuer: z.url('must be the provider’s issuer URL, such as https://acme.okta.com').max(500),
    clientId: z.string().trim().min(1, 'is required').max(500),
    clientSecret: z.string().min(1, 'is required').max(2000),
  })
  .openapi('CreateOidcProvider');

export const createSamlProviderSchema = z
  .object({
    domain: domainSchema,
    metadataXml: z
      .string()
      .min(1, 'is required: paste the identity provider’s metadata XML')
      .max(MAX_METADATA_CHARS, `must be at most ${MAX_METADATA_CHARS} characters`),
  })
  .openapi('CreateSamlProvider');

export const ssoProviderSchema = z
  .object({
    providerId: z.string(),
    protocol: z.enum(['oidc', 'saml']),
    domain: z.string(),
    issuer: z.string(),
    /** OIDC: the client id (never the secret); SAML: the IdP's entity id. */
    identifier: z.string(),
    approved: z.boolean(),
    /** What to give the identity provider: the OIDC redirect URI or the SAML ACS URL. */
    redirectUrl: z.string(),
    /** SAML only: Corner's entity id (audience) and metadata address. */
    spEntityId: z.string().optional(),
    spMetadataUrl: z.string().optional(),
    createdAt: z.string(),
  })
  .openapi('SsoProvider');

export const ssoRequiredSchema = z.object({ required: z.boolean() }).openapi('SsoRequired');

export const ssoRouteRequestSchema = z
  .object({ email: z.email('must be an e-mail address').trim().toLowerCase() })
  .openapi('SsoRouteRequest');

export const ssoRouteSchema = z
  .object({
    method: z.enum(['password', 'sso']),
    providerId: z.string().optional(),
    organization: z.string().optional(),
  })
  .openapi('SsoRoute');

export const providerParams = slugParams.extend({
  providerId: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'providerId', in: 'path' } }),
});

export type CreateOidcProviderInput = z.infer<typeof createOidcProviderSchema>;
export type CreateSamlProviderInput = z.infer<typeof createSamlProviderSchema>;
export type SsoProviderView = z.infer<typeof ssoProviderSchema>;
