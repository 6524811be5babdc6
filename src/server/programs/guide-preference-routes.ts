import { createRoute } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import {
  guideAnswersSchema,
  guideApplicantsSchema,
  guidePreferencesSchema,
  myGuideCohortsSchema,
} from './guide-preference-schemas';
import { listGuideAnswers } from './list-guide-answers';
import { listGuideApplicants, listMyGuideCohorts } from './list-guide-applicants';
import { saveGuidePreferences } from './save-guide-preferences';
import { cohortIdParams } from './schemas';

const tags = ['Programs'];

// A guide's side of a cohort's matching: the applicants who fit them and their ranking or scores, plus
// the answer counts the cohort's admins see.
export const guidePreferenceRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/guide-cohorts',
      tags,
      summary: 'Cohorts I guide in (confirmed), where I can rank the applicants who fit me',
      responses: { 200: json(myGuideCohortsSchema, 'My cohorts as a guide'), ...problemResponses },
    }),
    async (c) => c.json(await listMyGuideCohorts(c.var.deps.db, actorOf(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/my-applicants',
      tags,
      summary: 'For a guide in the cohort: the applicants who fit them, with the fit and my saved ranking',
      request: { params: cohortIdParams },
      responses: { 200: json(guideApplicantsSchema, 'The applicants who fit me'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await listGuideApplicants(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').cohortId,
          c.var.deps.clock(),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/cohorts/{cohortId}/my-applicants/preferences',
      tags,
      summary:
        'For a guide in the cohort: save my ranking (ids, first choice first) or scores (0..1); replaces what I saved',
      request: { params: cohortIdParams, ...jsonBody(guidePreferencesSchema) },
      responses: {
        200: json(guideApplicantsSchema, 'The applicants with what I saved'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        await saveGuidePreferences(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').cohortId,
          c.req.valid('json'),
          c.var.deps.clock(),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/guide-answers',
      tags,
      summary: 'For admins: per guide, how many fitting applicants they ranked or scored (counts only)',
      request: { params: cohortIdParams },
      responses: { 200: json(guideAnswersSchema, 'Counts per guide'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await listGuideAnswers(c.var.deps.db, actorOf(c), c.req.valid('param').cohortId, c.var.deps.clock()),
        200,
      ),
  );
