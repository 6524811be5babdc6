import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { createRouter, json, problemResponses } from '../http/openapi';

const meSchema = z
  .object({ userId: z.string(), email: z.string(), name: z.string(), timeZone: z.string() })
  .openapi('Me');

export const meRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/me',
    tags: ['Account'],
    summary: 'Who I am signed in as',
    responses: { 200: json(meSchema, 'The signed-in person'), ...problemResponses },
  }),
  (c) => c.json(actorOf(c), 200),
);
