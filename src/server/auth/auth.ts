import { sso } from '@better-auth/sso';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { organization } from 'better-auth/plugins/organization';
import { adminAc, defaultAc, memberAc, ownerAc } from 'better-auth/plugins/organization/access';
import { auditSignIns } from '../audit/auth-hooks';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { refuseDeactivatedSessions, scimAdapterSchema } from '../scim/auth-wiring';
import { cornerScim } from '../scim/scim-plugin';
import { createScimPrincipals } from '../scim/scim-principal';
import { claimAccountOnSsoLink } from '../sso/claim-account';
import { refuseSsoRequiredPasswords } from '../sso/require-sso-hook';
import { trackAuthTransactions } from './auth-transaction';
import { answerDatabaseFaults, authErrorHook } from './database-faults';
import { createSessionCache, type SessionCacheOptions } from './session-cache';

export type AuthOptions = {
  db: Db;
  secret: string;
  baseUrl: string;
  trustedOrigins: string[];
  /** Identity providers on a private network (Keycloak inside the company, the tests' own provider):
   * better-auth fetches only public hosts unless an origin is listed here. Not trusted for CSRF. */
  identityProviderOrigins?: string[];
  /** Tests shorten or move the session cache's clock; servers keep the defaults. */
  sessionCache?: SessionCacheOptions;
};

// Email + password accounts with cookie sessions. The tables live in our drizzle schema (db/schema/auth.ts).
export function createAuth({
  db,
  secret,
  baseUrl,
  trustedOrigins,
  identityProviderOrigins = [],
  sessionCache,
}: AuthOptions) {
  const sessions = createSessionCache(sessionCache);
  const auth = betterAuth({
    appName: 'Corner',
    baseURL: baseUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [...trustedOrigins, ...identityProviderOrigins],
    database: drizzleAdapter(trackAuthTransactions(db), {
      provider: 'pg',
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        organization: schema.organization,
        member: schema.member,
        invitation: schema.invitation,
        ssoProvider: schema.ssoProvider,
        ...scimAdapterSchema,
      },
      // SCIM writes a person and their provisioning records together or not at all (the plugin
      // refuses an adapter without real transactions).
      transaction: true,
    }),
    emailAndPassword: { enabled: true, autoSignIn: true, minPasswordLength: 8 },
    // Corner does not verify addresses, so better-auth's "local address verified" test would never
    // link anyone, and refusing would let whoever signed up first under an address lock its owner
    // out for good. The sso plugin links an existing account only through a provider whose domain
    // the operator approved and for an address on that domain (its `isTrustedProvider`); nothing
    // else is a trusted provider here. Such a link claims the account for the provider's person:
    // claimAccountOnSsoLink ends every way in its maker set up (sso/account-pre-hijacking.test.ts).
    account: { accountLinking: { enabled: true, requireLocalEmailVerified: false } },
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
      account: { create: { before: claimAccountOnSsoLink } },
      session: {
        create: { before: refuseDeactivatedSessions },
        delete: { after: async (ended) => sessions.forgetToken(ended.token) },
      },
      user: {
        update: { after: async (changed) => sessions.forgetUser(changed.id) },
        delete: { after: async (gone) => sessions.forgetUser(gone.id) },
      },
    },
    hooks: { before: refuseSsoRequiredPasswords(db), after: auditSignIns(db) },
    plugins: [
      // The organization plugin's tables and roles, for SSO and SCIM provisioning to add members;
      // its own HTTP endpoints are closed below (Corner's /api/v1/orgs applies our policies).
      organization({
        roles: { owner: ownerAc, admin: adminAc, coordinator: defaultAc.newRole({}), member: memberAc },
        creatorRole: 'owner',
      }),
      // OIDC and SAML sign-in. Providers are registered through Corner's /api/v1/orgs/{slug}/sso-providers
      // (policies, audit); the plugin's own registration endpoints are closed below.
      sso({
        // A provider signs nobody in until the operator approved its domain (`corner sso approve-domain`).
        domainVerification: { enabled: true },
        // First sign-in through an organization's provider makes the person a member.
        organizationProvisioning: { defaultRole: 'member' },
        providersLimit: 0,
        saml: { requireTimestamps: true, allowIdpInitiated: false },
      }),
      cornerScim({ db, forgetUser: (userId) => sessions.forgetUser(userId) }),
    ],
    telemetry: { enabled: false },
    // Failed SSO callbacks land on the sign-in page, which turns the error code into a sentence.
    onAPIError: { ...authErrorHook, errorURL: `${baseUrl}/sign-in` },
    // Off: its counters live per instance and trust X-Forwarded-For. Corner's own limiter
    // (security/limit-auth.ts) counts in the database, by the address our trusted proxies report.
    rateLimit: { enabled: false },
  });
  const handler = answerDatabaseFaults(auth.handler);
  return {
    ...auth,
    sessions,
    /** Which organization a SCIM token speaks for, for Corner's SCIM fast path (scim-fast-users.ts). */
    scimPrincipals: createScimPrincipals(),
    /** Origins of Corner's own pages (CSRF checks); identity providers are not among them. */
    pageOrigins: trustedOrigins,
    identityProviderOrigins,
    publicUrl: baseUrl,
    handler: (request: Request) => closePluginEndpoints(request, handler),
  };
}

export type Auth = ReturnType<typeof createAuth>;

// The organization plugin's endpoints are closed, and of the sso plugin only signing in is open (sign-in/sso,
// the OIDC callback, the SAML ACS and the SP metadata an IdP reads): registration and approval go through
// Corner's routes and CLI. An allow-list, so an endpoint a later plugin version adds stays closed.
const CLOSED_PREFIXES = ['/api/auth/organization/', '/api/auth/sso/'];
const OPEN_SSO_PREFIXES = [
  '/api/auth/sso/callback',
  '/api/auth/sso/saml2/sp/acs/',
  '/api/auth/sso/saml2/sp/metadata',
];

const isClosed = (pathname: string) =>
  CLOSED_PREFIXES.some((prefix) => pathname.startsWith(prefix)) &&
  !OPEN_SSO_PREFIXES.some((prefix) => pathname.startsWith(prefix));

// Plugin endpoints that would bypass Corner's policies answer 404, as a path that does not exist.
function closePluginEndpoints(request: Request, handler: (request: Request) => Promise<Response>) {
  const { pathname } = new URL(request.url);
  if (isClosed(pathname)) {
    return Promise.resolve(
      new Response(JSON.stringify({ code: 'not-found', title: 'There is nothing at this address.' }), {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
      }),
    );
  }
  return handler(request);
}
