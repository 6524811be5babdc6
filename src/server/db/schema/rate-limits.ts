import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Counters of the rate limiter (rate-limiter-flexible's Drizzle store), shared by every instance:
// one row per limited key (e.g. "sign-in:203.0.113.7"), reset when `expire` passes.
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true }),
});
