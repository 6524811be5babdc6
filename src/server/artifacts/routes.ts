import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { addArtifact } from './add-artifact';
import { getArtifact } from './get-artifact';
import { listArtifacts } from './list-artifacts';
import { removeArtifact } from './remove-artifact';
import { artifactIdParams, artifactInputSchema, artifactListQuery, artifactSchema } from './schemas';
import { startDraftFromArtifact } from './start-draft-from-artifact';
import { updateArtifact } from './update-artifact';

const tags = ['Artifact library'];

export const artifactRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/artifacts',
      tags,
      summary: 'My artifact library: examples and my drafts',
      request: { query: artifactListQuery },
      responses: {
        200: json(z.object({ artifacts: z.array(artifactSchema) }), 'Artifacts, latest first'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json({ artifacts: await listArtifacts(c.var.deps.db, actorOf(c), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/artifacts',
      tags,
      summary: 'Add a gold-standard example with the questions it answers',
      request: jsonBody(artifactInputSchema),
      responses: { 201: json(artifactSchema, 'The example'), ...problemResponses },
    }),
    async (c) =>
      c.json(await addArtifact(c.var.deps.db, actorOf(c), c.req.valid('json'), c.var.deps.clock()), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/artifacts/{artifactId}',
      tags,
      summary: 'One artifact',
      request: { params: artifactIdParams },
      responses: { 200: json(artifactSchema, 'The artifact'), ...problemResponses },
    }),
    async (c) => c.json(await getArtifact(c.var.deps.db, actorOf(c), c.req.valid('param').artifactId), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/artifacts/{artifactId}',
      tags,
      summary: 'Edit an example or a draft',
      request: { params: artifactIdParams, ...jsonBody(artifactInputSchema) },
      responses: { 200: json(artifactSchema, 'The artifact'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await updateArtifact(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').artifactId,
          c.req.valid('json'),
          c.var.deps.clock(),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/artifacts/{artifactId}',
      tags,
      summary: 'Remove an artifact',
      request: { params: artifactIdParams },
      responses: { 200: json(z.object({ removed: z.literal(true) }), 'Removed'), ...problemResponses },
    }),
    async (c) => {
      await removeArtifact(c.var.deps.db, actorOf(c), c.req.valid('param').artifactId);
      return c.json({ removed: true as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/artifacts/{artifactId}/drafts',
      tags,
      summary: 'Use as template: start my own draft with the example’s questions as headings',
      request: { params: artifactIdParams },
      responses: { 201: json(artifactSchema, 'The new draft'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await startDraftFromArtifact(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').artifactId,
          c.var.deps.clock(),
        ),
        201,
      ),
  );
