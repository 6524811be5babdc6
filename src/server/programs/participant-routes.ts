import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { createRouter, json, problemResponses } from '../http/openapi';
import { listCohortPairs, listParticipants } from './list-participants';
import { cohortIdParams, cohortPairSchema, participantSchema } from './schemas';

const tags = ['Programs'];

export const participantRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/participants',
      tags,
      summary: 'Everyone invited into the cohort, and whether they confirmed (only confirmed are matched)',
      request: { params: cohortIdParams },
      responses: {
        200: json(z.object({ participants: z.array(participantSchema) }), 'By role, then name'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        { participants: await listParticipants(c.var.deps.db, actorOf(c), c.req.valid('param').cohortId) },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/pairs',
      tags,
      summary: 'Published pairs: proposed (who accepted), active, declined (by whom, not why), closed',
      request: { params: cohortIdParams },
      responses: {
        200: json(z.object({ pairs: z.array(cohortPairSchema) }), 'Oldest first'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json({ pairs: await listCohortPairs(c.var.deps.db, actorOf(c), c.req.valid('param').cohortId) }, 200),
  );
