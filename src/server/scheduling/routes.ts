import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { guideIdParams } from '../guide-profiles/schemas';
import { createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { relationshipIdParams } from '../relationships/schemas';
import { getSession } from '../sessions/get-session';
import { sendSessionInvites } from '../sessions/send-session-invites';
import { bookSlot } from './book-slot';
import { loadBookingRules, saveBookingRules } from './booking-rules';
import { readBusy } from './busy-reader';
import { listIntroSlots } from './list-intro-slots';
import { listRelationshipSlots } from './list-slots';
import {
  bookingRulesSchema,
  bookSlotSchema,
  introSlotsAnswerSchema,
  slotsAnswerSchema,
  slotsQuery,
} from './schemas';

const tags = ['Scheduling'];

export const schedulingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/booking-rules',
      tags,
      summary: 'My booking rules as a guide: date overrides, out of office, buffers, notice, window, limits',
      responses: {
        200: json(bookingRulesSchema, 'My booking rules (defaults until changed)'),
        ...problemResponses,
      },
    }),
    async (c) => c.json(await loadBookingRules(c.var.deps.db, actorOf(c).userId), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/me/booking-rules',
      tags,
      summary: 'Change my booking rules',
      request: jsonBody(bookingRulesSchema),
      responses: { 200: json(bookingRulesSchema, 'The saved rules'), ...problemResponses },
    }),
    async (c) =>
      c.json(await saveBookingRules(c.var.deps.db, actorOf(c), c.req.valid('json'), c.var.deps.clock()), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/relationships/{relationshipId}/slots',
      tags,
      summary: 'Open slots for the pair: a time is offered only when Corner knows both people are free',
      request: { params: relationshipIdParams, query: slotsQuery },
      responses: { 200: json(slotsAnswerSchema, 'Open slots and what is hidden'), ...problemResponses },
    }),
    async (c) => {
      const { deps } = c.var;
      const { from, to } = c.req.valid('query');
      const answer = await listRelationshipSlots(
        deps.db,
        actorOf(c),
        c.req.valid('param').relationshipId,
        { from: new Date(from), to: new Date(to) },
        deps.clock(),
        deps.busyReader ?? readBusy,
      );
      return c.json(answer, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships/{relationshipId}/slots/book',
      tags,
      summary: 'Book an open slot; if someone else just took it, 409 with the slots open now',
      request: { params: relationshipIdParams, ...jsonBody(bookSlotSchema) },
      responses: {
        201: json(z.object({ id: z.string() }).passthrough(), 'The booked session'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { sessionId } = await bookSlot(
        deps.db,
        actor,
        c.req.valid('param').relationshipId,
        c.req.valid('json'),
        deps.clock(),
        deps.busyReader ?? readBusy,
      );
      await sendSessionInvites(deps.db, deps.jobs, sessionId, 'booked');
      return c.json(await getSession(deps.db, actor, sessionId), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/guides/{guideId}/intro-slots',
      tags,
      summary: 'Open times for an intro with a guide from the directory (the intro’s notice and length)',
      request: { params: guideIdParams, query: slotsQuery },
      responses: { 200: json(introSlotsAnswerSchema, 'Open intro times'), ...problemResponses },
    }),
    async (c) => {
      const { deps } = c.var;
      const { from, to } = c.req.valid('query');
      const answer = await listIntroSlots(
        deps.db,
        actorOf(c),
        c.req.valid('param').guideId,
        { from: new Date(from), to: new Date(to) },
        deps.clock(),
        deps.busyReader ?? readBusy,
      );
      return c.json(answer, 200);
    },
  );
