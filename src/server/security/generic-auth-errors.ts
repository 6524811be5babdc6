import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';

// better-auth answers a sign-up with a known e-mail "User already exists", which tells anyone whether
// an address has an account. Both answers are rewritten to sentences that are the same either way.
const REWRITES: { path: string; codes: string[]; code: string; message: string }[] = [
  {
    path: '/api/auth/sign-up/email',
    codes: ['USER_ALREADY_EXISTS', 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL'],
    code: 'SIGN_UP_FAILED',
    message: 'We could not create an account with these details. If you already have one, sign in instead.',
  },
  {
    path: '/api/auth/sign-in/email',
    codes: ['INVALID_EMAIL_OR_PASSWORD', 'INVALID_EMAIL', 'INVALID_PASSWORD'],
    code: 'INVALID_EMAIL_OR_PASSWORD',
    message: 'E-mail or password is wrong.',
  },
];

export const genericAuthErrors: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const rewrite = REWRITES.find((candidate) => candidate.path === c.req.path);
  if (!rewrite || c.res.ok) return;
  const body = (await c.res
    .clone()
    .json()
    .catch(() => null)) as { code?: unknown } | null;
  if (typeof body?.code !== 'string' || !rewrite.codes.includes(body.code)) return;
  const headers = new Headers(c.res.headers);
  headers.delete('content-length');
  c.res = new Response(JSON.stringify({ code: rewrite.code, message: rewrite.message }), {
    status: c.res.status,
    headers,
  });
};
