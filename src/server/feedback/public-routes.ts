import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, json, jsonBody } from '../http/openapi';
import { problemSchema } from '../http/problem';
import { limitRequests } from '../security/limit-requests';
import { answerFeedbackRequest } from './answer-feedback-request';
import { readPublicFeedback } from './read-public-feedback';
import { feedbackTokenParams, publicAnswerInputSchema, publicFeedbackSchema } from './schemas';

const tags = ['Mirror feedback (giver, no account)'];
const problem = (description: string) => ({
  content: { 'application/problem+json': { schema: problemSchema } },
  description,
});
const publicProblems = {
  404: problem('No such link'),
  410: problem('The link expired or was already answered'),
  422: problem('The answer is not valid'),
  429: problem('Too many tries; wait and retry'),
} as const;

// The giver's side: no sign-in, one question, one answer. The limits (per client address and per
// link) are counted in the database, so they hold across instances; the 256-bit token already makes
// guessing hopeless, so they guard the database rather than the secret.
export function createPublicFeedbackRoutes() {
  const limit = limitRequests(
    (limits) => limits.feedbackAddress,
    (c) => [{ limiter: (limits) => limits.feedbackLink, key: c.req.path.split('/').at(-1) ?? '' }],
  );
  const router = createRouter();
  router.use('/public/feedback/*', limit);
  return router
    .openapi(
      createRoute({
        method: 'get',
        path: '/public/feedback/{token}',
        tags,
        security: [],
        summary: 'The question behind a feedback link',
        request: { params: feedbackTokenParams },
        responses: { 200: json(publicFeedbackSchema, 'The question to answer'), ...publicProblems },
      }),
      async (c) =>
        c.json(await readPublicFeedback(c.var.deps.db, c.req.valid('param').token, c.var.deps.clock()), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/public/feedback/{token}',
        tags,
        security: [],
        summary: 'Answer the question (once)',
        request: { params: feedbackTokenParams, ...jsonBody(publicAnswerInputSchema) },
        responses: {
          201: json(z.object({ received: z.literal(true) }), 'The answer was received'),
          ...publicProblems,
        },
      }),
      async (c) => {
        const { answer, rating } = c.req.valid('json');
        await answerFeedbackRequest(c.var.deps.db, c.req.valid('param').token, answer, rating, {
          now: c.var.deps.clock(),
          mailer: c.var.deps.mailer,
          origin: new URL(c.req.url).origin,
        });
        return c.json({ received: true as const }, 201);
      },
    );
}
