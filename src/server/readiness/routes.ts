import { createRoute, z } from '@hono/zod-openapi';
import { readinessQuestions } from '../../domain/readiness/readiness-questions';
import { actorOf } from '../auth/actor';
import { createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { getReadinessResult, listReadinessResults, takeReadinessCheck } from './readiness-results';
import {
  readinessInputSchema,
  readinessQuestionSchema,
  readinessResultSchema,
  resultIdParams,
} from './schemas';

const tags = ['Readiness check'];

export const readinessRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/readiness/questions',
      tags,
      summary: 'The questions of the readiness check',
      responses: {
        200: json(z.object({ questions: z.array(readinessQuestionSchema) }), 'The questions, in order'),
      },
    }),
    (c) =>
      c.json(
        { questions: readinessQuestions.map((q) => ({ ...q, options: q.options?.map((o) => ({ ...o })) })) },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/readiness/results',
      tags,
      summary: 'Take the readiness check: answers in, recommended kinds of help out',
      request: jsonBody(readinessInputSchema),
      responses: {
        201: json(readinessResultSchema, 'The saved result with its reasons'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { answers } = c.req.valid('json');
      const result = await takeReadinessCheck(c.var.deps.db, actorOf(c), answers, c.var.deps.clock());
      return c.json(result, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/readiness/results',
      tags,
      summary: 'My readiness results, newest first',
      responses: {
        200: json(z.object({ results: z.array(readinessResultSchema) }), 'Results'),
        ...problemResponses,
      },
    }),
    async (c) => c.json({ results: await listReadinessResults(c.var.deps.db, actorOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/readiness/results/{resultId}',
      tags,
      summary: 'One of my readiness results',
      request: { params: resultIdParams },
      responses: { 200: json(readinessResultSchema, 'The result'), ...problemResponses },
    }),
    async (c) =>
      c.json(await getReadinessResult(c.var.deps.db, actorOf(c), c.req.valid('param').resultId), 200),
  );
