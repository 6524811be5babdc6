import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { acceptAgreement, proposeAgreement, saveCoachingPlan } from './agreement-operations';
import { buildReport } from './build-report';
import { addReflection, closeRelationship, reportProblem } from './closing-operations';
import { getRelationship, listRelationships } from './get-relationship';
import { inviteToRelationship } from './invite-to-relationship';
import { renderReportPdf } from './render-report-pdf';
import { acceptInvitation, declineInvitation, previewInvitation } from './respond-to-invitation';
import {
  agreementProposalSchema,
  declineSchema,
  invitationPreviewSchema,
  inviteSchema,
  planInputSchema,
  problemReportSchema,
  reflectionInputSchema,
  relationshipDetailSchema,
  relationshipIdParams,
  relationshipSummarySchema,
  reportSchema,
  tokenParams,
  versionParams,
} from './schemas';

const tags = ['Relationships'];
const responses = (description: string) => ({
  200: json(relationshipDetailSchema, description),
  ...problemResponses,
  ...conflictResponse,
});

export const relationshipRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/relationships',
      tags,
      summary: 'My relationships, as member or guide, including invitations I sent',
      responses: {
        200: json(z.object({ relationships: z.array(relationshipSummarySchema) }), 'Newest first'),
        ...problemResponses,
      },
    }),
    async (c) => c.json({ relationships: await listRelationships(c.var.deps.db, actorOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships',
      tags,
      summary: 'Invite a guide (or a member) by email',
      request: jsonBody(inviteSchema),
      responses: {
        201: json(
          z.object({ relationship: relationshipDetailSchema, invitationLink: z.string() }),
          'The invitation; the link was mailed and can also be shared directly',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { deps } = c.var;
      const origin = new URL(c.req.url).origin;
      const actor = actorOf(c);
      const now = deps.clock();
      const { relationshipId, token } = await inviteToRelationship(
        deps.db,
        deps.mailer,
        actor,
        c.req.valid('json'),
        now,
        origin,
      );
      const relationship = await getRelationship(deps.db, actor, relationshipId, now);
      return c.json({ relationship, invitationLink: `${origin}/invitations/${token}` }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/invitations/{token}',
      tags,
      summary: 'Read an invitation from its link (no account needed)',
      security: [],
      request: { params: tokenParams },
      responses: { 200: json(invitationPreviewSchema, 'What the invitation is about'), ...problemResponses },
    }),
    async (c) => c.json(await previewInvitation(c.var.deps.db, c.req.valid('param').token), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invitations/{token}/accept',
      tags,
      summary: 'Accept an invitation',
      request: { params: tokenParams },
      responses: responses('The relationship, now active'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const now = deps.clock();
      const { relationshipId } = await acceptInvitation(
        deps.db,
        deps.mailer,
        actor,
        { token: c.req.valid('param').token },
        now,
      );
      return c.json(await getRelationship(deps.db, actor, relationshipId, now), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invitations/{token}/decline',
      tags,
      summary: 'Decline an invitation, with a reason',
      request: { params: tokenParams, ...jsonBody(declineSchema) },
      responses: {
        200: json(z.object({ declined: z.boolean() }), 'Declined'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { deps } = c.var;
      await declineInvitation(
        deps.db,
        deps.mailer,
        actorOf(c),
        { token: c.req.valid('param').token },
        c.req.valid('json').reason,
        deps.clock(),
      );
      return c.json({ declined: true }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/relationships/{relationshipId}',
      tags,
      summary: 'One relationship: agreement, plan, momentum with reasons, tracking, reflections',
      request: { params: relationshipIdParams },
      responses: { 200: json(relationshipDetailSchema, 'The relationship'), ...problemResponses },
    }),
    async (c) => {
      const { deps } = c.var;
      const { relationshipId } = c.req.valid('param');
      return c.json(await getRelationship(deps.db, actorOf(c), relationshipId, deps.clock()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships/{relationshipId}/agreements',
      tags,
      summary: 'Propose an agreement (or a change to it); the other side accepts',
      request: { params: relationshipIdParams, ...jsonBody(agreementProposalSchema) },
      responses: responses('The relationship with the proposal and its warnings'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { relationshipId } = c.req.valid('param');
      const now = deps.clock();
      await proposeAgreement(deps.db, actor, relationshipId, c.req.valid('json').terms, now);
      return c.json(await getRelationship(deps.db, actor, relationshipId, now), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships/{relationshipId}/agreements/{version}/accept',
      tags,
      summary: 'Accept the other side’s proposed agreement version',
      request: { params: versionParams },
      responses: responses('The relationship with the accepted agreement'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { relationshipId, version } = c.req.valid('param');
      const now = deps.clock();
      await acceptAgreement(deps.db, actor, relationshipId, version, now);
      return c.json(await getRelationship(deps.db, actor, relationshipId, now), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships/{relationshipId}/plan',
      tags,
      summary: 'Save a new version of the coaching plan (assessment and focus areas)',
      request: { params: relationshipIdParams, ...jsonBody(planInputSchema) },
      responses: responses('The relationship with the new plan'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { relationshipId } = c.req.valid('param');
      const now = deps.clock();
      await saveCoachingPlan(deps.db, actor, relationshipId, c.req.valid('json'), now);
      return c.json(await getRelationship(deps.db, actor, relationshipId, now), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships/{relationshipId}/reflections',
      tags,
      summary: 'Answer the mid-point check-in, the retrospective, the self-reflection or the member’s view',
      request: { params: relationshipIdParams, ...jsonBody(reflectionInputSchema) },
      responses: responses('The relationship with the reflections you may see'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { relationshipId } = c.req.valid('param');
      const now = deps.clock();
      await addReflection(deps.db, actor, relationshipId, c.req.valid('json'), now);
      return c.json(await getRelationship(deps.db, actor, relationshipId, now), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships/{relationshipId}/close',
      tags,
      summary: 'Close the relationship',
      request: { params: relationshipIdParams },
      responses: responses('The closed relationship'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { relationshipId } = c.req.valid('param');
      const now = deps.clock();
      await closeRelationship(deps.db, actor, relationshipId, now);
      return c.json(await getRelationship(deps.db, actor, relationshipId, now), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/relationships/{relationshipId}/report',
      tags,
      summary: 'The end-of-relationship report, with a Markdown version',
      request: { params: relationshipIdParams },
      responses: { 200: json(reportSchema, 'The report'), ...problemResponses },
    }),
    async (c) => {
      const { deps } = c.var;
      const { relationshipId } = c.req.valid('param');
      return c.json(await buildReport(deps.db, actorOf(c), relationshipId, deps.clock()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/relationships/{relationshipId}/report.pdf',
      tags,
      summary: 'The end-of-relationship report as a PDF',
      request: { params: relationshipIdParams },
      responses: {
        200: { content: { 'application/pdf': { schema: z.string() } }, description: 'PDF' },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { deps } = c.var;
      const { relationshipId } = c.req.valid('param');
      const report = await buildReport(deps.db, actorOf(c), relationshipId, deps.clock());
      const pdf = await renderReportPdf(report.markdown, 'Corner relationship report');
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="corner-report.pdf"',
      });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships/{relationshipId}/problem-reports',
      tags,
      summary: 'Report a no-show or misconduct to the program admin',
      request: { params: relationshipIdParams, ...jsonBody(problemReportSchema) },
      responses: {
        201: json(z.object({ id: z.string() }), 'The report was stored'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { deps } = c.var;
      const { relationshipId } = c.req.valid('param');
      const report = await reportProblem(
        deps.db,
        actorOf(c),
        relationshipId,
        c.req.valid('json'),
        deps.clock(),
      );
      return c.json(report, 201);
    },
  );
