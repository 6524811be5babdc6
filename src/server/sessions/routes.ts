import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { loadPeople } from '../relationships/load-relationship';
import { relationshipIdParams } from '../relationships/schemas';
import { keepCornerTime } from './calendar-changes';
import { closeSession, recordPulse } from './close-session';
import { getSession, listSessions } from './get-session';
import { loadSession } from './load-session';
import { formatIn } from './present';
import { rescheduleSession, rescheduleSlots, scheduleSession } from './schedule-session';
import {
  closeSessionSchema,
  noteConflictSchema,
  preparationSchema,
  privateNoteSchema,
  pulseInputSchema,
  rescheduleSchema,
  scheduleSchema,
  sessionDetailSchema,
  sessionIdParams,
  sessionSummarySchema,
  sharedNotesSchema,
  slotsSchema,
} from './schemas';
import { rewriteSessionInCalendars, sendSessionInvites } from './send-session-invites';
import { savePreparation, savePrivateNote, saveSharedNotes } from './session-notes';

const tags = ['Sessions'];
const detail = (description: string) => ({
  200: json(sessionDetailSchema, description),
  ...problemResponses,
  ...conflictResponse,
});

export const sessionRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/relationships/{relationshipId}/sessions',
      tags,
      summary: 'Sessions of a relationship, oldest first, with the time in both people’s zones',
      request: { params: relationshipIdParams },
      responses: {
        200: json(z.object({ sessions: z.array(sessionSummarySchema) }), 'The sessions'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const sessions = await listSessions(c.var.deps.db, actorOf(c), c.req.valid('param').relationshipId);
      return c.json({ sessions }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships/{relationshipId}/sessions',
      tags,
      summary: 'Schedule a session (a week ahead unless both agree to short notice)',
      request: { params: relationshipIdParams, ...jsonBody(scheduleSchema) },
      responses: {
        201: json(sessionDetailSchema, 'The scheduled session with its agenda'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { sessionId } = await scheduleSession(
        deps.db,
        actor,
        c.req.valid('param').relationshipId,
        c.req.valid('json'),
        deps.clock(),
      );
      await sendSessionInvites(deps.db, deps.jobs, sessionId, 'booked');
      return c.json(await getSession(deps.db, actor, sessionId), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/sessions/{sessionId}',
      tags,
      summary: 'A session: agenda with carry-over, notes, my private note, pulse, next steps',
      request: { params: sessionIdParams },
      responses: { 200: json(sessionDetailSchema, 'The session'), ...problemResponses },
    }),
    async (c) => c.json(await getSession(c.var.deps.db, actorOf(c), c.req.valid('param').sessionId), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/sessions/{sessionId}/reschedule-slots',
      tags,
      summary: 'Free times in the same week to move the session to',
      request: { params: sessionIdParams },
      responses: { 200: json(slotsSchema, 'Suggested times, closest first'), ...problemResponses },
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { sessionId } = c.req.valid('param');
      const slots = await rescheduleSlots(deps.db, actor, sessionId, deps.clock());
      const { rel } = await loadSession(deps.db, actor, sessionId);
      const people = await loadPeople(deps.db, [rel.memberId, rel.guideId]);
      const zone = (id: string | null) => (id ? (people.get(id)?.timeZone ?? 'UTC') : 'UTC');
      return c.json(
        {
          slots: slots.map((slot) => ({
            ...slot,
            times: {
              member: formatIn(new Date(slot.start), zone(rel.memberId)),
              guide: formatIn(new Date(slot.start), zone(rel.guideId)),
            },
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sessions/{sessionId}/reschedule',
      tags,
      summary: 'Move a session',
      request: { params: sessionIdParams, ...jsonBody(rescheduleSchema) },
      responses: detail('The moved session'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { sessionId } = c.req.valid('param');
      await rescheduleSession(deps.db, actor, sessionId, c.req.valid('json'), deps.clock());
      await sendSessionInvites(deps.db, deps.jobs, sessionId, 'moved');
      return c.json(await getSession(deps.db, actor, sessionId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sessions/{sessionId}/keep-calendar-time',
      tags,
      summary:
        'Keep the Corner time of a session moved or deleted in a calendar: the mark clears, the event is rewritten',
      request: { params: sessionIdParams },
      responses: detail('The session, no longer marked'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { sessionId } = c.req.valid('param');
      await keepCornerTime(deps.db, actor, sessionId);
      await rewriteSessionInCalendars(deps.db, deps.jobs, sessionId);
      return c.json(await getSession(deps.db, actor, sessionId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/sessions/{sessionId}/preparation',
      tags,
      summary: 'Set the agenda topic, the member’s pre-session note, the meeting link or place',
      request: { params: sessionIdParams, ...jsonBody(preparationSchema) },
      responses: detail('The session'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { sessionId } = c.req.valid('param');
      await savePreparation(deps.db, actor, sessionId, c.req.valid('json'));
      return c.json(await getSession(deps.db, actor, sessionId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/sessions/{sessionId}/shared-notes',
      tags,
      summary: 'Save the shared notes; send the version you edited',
      request: { params: sessionIdParams, ...jsonBody(sharedNotesSchema) },
      responses: {
        200: json(sessionDetailSchema, 'Saved'),
        ...problemResponses,
        409: {
          content: { 'application/problem+json': { schema: noteConflictSchema } },
          description: 'Someone saved in between: both versions to merge',
        },
      },
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { sessionId } = c.req.valid('param');
      await saveSharedNotes(deps.db, actor, sessionId, c.req.valid('json'));
      return c.json(await getSession(deps.db, actor, sessionId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/sessions/{sessionId}/private-note',
      tags,
      summary: 'Save my private note (never shown to the other person)',
      request: { params: sessionIdParams, ...jsonBody(privateNoteSchema) },
      responses: detail('Saved'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { sessionId } = c.req.valid('param');
      await savePrivateNote(deps.db, actor, sessionId, c.req.valid('json').body, deps.clock());
      return c.json(await getSession(deps.db, actor, sessionId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sessions/{sessionId}/close',
      tags,
      summary: 'Close a session as held (with at least one next step), cancelled or a no-show',
      request: { params: sessionIdParams, ...jsonBody(closeSessionSchema) },
      responses: detail('The closed session'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { sessionId } = c.req.valid('param');
      const input = c.req.valid('json');
      await closeSession(deps.db, actor, sessionId, input, deps.clock());
      if (input.outcome === 'cancelled') await sendSessionInvites(deps.db, deps.jobs, sessionId, 'cancelled');
      return c.json(await getSession(deps.db, actor, sessionId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sessions/{sessionId}/pulse',
      tags,
      summary: 'Rate the session (1–5 and one word); the other side’s rating shows once both answered',
      request: { params: sessionIdParams, ...jsonBody(pulseInputSchema) },
      responses: detail('The session'),
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { sessionId } = c.req.valid('param');
      await recordPulse(deps.db, actor, sessionId, c.req.valid('json'), deps.clock());
      return c.json(await getSession(deps.db, actor, sessionId), 200);
    },
  );
