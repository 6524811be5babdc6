import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { answerDatabaseFaults, authErrorHook } from './database-faults';

export type AuthOptions = { db: Db; secret: string; baseUrl: string; trustedOrigins: string[] };

// Email + password accounts with cookie sessions. The tables live in our drizzle schema (db/schema/auth.ts).
export function createAuth({ db, secret, baseUrl, trustedOrigins }: AuthOptions) {
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
    telemetry: { enabled: false },
    onAPIError: authErrorHook,
  });
  return { ...auth, handler: answerDatabaseFaults(auth.handler) };
}

export type Auth = ReturnType<typeof createAuth>;
