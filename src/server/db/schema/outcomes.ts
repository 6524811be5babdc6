import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { applications, cohorts } from './programs';
import { relationships } from './relationships';

// A cohort's outcome settings: how often pairs are pulsed and who on the program team may read the
// pulse comments (the designated contact; null: nobody, so the comment box is not offered).
export const cohortOutcomeSettings = pgTable('cohort_outcome_settings', {
  cohortId: uuid('cohort_id')
    .primaryKey()
    .references(() => cohorts.id, { onDelete: 'cascade' }),
  pulseIntervalDays: integer('pulse_interval_days').notNull(),
  designatedContactId: text('designated_contact_id').references(() => user.id, { onDelete: 'set null' }),
});

// The 3-question pulse check-in, one row per person and round (round 0 on day 30, then every interval).
// The comment is for the designated contact only; admins see aggregates over 5 or more people.
export const pulseCheckIns = pgTable(
  'pulse_check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    relationshipScore: integer('relationship_score').notNull(),
    progressScore: integer('progress_score').notNull(),
    wouldRecommend: boolean('would_recommend').notNull(),
    comment: text('comment'),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('pulse_check_ins_once_idx').on(t.relationshipId, t.userId, t.round),
    check('pulse_check_ins_relationship_range', sql`${t.relationshipScore} between 1 and 5`),
    check('pulse_check_ins_progress_range', sql`${t.progressScore} between 1 and 5`),
  ],
);

// Why a pair ended before its planned end (structured), kept for the early-endings count.
export const pairEndings = pgTable('pair_endings', {
  relationshipId: uuid('relationship_id')
    .primaryKey()
    .references(() => relationships.id, { onDelete: 'cascade' }),
  reason: text('reason', {
    enum: ['schedule', 'fit', 'goal-changed', 'left-organisation', 'unresponsive', 'other'],
  }).notNull(),
  closedBy: text('closed_by').references(() => user.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

// The repair flow's steps an admin took for a pair: a nudge to both, an offer of a check-in.
export const repairSteps = pgTable(
  'repair_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['nudge', 'check-in-offer', 'close'] }).notNull(),
    takenBy: text('taken_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('repair_steps_relationship_idx').on(t.relationshipId, t.createdAt)],
);

// A recorded lottery over an oversubscribed cohort's member applications: anyone can re-draw it from
// the seed and the candidates and get the same split.
export const cohortLotteries = pgTable('cohort_lotteries', {
  cohortId: uuid('cohort_id')
    .primaryKey()
    .references(() => cohorts.id, { onDelete: 'cascade' }),
  seed: text('seed').notNull(),
  seats: integer('seats').notNull(),
  selected: jsonb('selected').$type<string[]>().notNull(),
  waiting: jsonb('waiting').$type<string[]>().notNull(),
  drawnBy: text('drawn_by').references(() => user.id, { onDelete: 'set null' }),
  drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull(),
});

// Outcome columns an admin imported by CSV (e.g. promoted at 12 months), one value per applicant and
// measure; yes/no measures are stored as 1/0.
export const outcomeValues = pgTable(
  'outcome_values',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    measure: text('measure').notNull(),
    scale: text('scale', { enum: ['binary', 'score'] }).notNull(),
    value: doublePrecision('value').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.measure] }),
    index('outcome_values_cohort_idx').on(t.cohortId, t.measure),
  ],
);

// Pulse answers per cohort and calendar month (UTC), kept by the pulse_check_ins trigger (see the
// pulse_months migration), so the outcomes page reads a dozen rows instead of grouping every answer of
// 20,000 pairs on each request. `pulse_person_months` counts each person's answers in a month, which is
// what lets the month row keep its count of distinct people as answers come and go.
export const pulsePersonMonths = pgTable(
  'pulse_person_months',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    month: date('month', { mode: 'string' }).notNull(),
    userId: text('user_id').notNull(),
    answers: integer('answers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.month, t.userId] })],
);

export const cohortPulseMonths = pgTable(
  'cohort_pulse_months',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    month: date('month', { mode: 'string' }).notNull(),
    people: integer('people').notNull().default(0),
    answers: integer('answers').notNull().default(0),
    relationshipTotal: integer('relationship_total').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    recommends: integer('recommends').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.month] })],
);
