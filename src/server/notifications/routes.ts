import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { createRouter, json, problemResponses } from '../http/openapi';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './notifications';
import { notificationIdParams, notificationListQuery, notificationSchema } from './schemas';

const tags = ['Notifications'];

export const notificationRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/notifications',
      tags,
      summary: 'My reminders and nudges, newest first',
      request: { query: notificationListQuery },
      responses: {
        200: json(
          z.object({ notifications: z.array(notificationSchema), unread: z.number() }),
          'My notifications and how many are unread',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const unreadOnly = c.req.valid('query').unread === 'true';
      return c.json(await listNotifications(c.var.deps.db, actorOf(c), unreadOnly), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/notifications/{notificationId}/read',
      tags,
      summary: 'Mark one notification read',
      request: { params: notificationIdParams },
      responses: { 200: json(notificationSchema, 'The notification'), ...problemResponses },
    }),
    async (c) => {
      const { notificationId } = c.req.valid('param');
      const deps = c.var.deps;
      return c.json(await markNotificationRead(deps.db, actorOf(c), notificationId, deps.clock()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/notifications/read-all',
      tags,
      summary: 'Mark all my notifications read',
      responses: { 200: json(z.object({ marked: z.number() }), 'How many were marked'), ...problemResponses },
    }),
    async (c) => {
      const deps = c.var.deps;
      return c.json({ marked: await markAllNotificationsRead(deps.db, actorOf(c), deps.clock()) }, 200);
    },
  );
