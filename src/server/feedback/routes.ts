import { createRoute, z } from '@hono/zod-openapi';
import { checkFeedbackQuestion } from '../../domain/feedback/check-feedback-question';
import { actorOf } from '../auth/actor';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { relationshipIdParams } from '../relationships/schemas';
import { askFeedbackAgain } from './ask-feedback-again';
import { createFeedbackRequest } from './create-feedback-request';
import { getFeedbackChange } from './get-feedback-change';
import { getFeedbackRequest } from './get-feedback-request';
import { listFeedbackRequests } from './list-feedback-requests';
import { listSharedFeedback } from './list-shared-feedback';
import { markFeedbackBefore } from './mark-feedback-before';
import {
  createdFeedbackRequestSchema,
  createFeedbackRequestSchema,
  feedbackChangeSchema,
  feedbackCheckInputSchema,
  feedbackCheckSchema,
  feedbackRequestIdParams,
  feedbackRequestSchema,
  markBeforeSchema,
  sharedFeedbackSchema,
  thankGiverSchema,
  updateFeedbackRequestSchema,
} from './schemas';
import { thankFeedbackGiver } from './thank-feedback-giver';
import { updateFeedbackRequest } from './update-feedback-request';

const tags = ['Mirror feedback'];

export const feedbackRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/feedback-requests',
      tags,
      summary: 'My feedback requests with their answers, newest first',
      responses: {
        200: json(z.object({ requests: z.array(feedbackRequestSchema) }), 'My requests'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json({ requests: await listFeedbackRequests(c.var.deps.db, actorOf(c), c.var.deps.clock()) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/feedback-requests',
      tags,
      summary: 'Ask one person one question about one moment; returns the link once',
      request: jsonBody(createFeedbackRequestSchema),
      responses: {
        201: json(createdFeedbackRequestSchema, 'The request and its one-time link'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const created = await createFeedbackRequest(c.var.deps.db, actorOf(c), c.req.valid('json'), {
        now: c.var.deps.clock(),
        mailer: c.var.deps.mailer,
        origin: new URL(c.req.url).origin,
      });
      return c.json(created, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/feedback-requests/{requestId}',
      tags,
      summary: 'One of my feedback requests',
      request: { params: feedbackRequestIdParams },
      responses: { 200: json(feedbackRequestSchema, 'The request'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await getFeedbackRequest(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').requestId,
          c.var.deps.clock(),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/feedback-requests/{requestId}',
      tags,
      summary: 'Share a request and its answer with my guide, or stop sharing',
      request: { params: feedbackRequestIdParams, ...jsonBody(updateFeedbackRequestSchema) },
      responses: { 200: json(feedbackRequestSchema, 'The request'), ...problemResponses },
    }),
    async (c) => {
      const view = await updateFeedbackRequest(
        c.var.deps.db,
        actorOf(c),
        c.req.valid('param').requestId,
        c.req.valid('json'),
        c.var.deps.clock(),
      );
      return c.json(view, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/feedback-requests/{requestId}/thanks',
      tags,
      summary: 'Log the thank-you to the giver',
      request: { params: feedbackRequestIdParams, ...jsonBody(thankGiverSchema) },
      responses: {
        200: json(feedbackRequestSchema, 'The request with the thank-you'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const view = await thankFeedbackGiver(
        c.var.deps.db,
        actorOf(c),
        c.req.valid('param').requestId,
        c.req.valid('json').note,
        { now: c.var.deps.clock(), mailer: c.var.deps.mailer },
      );
      return c.json(view, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/feedback-requests/{requestId}/before',
      tags,
      summary: 'Mark a request as the “before” of one of my relationships (before/after 360)',
      request: { params: feedbackRequestIdParams, ...jsonBody(markBeforeSchema) },
      responses: {
        200: json(feedbackRequestSchema, 'The request, now a before'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const view = await markFeedbackBefore(
        c.var.deps.db,
        actorOf(c),
        c.req.valid('param').requestId,
        c.req.valid('json').relationshipId,
        c.var.deps.clock(),
      );
      return c.json(view, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/feedback-requests/{requestId}/after',
      tags,
      summary: 'Ask the same person the same question again: the “after” of a before; returns the link once',
      request: { params: feedbackRequestIdParams },
      responses: {
        201: json(createdFeedbackRequestSchema, 'The after request and its one-time link'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const created = await askFeedbackAgain(c.var.deps.db, actorOf(c), c.req.valid('param').requestId, {
        now: c.var.deps.clock(),
        mailer: c.var.deps.mailer,
        origin: new URL(c.req.url).origin,
      });
      return c.json(created, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/relationships/{relationshipId}/feedback-360',
      tags,
      summary: 'My before/after 360 of this relationship: change per question (the member only)',
      request: { params: relationshipIdParams },
      responses: { 200: json(feedbackChangeSchema, 'Change per question'), ...problemResponses },
    }),
    async (c) =>
      c.json(await getFeedbackChange(c.var.deps.db, actorOf(c), c.req.valid('param').relationshipId), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/relationships/{relationshipId}/shared-feedback',
      tags,
      summary: "The member's feedback shared with this relationship's guide, newest first",
      request: { params: relationshipIdParams },
      responses: {
        200: json(z.object({ requests: z.array(sharedFeedbackSchema) }), 'Shared feedback'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const requests = await listSharedFeedback(
        c.var.deps.db,
        actorOf(c),
        c.req.valid('param').relationshipId,
        c.var.deps.clock(),
      );
      return c.json({ requests }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/feedback-checks',
      tags,
      summary: 'Check a feedback question before sending it',
      request: jsonBody(feedbackCheckInputSchema),
      responses: { 200: json(feedbackCheckSchema, 'What the checker thinks'), ...problemResponses },
    }),
    async (c) => {
      actorOf(c);
      return c.json(checkFeedbackQuestion(c.req.valid('json').question), 200);
    },
  );
