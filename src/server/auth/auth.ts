import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Db } from '../db/client';
import * as schema from '../db/schema';

export type AuthOptions = { db: Db; secret: string; baseUrl: string; trustedOrigins: string[] };

// Email + password accounts with cookie sessions. The tables live in our drizzle schema (db/schema/auth.ts).
export function createAuth({ db, secret, baseUrl, trustedOrigins }: AuthOptions) {
  return betterAuth({
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
    telemetry: { enabled: false },
    // Off: its counters live per instance and trust X-Forwarded-For. Corner's own limiter
    // (security/limit-auth.ts) counts in the database, by the address our trusted proxies report.
    rateLimit: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
