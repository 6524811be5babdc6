import { createRoute } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { getGuideProfile, getMyGuideProfile } from './get-guide-profile';
import { resumeGuideProfile } from './resume-guide-profile';
import { saveGuideProfile } from './save-guide-profile';
import { guideIdParams, guideProfileInputSchema, guideProfileSchema, myGuideProfileSchema } from './schemas';

const tags = ['Guide profiles'];

export const guideProfileRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/guide-profile',
      tags,
      summary: 'My guide profile (404 until I publish one)',
      responses: { 200: json(myGuideProfileSchema, 'My guide profile'), ...problemResponses },
    }),
    async (c) => c.json(await getMyGuideProfile(c.var.deps.db, actorOf(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/me/guide-profile',
      tags,
      summary: 'Publish or edit my guide profile',
      request: jsonBody(guideProfileInputSchema),
      responses: { 200: json(myGuideProfileSchema, 'The saved profile'), ...problemResponses },
    }),
    async (c) =>
      c.json(await saveGuideProfile(c.var.deps.db, actorOf(c), c.req.valid('json'), c.var.deps.clock()), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/guide-profile/resume',
      tags,
      summary: 'Resume a paused guide profile so members can find me again',
      responses: { 200: json(myGuideProfileSchema, 'The active profile'), ...problemResponses },
    }),
    async (c) => c.json(await resumeGuideProfile(c.var.deps.db, actorOf(c), c.var.deps.clock()), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/guides/{guideId}',
      tags,
      summary: 'A guide’s public profile with reliability signals',
      request: { params: guideIdParams },
      responses: { 200: json(guideProfileSchema, 'The guide'), ...problemResponses },
    }),
    async (c) => {
      actorOf(c);
      return c.json(await getGuideProfile(c.var.deps.db, c.req.valid('param').guideId), 200);
    },
  );
