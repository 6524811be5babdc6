import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import { Problem, problemResponse } from '../http/problem';
import { type Limiter, type RateLimits, rateLimitsFor, type Verdict } from './rate-limiter';

/** The one answer to an address that used up its allowance, for the API and the auth endpoints alike. */
export function rateLimitedProblem(retryAfterSeconds: number): Problem {
  return new Problem(
    429,
    'rate-limited',
    `Too many tries from your network. Please wait ${waitText(retryAfterSeconds)} and try again.`,
  );
}

export function tooManyTries(c: Context, verdict: Verdict): Response {
  c.header('retry-after', String(verdict.retryAfterSeconds));
  return problemResponse(c, rateLimitedProblem(verdict.retryAfterSeconds));
}

export function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Counts each request against the client address's allowance (and any further keys, such as the
 * link's token) before the route runs.
 */
export function limitRequests(
  pick: (limits: RateLimits) => Limiter,
  extraKeys: (c: Context<AppEnv>) => { limiter: (limits: RateLimits) => Limiter; key: string }[] = () => [],
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limits = rateLimitsFor(c.var.deps.db);
    const checks = [{ limiter: pick, key: c.var.clientAddress }, ...extraKeys(c)];
    for (const check of checks) {
      const verdict = await check.limiter(limits).hit(check.key);
      if (!verdict.allowed) return tooManyTries(c, verdict);
    }
    await next();
  };
}
