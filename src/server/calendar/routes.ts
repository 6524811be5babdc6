import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actorOf } from '../auth/actor';
import type { AppEnv } from '../http/app-env';
import { createRouter, json, problemResponses } from '../http/openapi';
import { Problem, problemResponse } from '../http/problem';
import { buildFeedCalendar } from './build-session-invite';
import { findFeedOwner, getFeedStatus, revokeFeedToken, rotateFeedToken } from './feed-tokens';

const tags = ['Calendar'];

const feedStatusSchema = z
  .object({ active: z.boolean(), createdAt: z.string().nullable() })
  .openapi('CalendarFeedStatus');
const newFeedSchema = z
  .object({ url: z.string(), createdAt: z.string() })
  .openapi('CalendarFeedLink', { description: 'The secret URL, shown only in this response' });

// The feed URL is built from the address the person is using Corner at: it is the one their calendar
// app can reach too.
const feedUrl = (c: Context, token: string) => `${new URL(c.req.url).origin}/calendar/${token}.ics`;

export const calendarFeedRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/calendar-feed',
      tags,
      summary: 'Whether I have a calendar feed link (the link itself is shown only when created)',
      responses: { 200: json(feedStatusSchema, 'The feed’s status'), ...problemResponses },
    }),
    async (c) => c.json(await getFeedStatus(c.var.deps.db, actorOf(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/calendar-feed',
      tags,
      summary: 'Create my secret calendar feed link, replacing any earlier one',
      responses: { 201: json(newFeedSchema, 'The new link; the old one stops working'), ...problemResponses },
    }),
    async (c) => {
      const created = await rotateFeedToken(c.var.deps.db, actorOf(c), c.var.deps.clock());
      return c.json({ url: feedUrl(c, created.token), createdAt: created.createdAt }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/calendar-feed',
      tags,
      summary: 'Turn my calendar feed off',
      responses: { 200: json(feedStatusSchema, 'The feed is off'), ...problemResponses },
    }),
    async (c) => {
      await revokeFeedToken(c.var.deps.db, actorOf(c), c.var.deps.clock());
      return c.json({ active: false, createdAt: null }, 200);
    },
  );

/**
 * GET /calendar/<token>.ics — public by design (calendar apps cannot sign in), so the unguessable
 * token is the only key. Unknown and revoked tokens get the same 404.
 */
export async function serveCalendarFeed(c: Context<AppEnv>): Promise<Response> {
  const file = c.req.param('file') ?? '';
  const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : '';
  const deps = c.var.deps;
  const userId = token ? await findFeedOwner(deps.db, token) : null;
  if (!userId) return problemResponse(c, new Problem(404, 'not-found', 'No calendar feed at this address.'));
  const events = await deps.sessionSource(userId);
  return c.body(buildFeedCalendar('Corner sessions', events), 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'cache-control': 'private, max-age=300',
  });
}
