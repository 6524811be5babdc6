import { createRoute, z } from '@hono/zod-openapi';
import { checkGoal } from '../../domain/goals/check-goal';
import { actorOf } from '../auth/actor';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { dateIn } from '../time';
import { addCheckIn } from './add-check-in';
import { addProgressSign } from './add-progress-sign';
import { createGoal } from './create-goal';
import { getGoal } from './get-goal';
import { listGoals } from './list-goals';
import {
  checkInInputSchema,
  createGoalSchema,
  goalCheckInputSchema,
  goalCheckSchema,
  goalDetailSchema,
  goalIdParams,
  goalListQuery,
  goalSchema,
  signInputSchema,
  updateGoalSchema,
} from './schemas';
import { updateGoal } from './update-goal';

const tags = ['Goals'];

export const goalRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/goals',
      tags,
      summary: 'List my goals',
      request: { query: goalListQuery },
      responses: {
        200: json(z.object({ goals: z.array(goalSchema) }), 'My goals, newest first'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const goals = await listGoals(c.var.deps.db, actorOf(c), c.req.valid('query').status);
      return c.json({ goals }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/goals',
      tags,
      summary: 'Create a goal',
      request: jsonBody(createGoalSchema),
      responses: {
        201: json(goalDetailSchema, 'The new goal with the checker’s verdict'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const goal = await createGoal(c.var.deps.db, actorOf(c), c.req.valid('json'), c.var.deps.clock());
      return c.json(goal, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/goals/{goalId}',
      tags,
      summary: 'Read one goal with its check-ins',
      request: { params: goalIdParams },
      responses: { 200: json(goalDetailSchema, 'The goal'), ...problemResponses },
    }),
    async (c) => c.json(await getGoal(c.var.deps.db, actorOf(c), c.req.valid('param').goalId), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/goals/{goalId}',
      tags,
      summary: 'Edit, achieve, archive or restore a goal',
      request: { params: goalIdParams, ...jsonBody(updateGoalSchema) },
      responses: { 200: json(goalDetailSchema, 'The updated goal'), ...problemResponses },
    }),
    async (c) => {
      const { goalId } = c.req.valid('param');
      const goal = await updateGoal(
        c.var.deps.db,
        actorOf(c),
        goalId,
        c.req.valid('json'),
        c.var.deps.clock(),
      );
      return c.json(goal, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/goals/{goalId}/signs',
      tags,
      summary: 'Add a sign of progress',
      request: { params: goalIdParams, ...jsonBody(signInputSchema) },
      responses: { 201: json(goalDetailSchema, 'The goal with the new sign'), ...problemResponses },
    }),
    async (c) => {
      const goal = await addProgressSign(
        c.var.deps.db,
        actorOf(c),
        c.req.valid('param').goalId,
        c.req.valid('json').label,
      );
      return c.json(goal, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/goals/{goalId}/check-ins',
      tags,
      summary: 'Rate the signs of progress (1–10) with a note',
      request: { params: goalIdParams, ...jsonBody(checkInInputSchema) },
      responses: {
        201: json(goalDetailSchema, 'The goal with the new check-in'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { goalId } = c.req.valid('param');
      const goal = await addCheckIn(
        c.var.deps.db,
        actorOf(c),
        goalId,
        c.req.valid('json'),
        c.var.deps.clock(),
      );
      return c.json(goal, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/goal-checks',
      tags,
      summary: 'Check a goal’s wording before saving it',
      request: jsonBody(goalCheckInputSchema),
      responses: {
        200: json(goalCheckSchema, 'What the checker thinks, with a rewrite pattern'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const today = dateIn(c.var.deps.clock(), actorOf(c).timeZone);
      return c.json(checkGoal({ title: input.title, targetDate: input.targetDate, today }), 200);
    },
  );
