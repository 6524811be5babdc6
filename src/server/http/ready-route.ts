import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { AppEnv } from './app-env';
import { databaseUnavailableProblem } from './errors';
import { json } from './openapi';
import { problemSchema } from './problem';

/** Longer than a healthy `select 1` ever takes, shorter than a load balancer's probe interval. */
const READY_TIMEOUT_MS = 2_000;

const readyRoute = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['Operations'],
  summary: 'Can this instance serve requests: its database answers',
  description:
    'Readiness for a load balancer: 200 when a `select 1` on the database answers within 2 s, otherwise ' +
    '503 with Retry-After, so the instance is drained until the database is back. `/api/health` is the ' +
    'liveness check and never touches the database.',
  responses: {
    200: json(z.object({ ok: z.literal(true) }), 'Ready'),
    503: {
      content: { 'application/problem+json': { schema: problemSchema } },
      description: 'The database cannot be reached',
    },
  },
});

export function registerReadyRoute(api: OpenAPIHono<AppEnv>, db: Db): void {
  api.openapi(readyRoute, async (c) => {
    try {
      await withTimeout(db.execute(sql`select 1`), READY_TIMEOUT_MS);
      return c.json({ ok: true as const }, 200);
    } catch {
      // handleError answers it, with the Retry-After every 503 carries.
      throw databaseUnavailableProblem();
    }
  });
}

function withTimeout(work: Promise<unknown>, timeoutMs: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
