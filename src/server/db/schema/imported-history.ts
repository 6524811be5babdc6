import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
