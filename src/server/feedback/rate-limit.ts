import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import { Problem, problemResponse } from '../http/problem';

type Window = { count: number; resetAt: number };

// A small fixed-window limiter kept in memory. Public feedback links are the only unauthenticated
// writes, and a per-instance limit is enough to stop guessing and flooding; the 256-bit token already
// makes guessing hopeless, so this guards the database rather than the secret.
export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now) {
  const windows = new Map<string, Window>();
  return {
    hit(key: string): { allowed: boolean; retryAfterSeconds: number } {
      const time = now();
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (w.resetAt <= time) windows.delete(k);
      }
      const current = windows.get(key);
      const window = current && current.resetAt > time ? current : { count: 0, resetAt: time + windowMs };
      window.count += 1;
      windows.set(key, window);
      return {
        allowed: window.count <= limit,
        retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - time) / 1000)),
      };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

// Behind a load balancer every request comes from its address, so the forwarded client address is
// preferred. A client that forges it only escapes the per-address limit; the per-link limit still holds.
function clientAddress(headers: Headers, fallback: string | undefined): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || fallback || 'unknown';
}

export function rateLimitPublicFeedback(limiters: {
  perToken: RateLimiter;
  perIp: RateLimiter;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
    const ip = clientAddress(c.req.raw.headers, incoming?.socket?.remoteAddress);
    const token = c.req.path.split('/').at(-1) ?? '';
    for (const verdict of [limiters.perIp.hit(`ip:${ip}`), limiters.perToken.hit(`token:${token}`)]) {
      if (!verdict.allowed) {
        c.header('retry-after', String(verdict.retryAfterSeconds));
        return problemResponse(
          c,
          new Problem(
            429,
            'rate-limited',
            `Too many tries. Please wait ${verdict.retryAfterSeconds} seconds.`,
          ),
        );
      }
    }
    await next();
  };
}
