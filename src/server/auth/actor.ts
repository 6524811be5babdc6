import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import { Problem, problemResponse, unauthenticated } from '../http/problem';
import type { Auth } from './auth';
import type { CachedSession } from './session-cache';

// The person behind a request. Operations and policies take an Actor, never a raw session, so the same
// rules serve HTTP, CLI and (later) MCP callers.
export type Actor = { userId: string; email: string; name: string; timeZone: string };

// The session comes from this instance's short cache (session-cache.ts) when the same signed cookie
// was checked by better-auth moments ago; otherwise better-auth looks it up and the cache keeps it.
export const loadActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('actor', (await readSession(c.var.deps.auth, c.req.raw.headers))?.actor ?? null);
  await next();
};

export function readSession(auth: Auth, headers: Headers): Promise<CachedSession | null> {
  const key = auth.sessions.keyOf(headers.get('cookie'));
  // No better-auth cookie: better-auth would find no session either.
  if (!key) return Promise.resolve(null);
  return auth.sessions.read(key, () => auth.api.getSession({ headers }));
}

export const requireActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.actor) return problemResponse(c, unauthenticated());
  await next();
};

export function actorOf(c: { var: { actor: Actor | null } }): Actor {
  if (!c.var.actor) throw new Problem(401, 'unauthenticated', 'Sign in to do this.');
  return c.var.actor;
}
