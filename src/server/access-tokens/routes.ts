import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { createAccessToken } from './create-access-token';
import { listAccessTokens } from './list-access-tokens';
import { revokeAccessToken } from './revoke-access-token';
import {
  accessTokenIdParams,
  accessTokenSchema,
  createAccessTokenSchema,
  createdAccessTokenSchema,
} from './schemas';

const tags = ['Access tokens'];

export const accessTokenRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/access-tokens',
      tags,
      summary: 'My personal access tokens (never the secrets)',
      responses: {
        200: json(z.object({ tokens: z.array(accessTokenSchema) }), 'My tokens, newest first'),
        ...problemResponses,
      },
    }),
    async (c) => c.json({ tokens: await listAccessTokens(c.var.deps.db, actorOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/access-tokens',
      tags,
      summary: 'Create a token for my own tools (shown once)',
      request: jsonBody(createAccessTokenSchema),
      responses: { 201: json(createdAccessTokenSchema, 'The token, shown this once'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await createAccessToken(c.var.deps.db, actorOf(c), c.req.valid('json').name, c.var.deps.clock()),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/access-tokens/{tokenId}',
      tags,
      summary: 'Revoke a token; tools using it stop working at once',
      request: { params: accessTokenIdParams },
      responses: { 200: json(accessTokenSchema, 'The revoked token'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await revokeAccessToken(c.var.deps.db, actorOf(c), c.req.valid('param').tokenId, c.var.deps.clock()),
        200,
      ),
  );
