import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import { Problem, problemResponse, unauthenticated } from '../http/problem';

// The person behind a request. Operations and policies take an Actor, never a raw session, so the same
// rules serve HTTP, CLI and (later) MCP callers.
export type Actor = { userId: string; email: string; name: string; timeZone: string };

export const loadActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  const found = await c.var.deps.auth.api.getSession({ headers: c.req.raw.headers });
  const user = found?.user;
  c.set(
    'actor',
    user
      ? { userId: user.id, email: user.email, name: user.name, timeZone: String(user.timeZone ?? 'UTC') }
      : null,
  );
  await next();
};

export const requireActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.actor) return problemResponse(c, unauthenticated());
  await next();
};

export function actorOf(c: { var: { actor: Actor | null } }): Actor {
  if (!c.var.actor) throw new Problem(401, 'unauthenticated', 'Sign in to do this.');
  return c.var.actor;
}
