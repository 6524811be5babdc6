import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// The audit log: security and admin events, appended and never changed. No foreign keys on purpose:
// an entry outlives the person, program or organization it names (a deleted account's events stay),
// and a cascade could never delete an entry anyway — the trigger in the migration refuses UPDATE,
// DELETE and TRUNCATE. `meta` holds ids and counts, never private content (PRODUCT.md §3).
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    target: text('target').notNull(),
    orgId: text('org_id'),
    programId: uuid('program_id'),
    meta: jsonb('meta').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  },
  (t) => [
    index('audit_events_program_idx').on(t.programId, t.occurredAt),
    index('audit_events_org_idx').on(t.orgId, t.occurredAt),
  ],
);
