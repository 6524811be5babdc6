import { createRoute, z } from '@hono/zod-openapi';
import { SCIM_TOKEN_LABEL_MAX } from '../../domain/settings/scim';
import { actorOf } from '../auth/actor';
import { createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { slugParams } from '../orgs/schemas';
import { createScimToken, listScimTokens, revokeScimToken } from './scim-tokens';

const tags = ['SCIM provisioning'];

const tokenSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    hint: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ScimToken');

const createTokenSchema = z.object({
  label: z.string().trim().min(1, 'needs a name, like "Okta"').max(SCIM_TOKEN_LABEL_MAX),
});

const tokenParams = slugParams.extend({
  tokenId: z.uuid().openapi({ param: { name: 'tokenId', in: 'path' } }),
});

// Corner's door to SCIM tokens: the plugin's own token endpoints are never switched on (scim-plugin.ts),
// so making or revoking one always goes through the organization policy (owners and admins).
export const scimTokenRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/scim-tokens',
      tags,
      summary: 'The organization’s SCIM tokens, without their secrets (owners and admins)',
      request: { params: slugParams },
      responses: { 200: json(z.object({ tokens: z.array(tokenSchema) }), 'Tokens'), ...problemResponses },
    }),
    async (c) =>
      c.json({ tokens: await listScimTokens(c.var.deps.db, actorOf(c), c.req.valid('param').slug) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/scim-tokens',
      tags,
      summary: 'Make a SCIM bearer token for the identity provider; the token is shown only in this answer',
      request: { params: slugParams, ...jsonBody(createTokenSchema) },
      responses: {
        201: json(
          z.object({ token: z.string(), scimBaseUrl: z.string(), details: tokenSchema }),
          'The token, once',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { token, view } = await createScimToken(
        c.var.deps.db,
        actorOf(c),
        c.req.valid('param').slug,
        c.req.valid('json'),
      );
      return c.json({ token, scimBaseUrl: scimBaseUrl(c.var.deps.auth.options.baseURL), details: view }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/orgs/{slug}/scim-tokens/{tokenId}',
      tags,
      summary: 'Revoke a SCIM token at once (owners and admins)',
      request: { params: tokenParams },
      responses: { 200: json(tokenSchema, 'Revoked'), ...problemResponses },
    }),
    async (c) => {
      const { slug, tokenId } = c.req.valid('param');
      return c.json(await revokeScimToken(c.var.deps.db, actorOf(c), slug, tokenId), 200);
    },
  );

export const scimBaseUrl = (baseUrl: string | undefined) =>
  `${(baseUrl ?? '').replace(/\/$/, '')}/api/auth/scim/v2`;
