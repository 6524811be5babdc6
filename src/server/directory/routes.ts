import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { findGuides } from './find-guides';
import { directoryPageSchema, directoryQuery, organizationInputSchema } from './schemas';
import { getOrganization, setOrganization } from './set-organization';

const tags = ['Directory'];

export const directoryRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/directory',
      tags,
      summary: 'Search guides, ranked by fit, each with why it fits',
      request: { query: directoryQuery },
      responses: { 200: json(directoryPageSchema, 'A page of guides'), ...problemResponses },
    }),
    async (c) =>
      c.json(await findGuides(c.var.deps.db, actorOf(c), c.req.valid('query'), c.var.deps.clock()), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/organization',
      tags,
      summary: 'Where I work, as used for conflict of interest',
      responses: {
        200: json(z.object({ organization: z.string().nullable() }), 'My organization'),
        ...problemResponses,
      },
    }),
    async (c) => c.json(await getOrganization(c.var.deps.db, actorOf(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/me/organization',
      tags,
      summary: 'Where I work (guides from there are hidden unless I opt in)',
      request: jsonBody(organizationInputSchema),
      responses: {
        200: json(z.object({ organization: z.string().nullable() }), 'Saved'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        await setOrganization(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('json').organization,
          c.var.deps.clock(),
        ),
        200,
      ),
  );
