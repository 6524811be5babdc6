import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { guideIdParams } from '../guide-profiles/schemas';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { addToShortlist, removeFromShortlist } from './change-shortlist';
import { chooseGuide, getLatestChoice } from './choose-guide';
import { getShortlist } from './get-shortlist';
import {
  choiceSchema,
  chooseGuideSchema,
  guideRefSchema,
  scorecardIdParams,
  scorecardInputSchema,
  scorecardSchema,
  shortlistSchema,
} from './schemas';
import { compareShortlistScorecards, getScorecard, listMyScorecards, saveScorecard } from './scorecards';

const tags = ['Shortlist and choice'];
const shortlistResponses = { 200: json(shortlistSchema, 'My shortlist with nudges'), ...problemResponses };

export const shortlistRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/shortlist',
      tags,
      summary: 'My shortlist',
      responses: shortlistResponses,
    }),
    async (c) => c.json(await getShortlist(c.var.deps.db, actorOf(c), c.var.deps.clock()), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/shortlist',
      tags,
      summary: 'Add a guide to my shortlist (at most 5)',
      request: jsonBody(guideRefSchema),
      responses: { ...shortlistResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(
        await addToShortlist(c.var.deps.db, actorOf(c), c.req.valid('json').guideId, c.var.deps.clock()),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/shortlist/{guideId}',
      tags,
      summary: 'Remove a guide from my shortlist',
      request: { params: guideIdParams },
      responses: shortlistResponses,
    }),
    async (c) =>
      c.json(
        await removeFromShortlist(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').guideId,
          c.var.deps.clock(),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/scorecards',
      tags,
      summary: 'My intro scorecards (private to me)',
      responses: {
        200: json(z.object({ scorecards: z.array(scorecardSchema) }), 'Mine'),
        ...problemResponses,
      },
    }),
    async (c) => c.json({ scorecards: await listMyScorecards(c.var.deps.db, actorOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/scorecards',
      tags,
      summary: 'Fill in or update the fit scorecard after an intro',
      request: jsonBody(scorecardInputSchema),
      responses: { 200: json(scorecardSchema, 'The scorecard with its verdict'), ...problemResponses },
    }),
    async (c) =>
      c.json(await saveScorecard(c.var.deps.db, actorOf(c), c.req.valid('json'), c.var.deps.clock()), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/scorecards/comparison',
      tags,
      summary: 'My shortlist’s scorecards side by side, best fit first',
      responses: {
        200: json(z.object({ scorecards: z.array(scorecardSchema) }), 'Ranked'),
        ...problemResponses,
      },
    }),
    async (c) => c.json({ scorecards: await compareShortlistScorecards(c.var.deps.db, actorOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/scorecards/{scorecardId}',
      tags,
      summary: 'One of my scorecards',
      request: { params: scorecardIdParams },
      responses: { 200: json(scorecardSchema, 'The scorecard'), ...problemResponses },
    }),
    async (c) => c.json(await getScorecard(c.var.deps.db, actorOf(c), c.req.valid('param').scorecardId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/choices',
      tags,
      summary: 'Choose a guide; the agreement is prefilled from their default commitments',
      request: jsonBody(chooseGuideSchema),
      responses: { 201: json(choiceSchema, 'The recorded choice'), ...problemResponses },
    }),
    async (c) => {
      const { deps } = c.var;
      const origin = new URL(c.req.url).origin;
      return c.json(
        await chooseGuide(deps.db, deps.mailer, actorOf(c), c.req.valid('json'), deps.clock(), origin),
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/choices/latest',
      tags,
      summary: 'My latest choice of guide',
      responses: { 200: json(choiceSchema, 'The choice'), ...problemResponses },
    }),
    async (c) => c.json(await getLatestChoice(c.var.deps.db, actorOf(c), c.var.deps.clock()), 200),
  );
