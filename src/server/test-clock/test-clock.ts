import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { Problem, problemResponse } from '../http/problem';

export type MovableClock = { now: () => Date; advanceDays: (days: number) => void };

const MS_PER_DAY = 86_400_000;

// Browser journeys need to see what weeks of silence do to a relationship. Only enabled when the
// server is started with CORNER_TEST_CLOCK=1; a normal server never has this route.
export function testClockFromEnv(env: NodeJS.ProcessEnv): MovableClock | null {
  if (env.CORNER_TEST_CLOCK !== '1') return null;
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advanceDays: (days) => {
      offsetMs += days * MS_PER_DAY;
    },
  };
}

const bodySchema = z.object({ advanceDays: z.number().min(0).max(3650) });

export function mountTestClock(app: Hono<AppEnv>, clock: MovableClock): void {
  app.post('/api/test/clock', async (c) => {
    const parsed = bodySchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) {
      return problemResponse(c, new Problem(422, 'invalid-input', 'advanceDays must be a number of days.'));
    }
    clock.advanceDays(parsed.data.advanceDays);
    return c.json({ now: clock.now().toISOString() }, 200);
  });
}
