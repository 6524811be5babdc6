import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import {
  createCalendarConnection,
  deleteCalendarConnection,
  listCalendarConnections,
  syncCalendarConnectionNow,
  updateCalendarConnection,
} from './connections';
import {
  calendarConnectionSchema,
  connectionIdParams,
  createCalendarConnectionSchema,
  updateCalendarConnectionSchema,
} from './schemas';

const tags = ['Calendar connections'];

export const calendarConnectionRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/calendar-connections',
      tags,
      summary: 'My connected calendars with their sync state (never the credentials)',
      responses: {
        200: json(z.object({ connections: z.array(calendarConnectionSchema) }), 'My connections'),
        ...problemResponses,
      },
    }),
    async (c) => c.json({ connections: await listCalendarConnections(c.var.deps.db, actorOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/calendar-connections',
      tags,
      summary: 'Connect a CalDAV calendar (the credentials are checked before anything is saved)',
      request: jsonBody(createCalendarConnectionSchema),
      responses: { 201: json(calendarConnectionSchema, 'Connected and synced once'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await createCalendarConnection(
          c.var.deps.db,
          c.var.deps.calendarKey,
          actorOf(c),
          c.req.valid('json'),
          c.var.deps.clock(),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/me/calendar-connections/{connectionId}',
      tags,
      summary: 'Choose which calendars count as busy and which one receives sessions',
      request: { params: connectionIdParams, ...jsonBody(updateCalendarConnectionSchema) },
      responses: { 200: json(calendarConnectionSchema, 'The connection'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await updateCalendarConnection(
          c.var.deps.db,
          actorOf(c),
          c.req.valid('param').connectionId,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/calendar-connections/{connectionId}/sync',
      tags,
      summary: 'Read the calendar now',
      request: { params: connectionIdParams },
      responses: {
        200: json(calendarConnectionSchema, 'The connection after the sync'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        await syncCalendarConnectionNow(
          c.var.deps.db,
          c.var.deps.calendarKey,
          actorOf(c),
          c.req.valid('param').connectionId,
          c.var.deps.clock(),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/me/calendar-connections/{connectionId}',
      tags,
      summary: 'Disconnect a calendar; its cached busy time goes with it',
      request: { params: connectionIdParams },
      responses: { 204: { description: 'Disconnected' }, ...problemResponses },
    }),
    async (c) => {
      await deleteCalendarConnection(c.var.deps.db, actorOf(c), c.req.valid('param').connectionId);
      return c.body(null, 204);
    },
  );
