import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('createRateLimiter', () => {
  it('allows the limit per window per key, then refuses until the window ends', () => {
    let now = 0;
    const limiter = createRateLimiter(2, 1000, () => now);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('a')].map((v) => v.allowed)).toEqual([
      true,
      true,
      false,
    ]);
    expect(limiter.hit('b').allowed).toBe(true);
    expect(limiter.hit('a').retryAfterSeconds).toBe(1);
    now = 1000;
    expect(limiter.hit('a').allowed).toBe(true);
  });
});
