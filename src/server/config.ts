import path from 'node:path';
import { z } from 'zod';
import type { ProgramCreators } from './programs/programs';
import { isAddressOrRange } from './security/trusted-proxies';

// Every setting Corner reads, in one place. A wrong value stops start-up with a sentence naming the
// variable and what is wrong, instead of failing later in some unrelated corner of the code.
const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default('localhost'),
    CORNER_DATA_DIR: z.string().min(1).default('.corner'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters long').optional(),
    // The key calendar credentials are encrypted with (AES-256-GCM, derived with HKDF from this value).
    // Unset = derived from the auth secret, which embedded mode keeps beside the data.
    CALENDAR_CREDENTIALS_KEY: z.string().min(32, 'must be at least 32 characters long').optional(),
    // OAuth clients for Google Calendar and Microsoft 365 (calendar-sync/oauth-providers.ts). A provider is
    // offered only when its client id and secret are both set; the redirect defaults to PUBLIC_URL's callback.
    GOOGLE_CLIENT_ID: z.string().min(1).optional(),
    GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
    GOOGLE_REDIRECT_URL: z.url('must be a full URL such as https://corner.example.com/…/callback').optional(),
    MICROSOFT_CLIENT_ID: z.string().min(1).optional(),
    MICROSOFT_CLIENT_SECRET: z.string().min(1).optional(),
    MICROSOFT_REDIRECT_URL: z
      .url('must be a full URL such as https://corner.example.com/…/callback')
      .optional(),
    // The Entra ID tenant people sign in through: common (any work or personal account), organizations,
    // consumers, or one tenant's id.
    MICROSOFT_TENANT: z
      .string()
      .regex(/^[A-Za-z0-9.-]+$/, 'must be common, organizations, consumers or a tenant id')
      .default('common'),
    PUBLIC_URL: z.url('must be a full URL such as https://corner.example.com').optional(),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    SMTP_URL: z
      .url('must be a URL such as smtp://user:password@mail.example.com:587')
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z
      .string()
      .regex(
        /^([^<>]+<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
        'must be an address, or a name and an address such as "Corner <corner@example.com>"',
      )
      .default('Corner <corner@localhost>'),
    // Which roles this process plays: the web server, the job worker, or both (the default, so the
    // embedded mode runs jobs in-process). Several web instances can share one worker instance.
    // Who may create programs: anyone signed in (default), or only the addresses in
    // PROGRAM_CREATOR_EMAILS (comma-separated).
    PROGRAM_CREATORS: z
      .enum(['anyone', 'allowlist'], { message: 'must be anyone or allowlist' })
      .default('anyone'),
    PROGRAM_CREATOR_EMAILS: z
      .string()
      .regex(
        /^\s*[^\s@,]+@[^\s@,]+(\s*,\s*[^\s@,]+@[^\s@,]+)*\s*$/,
        'must be email addresses separated by commas',
      )
      .optional(),
    CORNER_ROLES: z
      .string()
      .regex(/^(web|worker)(,(web|worker))*$/, 'must be web, worker or web,worker')
      .default('web,worker'),
    // How long SIGTERM waits for requests in flight, and then for running jobs, before closing anyway.
    CORNER_SHUTDOWN_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
    // How long a starting instance waits for an unreachable PostgreSQL before giving up. Orchestrators
    // start app and database together; an instance that exited at once would crash-loop instead.
    CORNER_START_WAIT_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
    // The load balancers in front of Corner. Only their X-Forwarded-For is believed: anyone else could
    // write any address there and so escape every per-address limit.
    TRUSTED_PROXIES: z
      .string()
      .refine(
        (value) => value.split(',').every((entry) => isAddressOrRange(entry.trim())),
        'must be a comma-separated list of IP addresses or CIDR ranges such as 10.0.0.1,192.168.0.0/16',
      )
      .optional(),
    // Identity providers on a private network (a company Keycloak): Corner fetches an IdP's
    // configuration, keys and tokens only from public hosts unless its origin is listed here.
    SSO_PRIVATE_IDP_ORIGINS: z
      .string()
      .refine(
        (value) => value.split(',').every((entry) => URL.canParse(entry.trim())),
        'must be a comma-separated list of origins such as https://keycloak.internal:8443',
      )
      .optional(),
  })
  // The embedded database belongs to one process, so no other process could ever run its jobs.
  .refine((env) => env.DATABASE_URL || env.CORNER_ROLES.split(',').includes('worker'), {
    message: 'must include worker with the embedded database (jobs run in the same process)',
    path: ['CORNER_ROLES'],
  })
  .refine((env) => !env.GOOGLE_CLIENT_ID === !env.GOOGLE_CLIENT_SECRET, {
    message: 'must be set together with GOOGLE_CLIENT_ID (both or neither)',
    path: ['GOOGLE_CLIENT_SECRET'],
  })
  .refine((env) => !env.MICROSOFT_CLIENT_ID === !env.MICROSOFT_CLIENT_SECRET, {
    message: 'must be set together with MICROSOFT_CLIENT_ID (both or neither)',
    path: ['MICROSOFT_CLIENT_SECRET'],
  })
  .refine((env) => env.PROGRAM_CREATORS !== 'allowlist' || env.PROGRAM_CREATOR_EMAILS, {
    message: 'must list at least one address when PROGRAM_CREATORS is allowlist',
    path: ['PROGRAM_CREATOR_EMAILS'],
  })
  .refine((env) => !(env.DATABASE_URL && env.NODE_ENV === 'production' && !env.BETTER_AUTH_SECRET), {
    message: 'is required in production with DATABASE_URL, so that every instance signs sessions alike',
    path: ['BETTER_AUTH_SECRET'],
  });

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  authSecret: string | undefined;
  /** CALENDAR_CREDENTIALS_KEY; undefined = derived from the auth secret. */
  calendarCredentialsKey: string | undefined;
  publicUrl: string;
  /** OAuth clients of the calendar providers that are configured; an absent one is not offered. */
  calendarOAuth: CalendarOAuthSettings;
  environment: 'development' | 'production' | 'test';
  /** undefined = no SMTP: mail goes to the outbox only. */
  smtpUrl: string | undefined;
  mailFrom: string;
  roles: { web: boolean; worker: boolean };
  /** The bound on each stage of a graceful shutdown (requests, then jobs). */
  shutdownTimeoutMs: number;
  /** How long start-up waits for an unreachable PostgreSQL. */
  startWaitMs: number;
  programCreators: ProgramCreators;
  /** Addresses and CIDR ranges whose X-Forwarded-For is believed; empty = the socket address only. */
  trustedProxies: string[];
  /** SSO_PRIVATE_IDP_ORIGINS: private-network identity providers Corner may fetch from. */
  identityProviderOrigins: string[];
};

