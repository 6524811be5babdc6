import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type StoredAttachment = { filename: string; contentType: string; content: string };

// Every mail Corner sends is recorded here. Without SMTP configured (the embedded default) this is the
// only delivery: the outbox page shows each person the mail addressed to them.
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    attachments: jsonb('attachments').$type<StoredAttachment[]>().notNull().default([]),
    deliveredVia: text('delivered_via', { enum: ['outbox', 'smtp'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Insertion order. created_at alone ties: mail sent in one transaction shares now(), and PGlite's
     * clock ticks in whole milliseconds; the id is random, so it cannot break the tie.
     */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
  },
  (t) => [index('outbox_messages_to_idx').on(t.to, t.createdAt)],
);
