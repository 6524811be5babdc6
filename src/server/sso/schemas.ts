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

// Either the identity provider's metadata XML, or the three things an admin console shows instead
// (entity id, sign-in URL, signing certificate), from which Corner writes the metadata itself.
export const createSamlProviderSchema = z
  .object({
    domain: domainSchema,
    metadataXml: z
      .string()
      .trim()
      .max(MAX_METADATA_CHARS, `must be at most ${MAX_METADATA_CHARS} characters`)
      .optional(),
    idpEntityId: z.string().trim().max(500, 'must be at most 500 characters').optional(),
    ssoUrl: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
    certificate: z.string().trim().max(20_000, 'must be at most 20000 characters').optional(),
  })
  .superRefine((input, ctx) => {
    if (input.metadataXml) return;
    if (!input.idpEntityId && !input.ssoUrl && !input.certificate) {
      ctx.addIssue({
        code: 'custom',
        path: ['metadataXml'],
        message:
          'is required: paste the identity provider’s metadata XML, or give its entity ID, sign-in URL and certificate',
      });
      return;
    }
    if (!input.idpEntityId) ctx.addIssue({ code: 'custom', path: ['idpEntityId'], message: 'is required' });
    if (!input.ssoUrl || !/^https?:\/\/[^\s]+$/.test(input.ssoUrl))
      ctx.addIssue({
        code: 'custom',
        path: ['ssoUrl'],
        message: 'must be the identity provider’s sign-in URL, such as https://idp.acme.com/saml/sso',
      });
    if (!input.certificate) ctx.addIssue({ code: 'custom', path: ['certificate'], message: 'is required' });
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
