import { z } from '@hono/zod-openapi';

export const connectionIdParams = z.object({
  connectionId: z
    .uuid({ message: 'must be a calendar connection id' })
    .openapi({ param: { name: 'connectionId', in: 'path' } }),
});

export const createCalendarConnectionSchema = z
  .object({
    provider: z.literal('caldav', {
      message:
        'must be caldav (Google and Microsoft connect through GET /api/v1/me/calendar-connections/{provider}/authorize)',
    }),
    url: z.string().trim().min(1, 'must be the calendar server’s address').max(2000),
    username: z.string().trim().min(1, 'must be your user name on the calendar server').max(320),
    password: z.string().min(1, 'must be the password (an app password for iCloud or Fastmail)').max(1000),
    displayName: z.string().trim().min(1).max(80).optional(),
  })
  .openapi('CreateCalendarConnection');

export const updateCalendarConnectionSchema = z
  .object({
    /** The calendars that count as busy; the others are ignored. */
    busyCalendarUrls: z.array(z.string().min(1)).max(100).optional(),
    /** The calendar that receives Corner's sessions; null = none. */
    writeCalendarUrl: z.string().min(1).nullable().optional(),
  })
  .openapi('UpdateCalendarConnection');

export const connectedCalendarSchema = z
  .object({ url: z.string(), displayName: z.string(), busy: z.boolean(), write: z.boolean() })
  .openapi('ConnectedCalendar');

export const calendarConnectionSchema = z
  .object({
    id: z.string(),
    provider: z.enum(['caldav', 'google', 'microsoft']),
    displayName: z.string(),
    serverUrl: z.string(),
    username: z.string(),
    status: z.enum(['ok', 'error']),
    lastSyncedAt: z.string().nullable(),
    lastError: z.string().nullable(),
    errorSince: z.string().nullable(),
    warnings: z.array(z.string()),
    calendars: z.array(connectedCalendarSchema),
    createdAt: z.string(),
  })
  .openapi('CalendarConnection');

export type CalendarConnectionView = z.infer<typeof calendarConnectionSchema>;
