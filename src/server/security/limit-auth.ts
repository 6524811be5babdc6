import type { Context, MiddlewareHandler } from 'hono';
import { SIGN_IN_FAILURES_BEFORE_LOCKOUT, SIGN_IN_LOCKOUT_SECONDS } from '../../domain/settings/security';
import type { AppEnv } from '../http/app-env';
import { Problem } from '../http/problem';
import { rateLimitedProblem, waitText } from './limit-requests';
import { type Limiter, type RateLimits, rateLimitsFor } from './rate-limiter';

// better-auth's own limiter keeps its counts per instance in memory (and keys them by whatever
// X-Forwarded-For says), so Corner limits the auth endpoints itself, in the shared database.
const PER_ADDRESS: Record<string, (limits: RateLimits) => Limiter> = {
  '/api/auth/sign-in/email': (limits) => limits.signIn,
  '/api/auth/sign-up/email': (limits) => limits.signUp,
  '/api/auth/request-password-reset': (limits) => limits.passwordReset,
  '/api/auth/reset-password': (limits) => limits.passwordReset,
};

export const limitAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const pick = c.req.method === 'POST' ? PER_ADDRESS[c.req.path] : undefined;
  if (!pick) return next();
  const limits = rateLimitsFor(c.var.deps.db);
  const verdict = await pick(limits).hit(c.var.clientAddress);
  if (!verdict.allowed) {
    return authProblem(c, rateLimitedProblem(verdict.retryAfterSeconds), verdict.retryAfterSeconds);
  }
  if (c.req.path !== '/api/auth/sign-in/email') return next();

  // Per account, whichever addresses the guesses come from. Keyed by the address as typed, known or
  // not, so a lockout says nothing about whether the account exists.
  const account = await signInEmail(c);
  if (!account) return next();
  const failures = limits.signInFailures;
  const locked = await failures.used(account);
  if (locked.count >= SIGN_IN_FAILURES_BEFORE_LOCKOUT) return accountLocked(c, locked.retryAfterSeconds);
  await next();
  if (c.res.status === 401) {
    const failed = await failures.hit(account);
    // The lock lasts the full time from the last wrong password, not to the end of the counting window.
    if (failed.count >= SIGN_IN_FAILURES_BEFORE_LOCKOUT)
      await failures.block(account, SIGN_IN_LOCKOUT_SECONDS);
  } else if (c.res.ok) {
    await failures.forget(account);
  }
};

async function signInEmail(c: Context): Promise<string | null> {
  try {
    const body: unknown = await c.req.raw.clone().json();
    const email = typeof body === 'object' && body !== null && 'email' in body ? body.email : null;
    return typeof email === 'string' && email.trim() ? email.trim().toLowerCase() : null;
  } catch {
    return null;
  }
}

function accountLocked(c: Context, retryAfterSeconds: number): Response {
  const until = new Date(Date.now() + retryAfterSeconds * 1000).toISOString().slice(11, 16);
  return authProblem(
    c,
    new Problem(
      429,
      'account-locked',
      `Too many wrong passwords for this account, so it is locked for now. Try again in ${waitText(retryAfterSeconds)} (after ${until} UTC).`,
    ),
    retryAfterSeconds,
  );
}

// A problem document that better-auth's client also reads: it shows `message`.
export function authProblem(c: Context, problem: Problem, retryAfterSeconds?: number): Response {
  return c.body(JSON.stringify({ ...problem.toBody(), message: problem.detail }), problem.status, {
    'content-type': 'application/problem+json',
    ...(retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }),
  });
}
