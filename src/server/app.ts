import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { accessTokenRoutes } from './access-tokens/routes';
import { accountDeletionRoutes } from './account-deletion/routes';
import { actionRoutes } from './actions/routes';
import { apiDocsRoutes } from './api-docs/routes';
import { artifactRoutes } from './artifacts/routes';
import { auditRoutes } from './audit/routes';
import { loadActor } from './auth/actor';
import { serveCachedSession } from './auth/cached-get-session';
import { calendarFeedRoutes, serveCalendarFeed } from './calendar/routes';
import { calendarConnectionRoutes } from './calendar-sync/routes';
import { directoryRoutes } from './directory/routes';
import { createPublicFeedbackRoutes } from './feedback/public-routes';
import { feedbackRoutes } from './feedback/routes';
import { goalRoutes } from './goals/routes';
import { growthRecordRoutes } from './growth-record/routes';
import { guideProfileRoutes } from './guide-profiles/routes';
import type { AppEnv, Deps } from './http/app-env';
import { handleError, handleNotFound } from './http/errors';
import { createRouter, json } from './http/openapi';
import { Problem, problemResponse } from './http/problem';
import { registerReadyRoute } from './http/ready-route';
import { introRoutes } from './intros/routes';
import { journalRoutes } from './journal/routes';
import { outboxRoutes } from './mail/routes';
import { meRoutes } from './me/routes';
import { messageRoutes } from './messages/messages';
import { notificationRoutes } from './notifications/routes';
import { orgRoutes } from './orgs/routes';
import { outcomeRoutes } from './outcomes/routes';
import { outreachRoutes } from './outreach/routes';
import { guidePreferenceRoutes } from './programs/guide-preference-routes';
import { participantRoutes } from './programs/participant-routes';
import { programRoutes } from './programs/routes';
import { readinessRoutes } from './readiness/routes';
import { consentRoutes } from './relationships/consent-routes';
import { relationshipRoutes } from './relationships/routes';
import { proposalRoutes } from './scheduling/proposal-routes';
import { schedulingRoutes } from './scheduling/routes';
import { scimTokenRoutes } from './scim/routes';
import { scimTooLarge } from './scim/scim-errors';
import { createScimUserFast, listScimUsersFast, patchScimUserFast } from './scim/scim-fast-users';
import { resolveClientAddress } from './security/client-address';
import { genericAuthErrors } from './security/generic-auth-errors';
import { limitAuth } from './security/limit-auth';
import { limitRequests } from './security/limit-requests';
import { refuseCrossSite, refuseForeignOrigin } from './security/refuse-cross-site';
import { securityHeaders } from './security/security-headers';
import { sessionRoutes } from './sessions/routes';
import { shadowMapRoutes } from './shadow-map/routes';
import { shortlistRoutes } from './shortlist/routes';
import { ssoRoutes } from './sso/routes';

const MAX_BODY_BYTES = 1024 * 1024;
// Spreadsheets of a few thousand applicants are larger than any other request.
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

// The versioned API: every capability mounts its router here, and the OpenAPI document is built from
// the same zod schemas that validate requests.
export function buildApi() {
  return createRouter()
    .route('/', meRoutes)
    .route('/', readinessRoutes)
    .route('/', goalRoutes)
    .route('/', programRoutes)
    .route('/', guidePreferenceRoutes)
    .route('/', relationshipRoutes)
    .route('/', consentRoutes)
    .route('/', participantRoutes)
    .route('/', sessionRoutes)
    .route('/', schedulingRoutes)
    .route('/', proposalRoutes)
    .route('/', actionRoutes)
    .route('/', journalRoutes)
    .route('/', messageRoutes)
    .route('/', outboxRoutes)
    .route('/', notificationRoutes)
    .route('/', calendarFeedRoutes)
    .route('/', feedbackRoutes)
    .route('/', createPublicFeedbackRoutes())
    .route('/', shadowMapRoutes)
    .route('/', artifactRoutes)
    .route('/', accessTokenRoutes)
    .route('/', calendarConnectionRoutes)
    .route('/', growthRecordRoutes)
    .route('/', guideProfileRoutes)
    .route('/', directoryRoutes)
    .route('/', shortlistRoutes)
    .route('/', introRoutes)
    .route('/', outreachRoutes)
    .route('/', auditRoutes)
    .route('/', accountDeletionRoutes)
    .route('/', outcomeRoutes)
    .route('/', orgRoutes)
    .route('/', ssoRoutes)
    .route('/', scimTokenRoutes);
}

