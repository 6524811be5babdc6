import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { auditSignIns } from '../audit/auth-hooks';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
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
      },
    }),
    emailAndPassword: { enabled: true, autoSignIn: true, minPasswordLength: 8 },
    user: { additionalFields: { timeZone: { type: 'string', required: false, defaultValue: 'UTC' } } },
    // Every way better-auth ends a session (sign-out, revoke one or all, password change, user
    // deletion) or changes a person runs these, so this instance's session cache never outlives them.
    databaseHooks: {
      session: { delete: { after: async (ended) => sessions.forgetToken(ended.token) } },
      user: {
        update: { after: async (changed) => sessions.forgetUser(changed.id) },
        delete: { after: async (gone) => sessions.forgetUser(gone.id) },
      },
    },
    hooks: { after: auditSignIns(db) },
    telemetry: { enabled: false },
    onAPIError: authErrorHook,
    // Off: its counters live per instance and trust X-Forwarded-For. Corner's own limiter
    // (security/limit-auth.ts) counts in the database, by the address our trusted proxies report.
    rateLimit: { enabled: false },
  });
  return { ...auth, sessions, handler: answerDatabaseFaults(auth.handler) };
}

export type Auth = ReturnType<typeof createAuth>;
