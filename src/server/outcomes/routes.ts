import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { cohortIdParams, programIdParams } from '../programs/schemas';
import { closePair } from './close-pair';
import { drawCohortLottery, getCohortLottery } from './draw-lottery';
import { getCohortOutcomes, getProgramOutcomes } from './get-outcomes';
import { getCohortSponsorReport } from './get-sponsor-report';
import { importOutcomes } from './import-outcomes';
import { atRiskPage } from './list-at-risk';
import { answerPulse, getPulseStatus } from './pulse-check-ins';
import { renderSponsorPdf } from './render-sponsor-pdf';
import {
  atRiskQuery,
  atRiskSchema,
  closePairSchema,
  lotteryInputSchema,
  lotterySchema,
  outcomeImportResultSchema,
  outcomeImportSchema,
  outcomesSchema,
  pairParams,
  pulseAnswerSchema,
  pulseStatusSchema,
  relationshipParams,
  repairStepSchema,
} from './schemas';
import { sponsorReportCsv } from './sponsor-report-csv';
import { takeRepairStep } from './take-repair-step';

const tags = ['Outcomes'];

export const outcomeRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/programs/{programId}/outcomes',
      tags,
      summary: 'A program’s outcomes: funnel, timing, pulse, goal attainment, effect (aggregates of 5+)',
      request: { params: programIdParams },
      responses: { 200: json(outcomesSchema, 'Outcomes'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await getProgramOutcomes(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').programId,
          c.var.deps.clock(),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/outcomes',
      tags,
      summary: 'A cohort’s outcomes: funnel, timing, pulse, goal attainment, effect (aggregates of 5+)',
      request: { params: cohortIdParams },
      responses: { 200: json(outcomesSchema, 'Outcomes'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await getCohortOutcomes(c.var.deps.db, actorOf(c), c.req.valid('param').cohortId, c.var.deps.clock()),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/at-risk',
      tags,
      summary:
        'Pairs showing early-warning signals, with the reason for each (never content), a page at a time',
      request: { params: cohortIdParams, query: atRiskQuery },
      responses: { 200: json(atRiskSchema, 'At-risk pairs'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await atRiskPage(
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
      method: 'post',
      path: '/cohorts/{cohortId}/pairs/{relationshipId}/repair',
      tags,
      summary: 'Repair flow: nudge both people, or offer them a check-in with the program team',
      request: { params: pairParams, ...jsonBody(repairStepSchema) },
      responses: {
        201: json(z.object({ notified: z.number().int() }), 'Both people were told'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { cohortId, relationshipId } = c.req.valid('param');
      return c.json(
        await takeRepairStep(
          c.var.deps.db,
          actorOf(c),
          cohortId,
          relationshipId,
          c.req.valid('json').kind,
          c.var.deps.clock(),
        ),
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cohorts/{cohortId}/lottery',
      tags,
      summary: 'Draw who is matched this round in an oversubscribed cohort (recorded, reproducible)',
      request: { params: cohortIdParams, ...jsonBody(lotteryInputSchema) },
      responses: { 201: json(lotterySchema, 'The draw'), ...problemResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(
        await drawCohortLottery(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').cohortId,
          c.req.valid('json'),
          c.var.deps.clock(),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/lottery',
      tags,
      summary: 'The cohort’s recorded lottery, re-drawn from its seed to show it reproduces',
      request: { params: cohortIdParams },
      responses: { 200: json(lotterySchema, 'The draw'), ...problemResponses },
    }),
    async (c) =>
      c.json(await getCohortLottery(c.var.deps.db, actorOf(c), c.req.valid('param').cohortId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cohorts/{cohortId}/outcomes/import',
      tags,
      summary:
        'Import outcome columns by CSV (email, measure, value); nothing is imported while a row is wrong',
      request: { params: cohortIdParams, ...jsonBody(outcomeImportSchema) },
      responses: { 200: json(outcomeImportResultSchema, 'What was imported'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await importOutcomes(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').cohortId,
          c.req.valid('json').csv,
          c.var.deps.clock(),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/relationships/{relationshipId}/pulse-check-in',
      tags,
      summary: 'The pulse round due for me, and who alone would read a comment',
      request: { params: relationshipParams },
      responses: { 200: json(pulseStatusSchema, 'Pulse status'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await getPulseStatus(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').relationshipId,
          c.var.deps.clock(),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships/{relationshipId}/pulse-check-in',
      tags,
      summary:
        'Answer the 3-question pulse (relationship 1–5, progress 1–5, would recommend; optional comment)',
      request: { params: relationshipParams, ...jsonBody(pulseAnswerSchema) },
      responses: {
        201: json(z.object({ round: z.number().int() }), 'Answered'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await answerPulse(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').relationshipId,
          c.req.valid('json'),
          c.var.deps.clock(),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cohorts/{cohortId}/pairs/{relationshipId}/close',
      tags,
      summary: 'Close a pair gracefully with a structured reason; the pair is blocked for the rematch',
      request: { params: pairParams, ...jsonBody(closePairSchema) },
      responses: {
        200: json(z.object({ closed: z.literal(true), blockedForRematch: z.boolean() }), 'Closed'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { cohortId, relationshipId } = c.req.valid('param');
      return c.json(
        await closePair(
          c.var.deps.db,
          actorOf(c),
          cohortId,
          relationshipId,
          c.req.valid('json').reason,
          c.var.deps.clock(),
        ),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/sponsor-report.csv',
      tags,
      summary: 'The sponsor report as CSV: one row per figure, by level (aggregates of 5+)',
      request: { params: cohortIdParams },
      responses: {
        200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { report } = await getCohortSponsorReport(
        c.var.deps.db,
        actorOf(c),
        c.req.valid('param').cohortId,
        c.var.deps.clock(),
      );
      return c.body(sponsorReportCsv(report), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="sponsor-report.csv"',
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cohorts/{cohortId}/sponsor-report.pdf',
      tags,
      summary: 'The sponsor report as a PDF with charts, by level (aggregates of 5+)',
      request: { params: cohortIdParams },
      responses: {
        200: { content: { 'application/pdf': { schema: z.string() } }, description: 'PDF' },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { report, title } = await getCohortSponsorReport(
        c.var.deps.db,
        actorOf(c),
        c.req.valid('param').cohortId,
        c.var.deps.clock(),
      );
      const pdf = await renderSponsorPdf(report, title);
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="sponsor-report.pdf"',
      });
    },
  );
