import { sql } from 'drizzle-orm';
import { bigint, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';

// In-app notifications. The key is the reminder's dedupe key: a sweep that finds the same reminder
// again inserts nothing, so each reminder reaches a person once however often the sweep runs.
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    link: text('link').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** After this the reminder is stale (the session has started): it stays in-app but leaves the digest. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** Set when the notification went out in a daily digest; null = not mailed (yet). */
    digestedAt: timestamp('digested_at', { withTimezone: true }),
    /** Insertion order: every reminder of one sweep shares created_at, and the id is random. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
  },
  (t) => [
    uniqueIndex('notifications_user_key_idx').on(t.userId, t.key),
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    index('notifications_undigested_idx').on(t.userId).where(sql`${t.digestedAt} is null`),
  ],
);

// One row per person per local calendar day on which a digest was mailed. The unique index is what
// holds "at most one digest a day" when several workers run the digest at once.
export const digestSends = pgTable(
  'digest_sends',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('digest_sends_user_day_idx').on(t.userId, t.day)],
);

// Secret calendar-feed links. Only a hash of the token is kept, so a database leak does not expose
// anyone's calendar; rotating revokes the old link.
export const calendarFeedTokens = pgTable(
  'calendar_feed_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('calendar_feed_tokens_hash_idx').on(t.tokenHash),
    index('calendar_feed_tokens_user_idx').on(t.userId),
  ],
);
