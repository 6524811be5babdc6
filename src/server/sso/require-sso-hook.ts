import { APIError, createAuthMiddleware } from 'better-auth/api';
import type { Db } from '../db/client';
import { findSsoRoute, ssoRequiredSentence } from './find-sso-route';

const PASSWORD_PATHS = new Set(['/sign-in/email', '/sign-up/email', '/request-password-reset']);

// better-auth's before-hook: when an organization requires SSO, its domain's addresses cannot sign
// in, sign up or reset a password with a password; the refusal says why and where to go instead.
// Server-side, so a script calling the endpoint directly is refused like the page is.
export function refuseSsoRequiredPasswords(db: Db) {
  return createAuthMiddleware(async (ctx) => {
    if (!PASSWORD_PATHS.has(ctx.path)) return;
    const body: unknown = ctx.body;
    const email =
      typeof body === 'object' && body !== null && 'email' in body && typeof body.email === 'string'
        ? body.email
        : null;
    if (!email) return;
    const route = await findSsoRoute(db, email);
    if (!route?.ssoRequired) return;
    throw new APIError('FORBIDDEN', { code: 'SSO_REQUIRED', message: ssoRequiredSentence(route) });
  });
}
