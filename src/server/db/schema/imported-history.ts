import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';

// Relationships from another Corner, with everything that hangs off them (sessions, notes, actions,
// journal entries, decisions, end reports), restored as read-only history owned by the person who
// imported them. The other person in those relationships has no account here and must not get one,
// so the rows cannot become live relationships; each item keeps the growth record's own shape, with
// links held as ids of other history rows (or of the person's live goals).
export const importedHistory = pgTable(
  'imported_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    section: text('section', {
      enum: ['relationships', 'sessions', 'actions', 'journal', 'decisions', 'reports'],
    }).notNull(),
    // The item's place in the imported file's section: ties in time keep the file's order.
    position: integer('position').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('imported_history_user_idx').on(t.userId, t.section)],
);

// Growth records already imported into a person, by the SHA-256 of the record's content (everything
// but exportedAt, so the same data exported twice counts as one record). The unique index is what makes
// a second import of the same file, even one running at the same time, write nothing.
export const growthRecordImports = pgTable(
  'growth_record_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    recordDigest: text('record_digest').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('growth_record_imports_once_idx').on(t.userId, t.recordDigest)],
);
