import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { createRouter, json, problemResponses } from '../http/openapi';
import { loadRoles, roleNames } from './load-roles';

const meSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    timeZone: z.string(),
    roles: z.array(z.enum(roleNames)).openapi({
      description:
        'What the person does in Corner: always member; guide and admin once they guide or run a program',
    }),
  })
  .openapi('Me');

export const meRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/me',
    tags: ['Account'],
    summary: 'Who I am signed in as',
    responses: { 200: json(meSchema, 'The signed-in person'), ...problemResponses },
  }),
  async (c) => {
    const actor = actorOf(c);
    return c.json({ ...actor, roles: await loadRoles(c.var.deps.db, actor) }, 200);
  },
);
