import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { readBusy } from '../scheduling/busy-reader';
import { getIntro, listIntros } from './load-intros';
import { requestIntro } from './request-intro';
import { acceptProposedTime, reportIntroNoShow, respondToIntro } from './respond-to-intro';
import { createIntroSchema, introIdParams, introSchema, respondIntroSchema } from './schemas';

const tags = ['Intro sessions'];
const responses = (description: string) => ({
  200: json(introSchema, description),
  ...problemResponses,
  ...conflictResponse,
});

export const introRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/intros',
      tags,
      summary: 'Intro requests I sent (as a member) and received (as a guide)',
      responses: {
        200: json(z.object({ sent: z.array(introSchema), received: z.array(introSchema) }), 'Both lists'),
        ...problemResponses,
      },
    }),
    async (c) => c.json(await listIntros(c.var.deps.db, actorOf(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/intros',
      tags,
      summary:
        'Ask a guide for a free intro session: propose times, or pick one of their open intro slots (409 with fresh slots if it was just taken)',
      request: jsonBody(createIntroSchema),
      responses: { 201: json(introSchema, 'The request'), ...problemResponses, ...conflictResponse },
    }),
    async (c) => {
      const { db, mailer, clock, busyReader } = c.var.deps;
      const actor = actorOf(c);
      return c.json(
        await requestIntro(db, mailer, actor, c.req.valid('json'), clock(), busyReader ?? readBusy),
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/intros/{introId}',
      tags,
      summary: 'One intro request (member or guide of it only)',
      request: { params: introIdParams },
      responses: responses('The request'),
    }),
    async (c) => c.json(await getIntro(c.var.deps.db, actorOf(c), c.req.valid('param').introId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/intros/{introId}/response',
      tags,
      summary: 'As the guide: accept with a time, propose another, or decline with a reason',
      request: { params: introIdParams, ...jsonBody(respondIntroSchema) },
      responses: responses('The answered request'),
    }),
    async (c) => {
      const { db, mailer, clock } = c.var.deps;
      const { introId } = c.req.valid('param');
      return c.json(await respondToIntro(db, mailer, actorOf(c), introId, c.req.valid('json'), clock()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/intros/{introId}/accept-proposed-time',
      tags,
      summary: 'As the member: take the time the guide proposed',
      request: { params: introIdParams },
      responses: responses('The accepted request'),
    }),
    async (c) =>
      c.json(
        await acceptProposedTime(c.var.deps.db, actorOf(c), c.req.valid('param').introId, c.var.deps.clock()),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/intros/{introId}/no-show',
      tags,
      summary: 'As the member: the guide did not turn up',
      request: { params: introIdParams },
      responses: responses('The request with the no-show noted'),
    }),
    async (c) =>
      c.json(
        await reportIntroNoShow(c.var.deps.db, actorOf(c), c.req.valid('param').introId, c.var.deps.clock()),
        200,
      ),
  );
