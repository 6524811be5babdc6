import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { listMyInvitations } from '../me/list-my-invitations';
import { answerParticipation } from '../programs/answer-participation';
import { acceptProposal, declineProposal } from './answer-proposal';
import { getRelationship } from './get-relationship';
import { acceptInvitation, declineInvitation } from './respond-to-invitation';
import { declineSchema, relationshipDetailSchema, relationshipIdParams } from './schemas';

const tags = ['Consent'];

const myInvitationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['invitation', 'proposal']),
    // What accepting joins: a relationship, or a program's cohort (then matching may propose a pair).
    about: z.enum(['relationship', 'program']),
    // Who it is from: the inviter, the program, or — for a proposal — the person proposed to you.
    fromName: z.string(),
    programName: z.string().nullable(),
    cohortName: z.string().nullable(),
    role: z.enum(['member', 'guide']),
    createdAt: z.string(),
    acceptPath: z.string(),
    declinePath: z.string(),
  })
  .openapi('MyInvitation');

const applicationIdParams = z.object({
  applicationId: z
    .uuid({ message: 'must be a program invitation id' })
    .openapi({ param: { name: 'applicationId', in: 'path' } }),
});

const answered = (description: string) => ({
  200: json(relationshipDetailSchema, description),
  ...problemResponses,
  ...conflictResponse,
});
const participationAnswer = {
  200: json(z.object({ status: z.enum(['confirmed', 'declined']) }), 'Your answer'),
  ...problemResponses,
  ...conflictResponse,
};

export const consentRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/invitations',
      tags,
      summary: 'Invitations to my address and program proposals waiting for my answer',
      responses: {
        200: json(z.object({ items: z.array(myInvitationSchema) }), 'Newest first'),
        ...problemResponses,
      },
    }),
    async (c) => c.json({ items: await listMyInvitations(c.var.deps.db, actorOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/invitations/{relationshipId}/accept',
      tags,
      summary: 'Accept a relationship invitation sent to my address',
      request: { params: relationshipIdParams },
      responses: answered('The relationship, now active'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const now = deps.clock();
      const { relationshipId } = c.req.valid('param');
      await acceptInvitation(deps.db, deps.mailer, actor, { relationshipId }, now);
      return c.json(await getRelationship(deps.db, actor, relationshipId, now), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/invitations/{relationshipId}/decline',
      tags,
      summary: 'Decline a relationship invitation sent to my address, with a reason',
      request: { params: relationshipIdParams, ...jsonBody(declineSchema) },
      responses: {
        200: json(z.object({ declined: z.boolean() }), 'Declined'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { deps } = c.var;
      const { relationshipId } = c.req.valid('param');
      await declineInvitation(
        deps.db,
        deps.mailer,
        actorOf(c),
        { relationshipId },
        c.req.valid('json').reason,
        deps.clock(),
      );
      return c.json({ declined: true }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships/{relationshipId}/proposal/accept',
      tags,
      summary: 'Accept a program’s proposed pair (it starts once both of you accept)',
      request: { params: relationshipIdParams },
      responses: answered('The relationship: still proposed, or active once both accepted'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const now = deps.clock();
      const { relationshipId } = c.req.valid('param');
      await acceptProposal(deps.db, deps.mailer, actor, relationshipId, now);
      return c.json(await getRelationship(deps.db, actor, relationshipId, now), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships/{relationshipId}/proposal/decline',
      tags,
      summary: 'Decline a program’s proposed pair, with a reason only you will see',
      request: { params: relationshipIdParams, ...jsonBody(declineSchema) },
      responses: answered('The relationship, now declined'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const now = deps.clock();
      const { relationshipId } = c.req.valid('param');
      await declineProposal(deps.db, deps.mailer, actor, relationshipId, c.req.valid('json').reason, now);
      return c.json(await getRelationship(deps.db, actor, relationshipId, now), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/program-invitations/{applicationId}/accept',
      tags,
      summary: 'Confirm I joined the program cohort I was invited into',
      request: { params: applicationIdParams },
      responses: participationAnswer,
    }),
    async (c) => {
      const { deps } = c.var;
      const { applicationId } = c.req.valid('param');
      return c.json(
        await answerParticipation(deps.db, actorOf(c), applicationId, 'confirmed', deps.clock()),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/program-invitations/{applicationId}/decline',
      tags,
      summary: 'Decline the program cohort I was invited into (I will never be matched in it)',
      request: { params: applicationIdParams },
      responses: participationAnswer,
    }),
    async (c) => {
      const { deps } = c.var;
      const { applicationId } = c.req.valid('param');
      return c.json(
        await answerParticipation(deps.db, actorOf(c), applicationId, 'declined', deps.clock()),
        200,
      );
    },
  );
