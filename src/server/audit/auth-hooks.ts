import { createAuthMiddleware } from 'better-auth/api';
import type { Db } from '../db/client';
import { recordAuditEvent } from './record-audit-event';

const SSO_ARRIVALS = ['/sso/callback/:providerId', '/sso/saml2/sp/acs/:providerId'];

// better-auth's after-hook: every e-mail sign-in attempt leaves an event. A failure records the
// address that was tried (never the password), so an admin can see an address being guessed at.
export function auditSignIns(db: Db) {
  return createAuthMiddleware(async (ctx) => {
    if (SSO_ARRIVALS.includes(ctx.path)) {
      // A refused SSO sign-in has no address Corner could trust, so only successes are recorded.
      const arrived = ctx.context.newSession;
      if (arrived) {
        await recordAuditEvent(db, {
          actor: arrived.user.id,
          action: 'sign-in.succeeded',
          target: `user:${arrived.user.id}`,
          meta: { method: 'sso' },
        });
      }
      return;
    }
    if (ctx.path !== '/sign-in/email') return;
    const signedIn = ctx.context.newSession;
    if (signedIn) {
      await recordAuditEvent(db, {
        actor: signedIn.user.id,
        action: 'sign-in.succeeded',
        target: `user:${signedIn.user.id}`,
      });
      return;
    }
    const body: unknown = ctx.body;
    const email =
      typeof body === 'object' && body !== null && 'email' in body && typeof body.email === 'string'
        ? body.email.trim().toLowerCase().slice(0, 320)
        : '';
    await recordAuditEvent(db, { actor: null, action: 'sign-in.failed', target: `email:${email}` });
  });
}
