import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { createRouter, json, problemResponses } from '../http/openapi';
import { listOutbox } from './list-outbox';
import { outboxMessageSchema } from './schemas';

export const outboxRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/outbox',
    tags: ['Mail'],
    summary: 'Mail Corner sent me, newest first',
    responses: {
      200: json(z.object({ messages: z.array(outboxMessageSchema) }), 'My mail, newest first'),
      ...problemResponses,
    },
  }),
  async (c) => c.json({ messages: await listOutbox(c.var.deps.db, actorOf(c)) }, 200),
);
