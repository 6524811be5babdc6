import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import { Problem, problemResponse } from '../http/problem';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// What an HTML form (or a "simple" cross-site fetch) can send without a CORS preflight.
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

// Cross-site request forgery: a page elsewhere can make the browser send a POST with the person's
// session cookie, and SameSite=Lax alone is not a promise every browser keeps. So every state-changing
// request must show where it comes from — Origin, or failing that Referer or Sec-Fetch-Site — and come
// from one of our origins (the ones better-auth trusts). A request with a bearer token and no cookie
// is not driven by a browser's cookie jar, so it needs no such proof.
export function refuseCrossSite(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = originsOf(allowedOrigins);
  return async (c, next) => {
    if (!STATE_CHANGING.has(c.req.method)) return next();
    const headers = c.req.raw.headers;
    const bearer = /^bearer\s/i.test(headers.get('authorization') ?? '') && !headers.has('cookie');
    if (!bearer && !fromOurOrigin(headers, allowed)) {
      return problemResponse(c, crossSiteProblem());
    }
    const type = (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (FORM_TYPES.includes(type)) {
      return problemResponse(
        c,
        new Problem(415, 'unsupported-media-type', `Send the request as application/json, not ${type}.`),
      );
    }
    return next();
  };
}

const originsOf = (urls: readonly string[]) => new Set(urls.map((url) => new URL(url).origin));

const crossSiteProblem = () =>
  new Problem(
    403,
    'cross-site-request',
    'This request did not come from a Corner page, so it was refused. Open Corner and try again there.',
  );

function fromOurOrigin(headers: Headers, allowed: Set<string>): boolean {
  const origin = headers.get('origin');
  if (origin && origin !== 'null') return allowed.has(origin);
  const referer = headers.get('referer');
  if (referer) {
    try {
      return allowed.has(new URL(referer).origin);
    } catch {
      return false;
    }
  }
  // Browsers that withhold Origin and Referer (privacy settings) still say whether a request is
  // same-origin; "none" is a person typing an address, which never sends a POST.
  return origin === null && headers.get('sec-fetch-site') === 'same-origin';
}

/**
 * For better-auth's own endpoints: refuses a state-changing request whose Origin (or Referer) names
 * another site. better-auth checks this itself in production, but turns the check off whenever
 * NODE_ENV is "test", and Corner should not depend on how the process was started. A request with
 * neither header (a script, not a browser page) is left to better-auth.
 * The SAML assertion consumer is posted to by the identity provider's page, by design: its proof is
 * the signed assertion answering a request Corner made, not where the browser comes from.
 */
const CROSS_SITE_BY_DESIGN = ['/api/auth/sso/saml2/sp/acs/'];

export function refuseForeignOrigin(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = originsOf(allowedOrigins);
  return async (c, next) => {
    if (!STATE_CHANGING.has(c.req.method)) return next();
    if (CROSS_SITE_BY_DESIGN.some((prefix) => c.req.path.startsWith(prefix))) return next();
    const headers = c.req.raw.headers;
    const stated = headers.get('origin') || headers.get('referer');
    if (stated && !fromOurOrigin(headers, allowed)) {
      return problemResponse(c, crossSiteProblem());
    }
    return next();
  };
}
