import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './free-port';

// A real OpenID provider (the `oidc-provider` package) on a free loopback port, with one confidential
// client registered for Corner. Its development login and consent pages are the provider's own
// interaction endpoints: db tests drive them over HTTP (signInThroughProvider), browser journeys fill
// them in. Tests may tamper with the ID token the token endpoint returns (re-signed with the
// provider's own key, or another one) and shorten the code's lifetime.

export type IdTokenTamper = (claims: Record<string, unknown>) => {
  claims: Record<string, unknown>;
  /** Sign with this key instead of the provider's own (a forged token). */
  signingKey?: KeyObject;
};

export type TestOidcProvider = {
  issuer: string;
  origin: string;
  clientId: string;
  clientSecret: string;
  /** Set for the next token responses; null = untouched. */
  tamperIdToken: (tamper: IdTokenTamper | null) => void;
  /** Seconds an authorization code lives (default 60). */
  setCodeLifetime: (seconds: number) => void;
  close: () => Promise<void>;
};

/**
 * `port` lets a journey pick the provider's port first, to name its origin in the Corner server's
 * environment (SSO_PRIVATE_IDP_ORIGINS) before the server, and so the provider, know Corner's URL.
 */
export async function startOidcProvider(options: {
  corner: string;
  port?: number;
}): Promise<TestOidcProvider> {
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const clientId = 'corner';
  const clientSecret = `secret-${randomUUID()}`;
  let codeLifetime = 60;
  let tamper: IdTokenTamper | null = null;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        // Corner's callback is per provider id, which is only known after registration.
        redirect_uris: [`${options.corner}/api/auth/sso/callback/placeholder`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [`cookie-key-${randomUUID()}`] },
    pkce: { required: () => true },
    ttl: { AuthorizationCode: () => codeLifetime },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The login is the person's e-mail address; any password is accepted by the development pages.
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({
        sub,
        email: sub.toLowerCase(),
        email_verified: true,
        name: nameFrom(sub),
      }),
    }),
    features: { devInteractions: { enabled: true } },
  });
  provider.proxy = false;
  // Corner's callback path ends with the provider id, known only after Corner registers it, so the
  // client accepts any callback of that Corner (a real provider would be given the exact URI).
  const callbackPrefix = `${options.corner}/api/auth/sso/callback/`;
  provider.Client.prototype.redirectUriAllowed = (uri: string) => uri.startsWith(callbackPrefix);

  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || !tamper || typeof ctx.body !== 'object' || ctx.body === null) return;
    const body = ctx.body as { id_token?: string };
    if (!body.id_token) return;
    const claims = JSON.parse(Buffer.from(body.id_token.split('.')[1] ?? '', 'base64url').toString());
    const changed = tamper(claims);
    ctx.body = { ...body, id_token: signJwt(changed.claims, changed.signingKey ?? privateKey, kid) };
  });

  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, '127.0.0.1', () => resolve(listening));
  });
  return {
    issuer,
    origin: issuer,
    clientId,
    clientSecret,
    tamperIdToken: (next) => {
      tamper = next;
    },
    setCodeLifetime: (seconds) => {
      codeLifetime = seconds;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function nameFrom(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

export function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${signature}`;
}

/** A key that is not the provider's: what a forger would sign with. */
export const foreignKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

// ---- driving the provider's own pages over HTTP, as a browser would ----

type Jar = Map<string, string>;

async function visit(jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
  });
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return response;
}

/**
 * Follows the authorization URL Corner handed out through the provider's login and consent pages,
 * signing in as `login`, and returns the URL the provider sends the browser back to (Corner's
 * callback with code and state).
 */
export async function signInThroughProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar: Jar = new Map();
  let url = authorizationUrl;
  for (let step = 0; step < 12; step += 1) {
    const response = await visit(jar, url);
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (!next.href.startsWith(new URL(authorizationUrl).origin)) return next;
      url = next.href;
      continue;
    }
    const page = await response.text();
    const action = /action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
    if (!action || !prompt)
      throw new Error(`unexpected provider page (${response.status}): ${page.slice(0, 300)}`);
    const form: Record<string, string> =
      prompt === 'login' ? { prompt, login, password: 'any-password' } : { prompt };
    const submitted = await visit(jar, new URL(action, url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    const after = submitted.headers.get('location');
    if (!after) throw new Error(`the provider did not continue after ${prompt} (${submitted.status})`);
    url = new URL(after, url).href;
  }
  throw new Error('the provider never sent the browser back to Corner');
}
