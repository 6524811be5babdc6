import type { Handler } from 'hono';
import type { AppEnv } from '../http/app-env';

// The web app asks for the session on every page load: a session this instance checked moments ago is
// answered from its cache (session-cache.ts); anything else, including a query-string variant, is
// better-auth's own answer.
export const serveCachedSession: Handler<AppEnv> = async (c) => {
  const { auth } = c.var.deps;
  const key = c.req.url.includes('?') ? null : auth.sessions.keyOf(c.req.header('cookie') ?? null);
  const hit = key ? auth.sessions.get(key) : null;
  return hit ? c.body(hit.body, 200, { 'content-type': 'application/json' }) : await auth.handler(c.req.raw);
};