export type ApiType = ReturnType<typeof buildApi>;

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  summary: 'Is the process up (liveness; the database is not checked, see /ready)',
  responses: { 200: json(z.object({ ok: z.boolean(), database: z.string() }), 'Healthy') },
});

export function buildApp(
  deps: Deps & { databaseKind: string },
  options: { webRoot?: string; trustedProxies?: string[] } = {},
) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.notFound(handleNotFound);
  app.use('*', securityHeaders(deps.auth.options.baseURL));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', resolveClientAddress(options.trustedProxies ?? []));
  const scimBodies = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => scimTooLarge() });

  // Before the auth middlewares on purpose: reading one's own session is neither limited nor rewritten.
  app.get('/api/auth/get-session', serveCachedSession);
  // SCIM (identity providers, bearer tokens, every method): not browser traffic, so neither the
  // origin check nor the sign-in limiter applies; a body is at most 1 MB, as on /api/v1.
  // The three requests a sync sends by the thousand take Corner's fast path first (scim-fast-users.ts),
  // which hands anything uncommon to the plugin below.
  app.post('/api/auth/scim/v2/Users', scimBodies, createScimUserFast);
  app.patch('/api/auth/scim/v2/Users/:userId', scimBodies, patchScimUserFast);
  app.get('/api/auth/scim/v2/Users', listScimUsersFast);
  app.on(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], '/api/auth/scim/v2/*', scimBodies, (c) =>
    deps.auth.handler(c.req.raw),
  );
  app.use('/api/auth/*', refuseForeignOrigin(deps.auth.pageOrigins), genericAuthErrors, limitAuth);
  app.on(['GET', 'POST'], '/api/auth/*', (c) => deps.auth.handler(c.req.raw));
  app.get('/calendar/:file', serveCalendarFeed);

  const api = new OpenAPIHono<AppEnv>();
  api.openapi(healthRoute, async (c) => c.json({ ok: true, database: deps.databaseKind }, 200));
  registerReadyRoute(api, deps.db);
  const limitBody = (maxSize: number, label: string) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        problemResponse(c, new Problem(413, 'too-large', `The request body is larger than ${label}.`)),
    });
  const smallBodies = limitBody(MAX_BODY_BYTES, '1 MB');
  const importBodies = limitBody(MAX_IMPORT_BYTES, '20 MB');
  api.use('/v1/*', refuseCrossSite(deps.auth.pageOrigins));
  api.use(
    '/v1/invitations/:token/accept',
    limitRequests((limits) => limits.invitationAccept),
  );
  api.use(
    '/v1/*',
    // A GET has no body to limit, and asking for one makes the node adapter build a full Request.
    (c, next) =>
      c.req.method === 'GET' || c.req.method === 'HEAD'
        ? next()
        : c.req.path.endsWith('/applications/import')
          ? importBodies(c, next)
          : smallBodies(c, next),
    loadActor,
  );
  api.route('/v1', buildApi());
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'better-auth.session_token',
    description: 'Sign in with POST /api/auth/sign-in/email (or sign up with /api/auth/sign-up/email).',
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Corner API',
      version: '1',
      description:
        'Goals, readiness checks and relationships for people growing with a mentor, coach or peer. ' +
        'Errors are application/problem+json with a stable code and the field that was wrong.',
    },
    servers: [{ url: '/api', description: 'This Corner server' }],
    security: [{ session: [] }],
  });
  api.route('/docs', apiDocsRoutes);
  app.route('/api', api);

  if (options.webRoot && fs.existsSync(path.join(options.webRoot, 'index.html'))) {
    const webRoot = options.webRoot;
    const indexHtml = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: webRoot }));
    app.use('/favicon.svg', serveStatic({ root: webRoot }));
    // Client-side routes all load the single page; /api paths never fall through to it.
    app.get('*', (c) => (c.req.path.startsWith('/api/') ? handleNotFound(c) : c.html(indexHtml)));
  }
  return app;
}