export type OAuthClientSettings = { clientId: string; clientSecret: string; redirectUrl: string };
export type CalendarOAuthSettings = {
  google?: OAuthClientSettings;
  microsoft?: OAuthClientSettings & { tenant: string };
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = configSchema.safeParse(pickKnown(env));
  if (!parsed.success) {
    const sentences = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || 'configuration';
      return `${name} ${issue.message.replace(/^Invalid input: /, '')} (got ${JSON.stringify(env[name] ?? null)}).`;
    });
    throw new ConfigError(`Corner cannot start: ${sentences.join(' ')}`);
  }
  const value = parsed.data;
  const publicUrl = value.PUBLIC_URL ?? `http://${value.HOST}:${value.PORT}`;
  const callback = (provider: string) =>
    new URL(`/api/v1/me/calendar-connections/${provider}/callback`, publicUrl).toString();
  return {
    port: value.PORT,
    host: value.HOST,
    dataDir: path.resolve(cwd, value.CORNER_DATA_DIR),
    databaseUrl: value.DATABASE_URL,
    authSecret: value.BETTER_AUTH_SECRET,
    calendarCredentialsKey: value.CALENDAR_CREDENTIALS_KEY,
    publicUrl,
    calendarOAuth: {
      ...(value.GOOGLE_CLIENT_ID && value.GOOGLE_CLIENT_SECRET
        ? {
            google: {
              clientId: value.GOOGLE_CLIENT_ID,
              clientSecret: value.GOOGLE_CLIENT_SECRET,
              redirectUrl: value.GOOGLE_REDIRECT_URL ?? callback('google'),
            },
          }
        : {}),
      ...(value.MICROSOFT_CLIENT_ID && value.MICROSOFT_CLIENT_SECRET
        ? {
            microsoft: {
              clientId: value.MICROSOFT_CLIENT_ID,
              clientSecret: value.MICROSOFT_CLIENT_SECRET,
              redirectUrl: value.MICROSOFT_REDIRECT_URL ?? callback('microsoft'),
              tenant: value.MICROSOFT_TENANT,
            },
          }
        : {}),
    },
    environment: value.NODE_ENV,
    smtpUrl: value.SMTP_URL,
    mailFrom: value.MAIL_FROM,
    roles: {
      web: value.CORNER_ROLES.split(',').includes('web'),
      worker: value.CORNER_ROLES.split(',').includes('worker'),
    },
    shutdownTimeoutMs: value.CORNER_SHUTDOWN_SECONDS * 1000,
    startWaitMs: value.CORNER_START_WAIT_SECONDS * 1000,
    programCreators:
      value.PROGRAM_CREATORS === 'allowlist'
        ? {
            mode: 'allowlist',
            emails: (value.PROGRAM_CREATOR_EMAILS ?? '')
              .split(',')
              .map((email) => email.trim().toLowerCase())
              .filter((email) => email.length > 0),
          }
        : { mode: 'anyone' },
    identityProviderOrigins: (value.SSO_PRIVATE_IDP_ORIGINS ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .map((entry) => new URL(entry).origin),
    trustedProxies: (value.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  };
}

// Empty strings count as unset, as in most shells' `VAR= npm start`.
function pickKnown(env: NodeJS.ProcessEnv): Record<string, string> {
  const known = Object.keys(configSchema.shape ?? {});
  const picked: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  return picked;
}
