import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { relationshipIdParams } from '../relationships/schemas';
import { sendSessionInvites } from '../sessions/send-session-invites';
import { closeProposal, confirmProposal } from './decide-proposal';
import { proposalParams, proposeSessionSchema, sessionProposalSchema } from './schemas';
import { listSessionProposals, proposeSession } from './session-proposals';

const tags = ['Scheduling'];

// Booking by agreement: offered when a calendar cannot be read (the slots answer's `byAgreement`).
const decide = (action: 'confirm' | 'decline' | 'withdraw', summary: string) =>
  createRoute({
    method: 'post',
    path: `/relationships/{relationshipId}/session-proposals/{proposalId}/${action}`,
    tags,
    summary,
    request: { params: proposalParams },
    responses: {
      200: json(sessionProposalSchema, 'The proposal as it stands now'),
      ...problemResponses,
      ...conflictResponse,
    },
  });

export const proposalRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships/{relationshipId}/session-proposals',
      tags,
      summary:
        'Propose a session time to the partner (booking by agreement); nothing is booked until they confirm',
      request: { params: relationshipIdParams, ...jsonBody(proposeSessionSchema) },
      responses: {
        201: json(sessionProposalSchema, 'The open proposal'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { deps } = c.var;
      const proposal = await proposeSession(
        deps.db,
        actorOf(c),
        c.req.valid('param').relationshipId,
        c.req.valid('json'),
        deps.clock(),
      );
      return c.json(proposal, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/relationships/{relationshipId}/session-proposals',
      tags,
      summary: 'The pair’s open proposed times whose start has not passed',
      request: { params: relationshipIdParams },
      responses: {
        200: json(z.object({ proposals: z.array(sessionProposalSchema) }), 'Open proposals'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { deps } = c.var;
      const answer = await listSessionProposals(
        deps.db,
        actorOf(c),
        c.req.valid('param').relationshipId,
        deps.clock(),
      );
      return c.json(answer, 200);
    },
  )
  .openapi(
    decide('confirm', 'Confirm a proposed time: the session is booked (409 if the time was just taken)'),
    async (c) => {
      const { deps } = c.var;
      const { relationshipId, proposalId } = c.req.valid('param');
      const { proposal, sessionId } = await confirmProposal(
        deps.db,
        actorOf(c),
        relationshipId,
        proposalId,
        deps.clock(),
      );
      await sendSessionInvites(deps.db, deps.jobs, sessionId, 'booked');
      return c.json(proposal, 200);
    },
  )
  .openapi(decide('decline', 'Decline a time proposed to you'), async (c) => {
    const { deps } = c.var;
    const { relationshipId, proposalId } = c.req.valid('param');
    return c.json(
      await closeProposal(deps.db, actorOf(c), relationshipId, proposalId, 'decline', deps.clock()),
      200,
    );
  })
  .openapi(decide('withdraw', 'Withdraw a time you proposed'), async (c) => {
    const { deps } = c.var;
    const { relationshipId, proposalId } = c.req.valid('param');
    return c.json(
      await closeProposal(deps.db, actorOf(c), relationshipId, proposalId, 'withdraw', deps.clock()),
      200,
    );
  });
