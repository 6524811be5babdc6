import { createRoute, z } from '@hono/zod-openapi';
import { checkAsk } from '../../domain/asks/check-ask';
import { actorOf } from '../auth/actor';
import { createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { createOutreach, deleteOutreach, getOutreach, listOutreach, updateOutreach } from './outreach';
import {
  askCheckInputSchema,
  askCheckSchema,
  createOutreachSchema,
  outreachIdParams,
  outreachSchema,
  updateOutreachSchema,
} from './schemas';

const tags = ['Outreach (the smallest ask)'];

export const outreachRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/outreach',
      tags,
      summary: 'My outreach tracker (private to me)',
      responses: { 200: json(z.object({ contacts: z.array(outreachSchema) }), 'Mine'), ...problemResponses },
    }),
    async (c) => c.json({ contacts: await listOutreach(c.var.deps.db, actorOf(c), c.var.deps.clock()) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/outreach',
      tags,
      summary: 'Add an expert to reach out to',
      request: jsonBody(createOutreachSchema),
      responses: { 201: json(outreachSchema, 'The new entry with the ask checked'), ...problemResponses },
    }),
    async (c) =>
      c.json(await createOutreach(c.var.deps.db, actorOf(c), c.req.valid('json'), c.var.deps.clock()), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/outreach/{outreachId}',
      tags,
      summary: 'One outreach entry',
      request: { params: outreachIdParams },
      responses: { 200: json(outreachSchema, 'The entry'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await getOutreach(c.var.deps.db, actorOf(c), c.req.valid('param').outreachId, c.var.deps.clock()),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/outreach/{outreachId}',
      tags,
      summary: 'Edit an entry or move it along the pipeline',
      request: { params: outreachIdParams, ...jsonBody(updateOutreachSchema) },
      responses: { 200: json(outreachSchema, 'The entry'), ...problemResponses },
    }),
    async (c) => {
      const { outreachId } = c.req.valid('param');
      return c.json(
        await updateOutreach(c.var.deps.db, actorOf(c), outreachId, c.req.valid('json'), c.var.deps.clock()),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/outreach/{outreachId}',
      tags,
      summary: 'Delete an entry',
      request: { params: outreachIdParams },
      responses: { 200: json(z.object({ deleted: z.boolean() }), 'Deleted'), ...problemResponses },
    }),
    async (c) => {
      await deleteOutreach(c.var.deps.db, actorOf(c), c.req.valid('param').outreachId);
      return c.json({ deleted: true }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/ask-checks',
      tags,
      summary: 'Check a first ask: can it be answered in under two minutes?',
      request: jsonBody(askCheckInputSchema),
      responses: { 200: json(askCheckSchema, 'The verdict with reasons'), ...problemResponses },
    }),
    async (c) => {
      actorOf(c);
      const input = c.req.valid('json');
      return c.json(checkAsk(input.text, { hook: input.hook }), 200);
    },
  );
