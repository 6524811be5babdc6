import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import {
  FEEDBACK_IP_REQUESTS_PER_WINDOW,
  FEEDBACK_LINK_REQUESTS_PER_WINDOW,
  FEEDBACK_RATE_WINDOW_MS,
} from '../../domain/settings/growth-tools';
import {
  AUTH_RATE_WINDOW_SECONDS,
  INVITATION_ACCEPTS_PER_ADDRESS,
  PASSWORD_RESETS_PER_ADDRESS,
  SIGN_IN_ATTEMPTS_PER_ADDRESS,
  SIGN_IN_FAILURES_BEFORE_LOCKOUT,
  SIGN_IN_LOCKOUT_SECONDS,
  SIGN_UPS_PER_ADDRESS,
} from '../../domain/settings/security';
import type { Db } from '../db/client';
import { rateLimits } from '../db/schema';

export type Verdict = { allowed: boolean; retryAfterSeconds: number; count: number };

export type Limiter = {
  /** Counts one attempt for the key; refused once the window's allowance is used up. */
  hit: (key: string) => Promise<Verdict>;
  /** How many attempts the key has used in its current window, without counting one. */
  used: (key: string) => Promise<{ count: number; retryAfterSeconds: number }>;
  /** Refuses the key for the given time, whatever it has used. */
  block: (key: string, seconds: number) => Promise<void>;
  forget: (key: string) => Promise<void>;
};

// One fixed-window counter per key in the rate_limits table (rate-limiter-flexible's Drizzle store,
// an atomic INSERT … ON CONFLICT), so every instance on the database counts against the same limit.
function createLimiter(db: Db, name: string, points: number, durationSeconds: number): Limiter {
  const store = new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    keyPrefix: name,
    points,
    duration: durationSeconds,
  });
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  return {
    async hit(key) {
      try {
        const result = await store.consume(key);
        return {
          allowed: true,
          retryAfterSeconds: seconds(result.msBeforeNext),
          count: result.consumedPoints,
        };
      } catch (refused) {
        if (refused instanceof RateLimiterRes) {
          return {
            allowed: false,
            retryAfterSeconds: seconds(refused.msBeforeNext),
            count: refused.consumedPoints,
          };
        }
        throw refused;
      }
    },
    async used(key) {
      const result = await store.get(key);
      return result
        ? { count: result.consumedPoints, retryAfterSeconds: seconds(result.msBeforeNext) }
        : { count: 0, retryAfterSeconds: 0 };
    },
    async block(key, blockSeconds) {
      await store.block(key, blockSeconds);
    },
    async forget(key) {
      await store.delete(key);
    },
  };
}

export type RateLimits = ReturnType<typeof buildRateLimits>;

function buildRateLimits(db: Db) {
  const window = AUTH_RATE_WINDOW_SECONDS;
  return {
    signIn: createLimiter(db, 'sign-in', SIGN_IN_ATTEMPTS_PER_ADDRESS, window),
    signUp: createLimiter(db, 'sign-up', SIGN_UPS_PER_ADDRESS, window),
    passwordReset: createLimiter(db, 'password-reset', PASSWORD_RESETS_PER_ADDRESS, window),
    invitationAccept: createLimiter(db, 'invitation-accept', INVITATION_ACCEPTS_PER_ADDRESS, window),
    signInFailures: createLimiter(
      db,
      'sign-in-failures',
      SIGN_IN_FAILURES_BEFORE_LOCKOUT,
      SIGN_IN_LOCKOUT_SECONDS,
    ),
    feedbackLink: createLimiter(
      db,
      'feedback-link',
      FEEDBACK_LINK_REQUESTS_PER_WINDOW,
      FEEDBACK_RATE_WINDOW_MS / 1000,
    ),
    feedbackAddress: createLimiter(
      db,
      'feedback-address',
      FEEDBACK_IP_REQUESTS_PER_WINDOW,
      FEEDBACK_RATE_WINDOW_MS / 1000,
    ),
  };
}

const byDatabase = new WeakMap<Db, RateLimits>();

/** The limiters on this database; the state lives in the database, these are only its handles. */
export function rateLimitsFor(db: Db): RateLimits {
  const existing = byDatabase.get(db);
  if (existing) return existing;
  const created = buildRateLimits(db);
  byDatabase.set(db, created);
  return created;
}
