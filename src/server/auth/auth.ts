import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { organization } from 'better-auth/plugins/organization';
import { adminAc, defaultAc, memberAc, ownerAc } from 'better-auth/plugins/organization/access';
import { auditSignIns } from '../audit/auth-hooks';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { refuseDeactivatedSessions, scimAdapterSchema } from '../scim/auth-wiring';
import { cornerScim } from '../scim/scim-plugin';
import { answerDatabaseFaults, authErrorHook } from './database-faults';
import { createSessionCache, type SessionCacheOptions } from './session-cache';

export type AuthOptions = {
  db: Db;
  secret: string;
  baseUrl: string;
  trustedOrigins: string[];
  /** Tests shorten or move the session cache's clock; servers keep the defaults. */
  sessionCache?: SessionCacheOptions;
};

// Email + password accounts with cookie sessions. The tables live in our drizzle schema (db/schema/auth.ts).
export function createAuth({ db, secret, baseUrl, trustedOrigins, sessionCache }: AuthOptions) {
  const sessions = createSessionCache(sessionCache);
  const auth = betterAuth({
    appName: 'Corner',
    baseURL: baseUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        organization: schema.organization,
        member: schema.member,
        invitation: schema.invitation,
        ...scimAdapterSchema,
      },
      // SCIM writes a person and their provisioning records together or not at all (the plugin
      // refuses an adapter without real transactions).
      transaction: true,
    }),
    emailAndPassword: { enabled: true, autoSignIn: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        timeZone: { type: 'string', required: false, defaultValue: 'UTC' },
        // Written only by SCIM (scim/scim-plugin.ts), never from a request body.
        deactivatedAt: { type: 'date', required: false, input: false },
      },
    },
    // Every way better-auth ends a session (sign-out, revoke one or all, password change, user
    // deletion) or changes a person runs these, so this instance's session cache never outlives them.
    databaseHooks: {
      session: {
        create: { before: refuseDeactivatedSessions },
        delete: { after: async (ended) => sessions.forgetToken(ended.token) },
      },
      user: {
        update: { after: async (changed) => sessions.forgetUser(changed.id) },
        delete: { after: async (gone) => sessions.forgetUser(gone.id) },
      },
    },
    hooks: { after: auditSignIns(db) },
    plugins: [
      // The organization plugin's tables and roles, for SSO and SCIM provisioning to add members;
      // its own HTTP endpoints are closed below (Corner's /api/v1/orgs applies our policies).
      organization({
        roles: { owner: ownerAc, admin: adminAc, coordinator: defaultAc.newRole({}), member: memberAc },
        creatorRole: 'owner',
      }),
      cornerScim({ db, forgetUser: (userId) => sessions.forgetUser(userId) }),
    ],
    telemetry: { enabled: false },
    onAPIError: authErrorHook,
    // Off: its counters live per instance and trust X-Forwarded-For. Corner's own limiter
    // (security/limit-auth.ts) counts in the database, by the address our trusted proxies report.
    rateLimit: { enabled: false },
  });
  const handler = answerDatabaseFaults(auth.handler);
  return { ...auth, sessions, handler: (request: Request) => closePluginEndpoints(request, handler) };
}

export type Auth = ReturnType<typeof createAuth>;

const CLOSED_PREFIXES = ['/api/auth/organization/'];

// Plugin endpoints that would bypass Corner's policies answer 404, as a path that does not exist.
function closePluginEndpoints(request: Request, handler: (request: Request) => Promise<Response>) {
  const { pathname } = new URL(request.url);
  if (CLOSED_PREFIXES.some((prefix) => pathname.startsWith(prefix))) {
    return Promise.resolve(
      new Response(JSON.stringify({ code: 'not-found', title: 'There is nothing at this address.' }), {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
      }),
    );
  }
  return handler(request);
}
