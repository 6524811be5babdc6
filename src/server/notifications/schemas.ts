import { z } from '@hono/zod-openapi';

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    text: z.string(),
    link: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
    mailedAt: z.string().nullable(),
  })
  .openapi('Notification');

export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .optional()
    .openapi({ param: { name: 'unread', in: 'query' } }),
});

export const notificationIdParams = z.object({
  notificationId: z
    .uuid({ message: 'must be a notification id' })
    .openapi({ param: { name: 'notificationId', in: 'path' } }),
});
