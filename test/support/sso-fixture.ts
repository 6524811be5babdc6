import { expect } from 'vitest';
import { approveSsoDomain } from '../../src/server/sso/sso-providers';
import { BASE_URL, fromAddress, type Member, type TestApp, uniqueAddress } from './test-app';

let counter = 0;

/** A domain no other test of this run uses (test files share one PostgreSQL database). */
export function uniqueDomain(name = 'acme'): string {
  counter += 1;
  return `${name}-${process.pid}-${Date.now().toString(36)}-${counter}.test`;
}

export async function newOrg(owner: Member, name = 'Acme') {
  counter += 1;
  const slug = `sso-${process.pid}-${Date.now().toString(36)}-${counter}`;
  const response = await owner.request('/api/v1/orgs', { method: 'POST', body: { name, slug } });
  expect(response.status).toBe(201);
  return slug;
}

export async function registerOidc(
  admin: Member,
  slug: string,
  input: { domain: string; issuer: string; clientId: string; clientSecret: string },
) {
  const response = await admin.request(`/api/v1/orgs/${slug}/sso-providers/oidc`, {
    method: 'POST',
    body: input,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { providerId: string; redirectUrl: string; approved: boolean };
}

/** The operator's approval, as `corner sso approve-domain` gives it. */
export const approve = (t: TestApp, slug: string, domain: string) =>
  approveSsoDomain(t.database.db, slug, domain);

export type Browser = { cookies: Map<string, string>; header: () => string };

export function newBrowser(): Browser {
  const cookies = new Map<string, string>();
  return {
    cookies,
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  };
}

function keepCookies(browser: Browser, response: Response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (!pair || eq <= 0) continue;
    const value = pair.slice(eq + 1).trim();
    const expired = /max-age=0/i.test(header) || value === '';
    if (expired) browser.cookies.delete(pair.slice(0, eq).trim());
    else browser.cookies.set(pair.slice(0, eq).trim(), value);
  }
}

/** What the e-mail-first sign-in page does: ask Corner where the address signs in, then start SSO. */
export async function startSsoSignIn(t: TestApp, browser: Browser, email: string) {
  const address = fromAddress(uniqueAddress());
  const routed = await t.app.request(
    '/api/v1/sso/route',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE_URL },
      body: JSON.stringify({ email }),
    },
    address,
  );
  const route = (await routed.json()) as { method: string; providerId?: string };
  if (route.method !== 'sso') return { route, url: null };
  const started = await t.app.request(
    '/api/auth/sign-in/sso',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE_URL, cookie: browser.header() },
      body: JSON.stringify({
        email,
        providerId: route.providerId,
        callbackURL: '/',
        errorCallbackURL: '/sign-in',
      }),
    },
    address,
  );
  expect(started.status, await started.clone().text()).toBe(200);
  keepCookies(browser, started);
  const body = (await started.json()) as { url: string };
  return { route, url: body.url };
}

/** The browser arriving back at Corner (OIDC callback GET, or the SAML form POST). */
export async function arriveAtCorner(t: TestApp, browser: Browser, url: URL, init: RequestInit = {}) {
  const response = await t.app.request(
    `${url.pathname}${url.search}`,
    { ...init, headers: { ...(init.headers as Record<string, string>), cookie: browser.header() } },
    fromAddress(uniqueAddress()),
  );
  keepCookies(browser, response);
  return response;
}

export const hasSession = (browser: Browser) =>
  [...browser.cookies.keys()].some((name) => name.endsWith('session_token'));

/** Where a refused sign-in sends the browser: the sign-in page with an error code. */
export function refusal(response: Response) {
  const location = response.headers.get('location') ?? '';
  const url = new URL(location, BASE_URL);
  return {
    path: url.pathname,
    error: url.searchParams.get('error'),
    description: url.searchParams.get('error_description'),
  };
}

export async function sessionUser(t: TestApp, browser: Browser) {
  const response = await t.app.request('/api/auth/get-session', { headers: { cookie: browser.header() } });
  const body = (await response.json()) as { user?: { id: string; email: string; name: string } } | null;
  return body?.user ?? null;
}
