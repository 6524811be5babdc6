import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { cohortDashboardPage } from './cohort-dashboard-page';
import { exportApplications } from './export-applications';
import { exportDashboard } from './export-dashboard';
import { importApplications } from './import-applications';
import { getLatestMatchRun, getMatchRun, runMatching } from './match-cohort';
import { listProblemReports, reviewProblemReport } from './problem-reports';
import { createCohort, createProgram, getCohort, listCohorts, listMyPrograms } from './programs';
import { publishMatchRun } from './publish-match-run';
import { runRematch } from './rematch-cohort';
import {
  cohortIdParams,
  cohortProblemReportSchema,
  cohortSchema,
  createCohortSchema,
  createProgramSchema,
  dashboardQuery,
  dashboardSchema,
  importResultSchema,
  importSchema,
  matchRunSchema,
  overrideSchema,
  programIdParams,
  programSchema,
  publishResultSchema,
  reportIdParams,
  runIdParams,
  whyNotQuerySchema,
  whyNotSchema,
} from './schemas';
import { setOverride } from './set-override';
import { explainWhyNot } from './why-not';

const tags = ['Programs'];

export const programRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/programs',
      tags,
      summary: 'Programs I run',
      responses: {
        200: json(z.object({ programs: z.array(programSchema) }), 'My programs'),
        ...problemResponses,
      },
    }),
    async (c) => c.json({ programs: await listMyPrograms(c.var.deps.db, actorOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/programs',
      tags,
      summary: 'Create a program (you become its admin)',
      request: jsonBody(createProgramSchema),
      responses: { 201: json(programSchema, 'The new program'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await createProgram(c.var.deps.db, actorOf(c), c.req.valid('json'), c.var.deps.programCreators),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/programs/{programId}/cohorts',
      tags,
      summary: 'A program’s cohorts',
      request: { params: programIdParams },
      responses: { 200: json(z.object({ cohorts: z.array(cohortSchema) }), 'Cohorts'), ...problemResponses },
    }),
    async (c) =>
      c.json({ cohorts: await listCohorts(c.var.deps.db, actorOf(c), c.req.valid('param').programId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/programs/{programId}/cohorts',
      tags,
      summary: 'Create a cohort with its dates and defaults',
      request: { params: programIdParams, ...jsonBody(createCohortSchema) },
      responses: { 201: json(cohortSchema, 'The new cohort'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await createCohort(c.var.deps.db, actorOf(c), c.req.valid('param').programId, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}',
      tags,
      summary: 'A cohort with its application counts',
      request: { params: cohortIdParams },
      responses: { 200: json(cohortSchema, 'The cohort'), ...problemResponses },
    }),
    async (c) => c.json(await getCohort(c.var.deps.db, actorOf(c), c.req.valid('param').cohortId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cohorts/{cohortId}/applications/import',
      tags,
      summary: 'Import members or guides from CSV (all or nothing unless skipInvalid)',
      request: { params: cohortIdParams, ...jsonBody(importSchema) },
      responses: { 200: json(importResultSchema, 'What was imported'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await importApplications(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').cohortId,
          c.req.valid('json'),
          undefined,
          { mailer: c.var.deps.mailer, baseUrl: new URL(c.req.url).origin },
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/applications/export',
      tags,
      summary: 'Export members or guides as CSV (the import’s columns)',
      request: {
        params: cohortIdParams,
        query: z.object({ role: z.enum(['member', 'guide'], { message: 'must be member or guide' }) }),
      },
      responses: {
        200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { role } = c.req.valid('query');
      const csv = await exportApplications(c.var.deps.db, actorOf(c), c.req.valid('param').cohortId, role);
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${role}s.csv"`,
      });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cohorts/{cohortId}/match-runs',
      tags,
      summary: 'Run the matching engine over the cohort',
      request: { params: cohortIdParams },
      responses: {
        201: json(matchRunSchema, 'The optimal run, with the stable and fair runs beside it in `comparison`'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        await runMatching(c.var.deps.db, actorOf(c), c.req.valid('param').cohortId, c.var.deps.clock()),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cohorts/{cohortId}/rematch',
      tags,
      summary:
        'Rematch mid-cohort with the fewest changes: keep every current pair that still can be, solve the rest, say who moves',
      request: { params: cohortIdParams },
      responses: {
        201: json(matchRunSchema, 'The rematch run, published like any run'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        await runRematch(c.var.deps.db, actorOf(c), c.req.valid('param').cohortId, c.var.deps.clock()),
        201,
      ),
  )
  // 'latest' first: the {runId} route would otherwise take the word as an id.
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/match-runs/latest',
      tags,
      summary: 'The latest match run (the published mode of it, else the optimal one), or null before any',
      request: { params: cohortIdParams },
      responses: { 200: json(matchRunSchema.nullable(), 'The run, or null'), ...problemResponses },
    }),
    async (c) =>
      c.json(await getLatestMatchRun(c.var.deps.db, actorOf(c), c.req.valid('param').cohortId), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/match-runs/{runId}',
      tags,
      summary: 'A match run with per-pair explanations',
      request: { params: runIdParams },
      responses: { 200: json(matchRunSchema, 'The run'), ...problemResponses },
    }),
    async (c) => {
      const { cohortId, runId } = c.req.valid('param');
      return c.json(await getMatchRun(c.var.deps.db, actorOf(c), cohortId, runId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/match-runs/{runId}/why-not',
      tags,
      summary: 'Why a member did not get a guide in this run, and what would change it',
      request: { params: runIdParams, query: whyNotQuerySchema },
      responses: {
        200: json(whyNotSchema, 'The reason and what would change it'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { cohortId, runId } = c.req.valid('param');
      const { member, guide } = c.req.valid('query');
      const { db, clock } = c.var.deps;
      return c.json(await explainWhyNot(db, actorOf(c), cohortId, runId, member, guide, clock()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cohorts/{cohortId}/overrides',
      tags,
      summary: 'Pin, block or clear a pair for the next run',
      request: { params: cohortIdParams, ...jsonBody(overrideSchema) },
      responses: { 204: { description: 'Saved' }, ...problemResponses },
    }),
    async (c) => {
      await setOverride(c.var.deps.db, actorOf(c), c.req.valid('param').cohortId, c.req.valid('json'));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cohorts/{cohortId}/match-runs/{runId}/publish',
      tags,
      summary: 'Publish a match run: each pair is proposed to both people, who accept or decline',
      request: { params: runIdParams },
      responses: {
        200: json(publishResultSchema, 'Pairs proposed, and pairs waiting for someone to confirm'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { deps } = c.var;
      const { cohortId, runId } = c.req.valid('param');
      const origin = new URL(c.req.url).origin;
      return c.json(
        await publishMatchRun(deps.db, deps.mailer, actorOf(c), cohortId, runId, deps.clock(), origin),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/dashboard',
      tags,
      summary:
        'Pair health, sessions, actions, pulse and goals for the cohort, with one page of the pair list: states and counts only',
      request: { params: cohortIdParams, query: dashboardQuery },
      responses: { 200: json(dashboardSchema, 'The dashboard'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await cohortDashboardPage(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').cohortId,
          c.var.deps.clock(),
          c.req.valid('query'),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/dashboard/export',
      tags,
      summary: 'Each pair’s state and sessions in the last 30 days as CSV: states and counts only',
      request: { params: cohortIdParams },
      responses: {
        200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { cohortId } = c.req.valid('param');
      const csv = await exportDashboard(c.var.deps.db, actorOf(c), cohortId, c.var.deps.clock());
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="pair-health.csv"',
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/problem-reports',
      tags,
      summary: 'No-shows and misconduct the cohort’s pairs reported to the program, newest first',
      request: { params: cohortIdParams },
      responses: {
        200: json(z.object({ reports: z.array(cohortProblemReportSchema) }), 'The reports'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        { reports: await listProblemReports(c.var.deps.db, actorOf(c), c.req.valid('param').cohortId) },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cohorts/{cohortId}/problem-reports/{reportId}/review',
      tags,
      summary: 'Mark a problem report as reviewed',
      request: { params: reportIdParams },
      responses: { 200: json(cohortProblemReportSchema, 'The reviewed report'), ...problemResponses },
    }),
    async (c) => {
      const { cohortId, reportId } = c.req.valid('param');
      return c.json(
        await reviewProblemReport(c.var.deps.db, actorOf(c), cohortId, reportId, c.var.deps.clock()),
        200,
      );
    },
  );
