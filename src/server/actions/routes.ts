import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { relationshipIdParams } from '../relationships/schemas';
import { actionSchema } from '../sessions/schemas';
import { createAction, listActions, updateAction } from './action-operations';
import { actionIdParams, createActionSchema, updateActionSchema } from './schemas';

const tags = ['Actions'];
const listSchema = z.object({ actions: z.array(actionSchema) });

export const actionRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/relationships/{relationshipId}/actions',
      tags,
      summary: 'Actions of a relationship, oldest first',
      request: { params: relationshipIdParams },
      responses: { 200: json(listSchema, 'The actions'), ...problemResponses },
    }),
    async (c) => {
      const actions = await listActions(c.var.deps.db, actorOf(c), c.req.valid('param').relationshipId);
      return c.json({ actions }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships/{relationshipId}/actions',
      tags,
      summary: 'Add an action between sessions',
      request: { params: relationshipIdParams, ...jsonBody(createActionSchema) },
      responses: { 201: json(listSchema, 'All actions'), ...problemResponses, ...conflictResponse },
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { relationshipId } = c.req.valid('param');
      await createAction(deps.db, actor, relationshipId, c.req.valid('json'), deps.clock());
      return c.json({ actions: await listActions(deps.db, actor, relationshipId) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/actions/{actionId}',
      tags,
      summary: 'Mark done, reopen, renegotiate to something smaller, or drop with a reason',
      request: { params: actionIdParams, ...jsonBody(updateActionSchema) },
      responses: {
        200: json(listSchema, 'All actions of the relationship'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { relationshipId } = await updateAction(
        deps.db,
        actor,
        c.req.valid('param').actionId,
        c.req.valid('json'),
        deps.clock(),
      );
      return c.json({ actions: await listActions(deps.db, actor, relationshipId) }, 200);
    },
  );
