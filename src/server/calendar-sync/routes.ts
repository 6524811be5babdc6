import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { actorOf } from '../auth/actor';
import { createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { problemSchema } from '../http/problem';
import {
  createCalendarConnection,
  deleteCalendarConnection,
  listCalendarConnections,
  syncCalendarConnectionNow,
  updateCalendarConnection,
} from './connections';
import { connectorsFor } from './connectors';
import { completeCalendarAuthorization, startCalendarAuthorization } from './oauth-connections';
import { type CalendarProviders, type OAuthProviderName, oauthProviderNames } from './oauth-providers';
import { OAUTH_NONCE_COOKIE, OAUTH_STATE_MINUTES } from './oauth-state';
import {
  calendarConnectionSchema,
  connectionIdParams,
  createCalendarConnectionSchema,
  updateCalendarConnectionSchema,
} from './schemas';

const tags = ['Calendar connections'];

const providerParams = z.object({
  provider: z
    .enum(oauthProviderNames, { message: 'must be google or microsoft' })
    .openapi({ param: { name: 'provider', in: 'path' } }),
});
const callbackQuery = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});
// The cookie only travels to the callback, and only on the top-level redirect back from the provider (Lax).
const COOKIE_PATH = '/api/v1/me/calendar-connections';
const SETTINGS_PATH = '/settings';

function redirectIsHttps(providers: CalendarProviders | undefined, name: OAuthProviderName): boolean {
  return providers?.[name]?.redirectUrl.startsWith('https:') ?? false;
}

export const calendarConnectionRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/calendar-connections',
      tags,
      summary: 'My connected calendars with their sync state (never the credentials)',
      responses: {
        200: json(
          z.object({
            connections: z.array(calendarConnectionSchema),
            /** Which services this installation can connect besides CalDAV (their OAuth client is configured). */
            providers: z.object({ google: z.boolean(), microsoft: z.boolean() }),
          }),
          'My connections',
        ),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        {
          connections: await listCalendarConnections(c.var.deps.db, actorOf(c)),
          providers: {
            google: Boolean(c.var.deps.calendarProviders?.google),
            microsoft: Boolean(c.var.deps.calendarProviders?.microsoft),
          },
        },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/calendar-connections/{provider}/authorize',
      tags,
      summary: 'Start connecting Google Calendar or Microsoft 365: redirects to the service’s consent page',
      request: { params: providerParams },
      responses: { 302: { description: 'To the consent page' }, ...problemResponses },
    }),
    async (c) => {
      const provider = c.req.valid('param').provider;
      const { url, nonce } = startCalendarAuthorization(
        c.var.deps.calendarProviders ?? {},
        c.var.deps.calendarKey,
        actorOf(c),
        provider,
        c.var.deps.clock(),
      );
      setCookie(c, OAUTH_NONCE_COOKIE, nonce, {
        path: COOKIE_PATH,
        httpOnly: true,
        sameSite: 'Lax',
        // Behind a TLS-terminating proxy the request itself looks like http; the redirect address does not.
        secure: url.startsWith('https:') || redirectIsHttps(c.var.deps.calendarProviders, provider),
        maxAge: OAUTH_STATE_MINUTES * 60,
      });
      return c.redirect(url, 302);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/calendar-connections/{provider}/callback',
      tags,
      summary: 'Where the service sends the person back: saves the connection and returns to the settings',
      request: { params: providerParams, query: callbackQuery },
      responses: {
        302: { description: 'Back to the settings page' },
        400: {
          content: { 'application/problem+json': { schema: problemSchema } },
          description: 'The state is not one Corner issued for this person and browser, or has expired',
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const provider = c.req.valid('param').provider;
      const nonce = getCookie(c, OAUTH_NONCE_COOKIE);
      // One use only: whatever happens next, this browser's nonce is spent.
      deleteCookie(c, OAUTH_NONCE_COOKIE, { path: COOKIE_PATH });
      const result = await completeCalendarAuthorization(
        c.var.deps.db,
        c.var.deps.calendarKey,
        c.var.deps.calendarProviders ?? {},
        actorOf(c),
        provider,
        c.req.valid('query'),
        nonce,
        c.var.deps.clock(),
      );
      const back = new URLSearchParams(
        result.outcome === 'connected' ? { calendarConnected: provider } : { calendarDenied: provider },
      );
      return c.redirect(`${SETTINGS_PATH}?${back}`, 302);
    },
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
          connectorsFor(c.var.deps.calendarProviders ?? {}),
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
