import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { addShadowStrength } from './add-shadow-strength';
import { listShadowStrengths } from './list-shadow-strengths';
import { removeShadowStrength } from './remove-shadow-strength';
import { strengthIdParams, strengthInputSchema, strengthSchema } from './schemas';
import { updateShadowStrength } from './update-shadow-strength';

const tags = ['Shadow-side map'];

export const shadowMapRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/shadow-map',
      tags,
      summary: 'My strengths and how each looks when overdone',
      responses: {
        200: json(z.object({ strengths: z.array(strengthSchema) }), 'My shadow-side map'),
        ...problemResponses,
      },
    }),
    async (c) => c.json({ strengths: await listShadowStrengths(c.var.deps.db, actorOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/shadow-map',
      tags,
      summary: 'Add a strength, its overdone side and the answers that showed it',
      request: jsonBody(strengthInputSchema),
      responses: { 201: json(strengthSchema, 'The strength'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await addShadowStrength(c.var.deps.db, actorOf(c), c.req.valid('json'), c.var.deps.clock()),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/shadow-map/{strengthId}',
      tags,
      summary: 'Rewrite a strength and its evidence',
      request: { params: strengthIdParams, ...jsonBody(strengthInputSchema) },
      responses: { 200: json(strengthSchema, 'The strength'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await updateShadowStrength(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').strengthId,
          c.req.valid('json'),
          c.var.deps.clock(),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/shadow-map/{strengthId}',
      tags,
      summary: 'Remove a strength from the map',
      request: { params: strengthIdParams },
      responses: { 200: json(z.object({ removed: z.literal(true) }), 'Removed'), ...problemResponses },
    }),
    async (c) => {
      await removeShadowStrength(c.var.deps.db, actorOf(c), c.req.valid('param').strengthId);
      return c.json({ removed: true as const }, 200);
    },
  );
