import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/test-app';
import { testClockFromEnv } from './test-clock';

describe('test clock', () => {
  it('exists only when CORNER_TEST_CLOCK=1', () => {
    expect(testClockFromEnv({})).toBeNull();
    expect(testClockFromEnv({ CORNER_TEST_CLOCK: 'true' })).toBeNull();
    const clock = testClockFromEnv({ CORNER_TEST_CLOCK: '1' });
    if (!clock) throw new Error('expected a clock');
    const before = clock.now().getTime();
    clock.advanceDays(25);
    expect(clock.now().getTime() - before).toBeGreaterThanOrEqual(25 * 86_400_000);
  });

  it('has no route on a normally built app', async () => {
    const t = await createTestApp();
    try {
      const response = await t.app.request('/api/test/clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceDays: 1 }),
      });
      expect(response.status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
