import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';

// A member's readiness check: the answers as given and the recommendation computed from them at the time,
// so an earlier result still reads the same after the rules evolve.
export const readinessResults = pgTable(
  'readiness_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').notNull(),
    result: jsonb('result').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('readiness_results_user_idx').on(t.userId, t.createdAt)],
);

export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    category: text('category', { enum: ['iq', 'eq', 'internal'] }).notNull(),
    targetDate: date('target_date', { mode: 'string' }),
    motivation: text('motivation').notNull().default(''),
    pattern: text('pattern'),
    status: text('status', { enum: ['active', 'achieved', 'archived'] })
      .notNull()
      .default('active'),
    sharedWithGuides: text('shared_with_guides', { enum: ['shared', 'private'] })
      .notNull()
      .default('shared'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('goals_user_idx').on(t.userId, t.status)],
);

// Signs of progress are the member's own yardsticks for a goal, rated in every check-in.
export const progressSigns = pgTable(
  'progress_signs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    position: integer('position').notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [index('progress_signs_goal_idx').on(t.goalId)],
);

export const checkIns = pgTable(
  'check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('check_ins_goal_idx').on(t.goalId, t.createdAt)],
);

export const checkInRatings = pgTable(
  'check_in_ratings',
  {
    checkInId: uuid('check_in_id')
      .notNull()
      .references(() => checkIns.id, { onDelete: 'cascade' }),
    signId: uuid('sign_id')
      .notNull()
      .references(() => progressSigns.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.checkInId, t.signId] }),
    check('check_in_ratings_score_range', sql`${t.score} between 1 and 10`),
  ],
);
