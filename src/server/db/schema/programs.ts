import { sql } from 'drizzle-orm';
import {
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
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AgreementTerms } from '../../../domain/agreements/agreement-terms';
import type { ApplicationProfile } from '../../../domain/programs/application';
import { user } from './auth';
import { organization } from './orgs';

// A mentoring program: its admins run cohorts, import applications, match and watch pair health.
export const programs = pgTable('programs', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  // The organization that runs the program; null for programs made before organizations existed.
  organizationId: text('organization_id').references(() => organization.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const programAdmins = pgTable(
  'program_admins',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.programId, t.userId] })],
);

export const cohorts = pgTable(
  'cohorts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    applicationsOpen: date('applications_open', { mode: 'string' }).notNull(),
    applicationsClose: date('applications_close', { mode: 'string' }).notNull(),
    matchingOn: date('matching_on', { mode: 'string' }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    defaultKind: text('default_kind', { enum: ['mentoring', 'coaching', 'peer'] }).notNull(),
    defaultFraming: text('default_framing', { enum: ['ad-hoc', 'goal-oriented', 'time-framed'] }).notNull(),
    defaultAgreement: jsonb('default_agreement').$type<AgreementTerms>().notNull(),
    sessionsPerMonthTarget: integer('sessions_per_month_target').notNull().default(2),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cohorts_program_idx').on(t.programId)],
);

// One row per person and role in a cohort: imported from CSV or submitted through the form. The email
// links it to an account when the person has (or later makes) one.
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['member', 'guide'] }).notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    profile: jsonb('profile').$type<ApplicationProfile>().notNull(),
    // An imported row is an invitation to join: only the person signed in with that address confirms
    // it, and only confirmed people are matched (an admin cannot enrol a stranger).
    status: text('status', { enum: ['pending', 'confirmed', 'declined'] })
      .notNull()
      .default('pending'),
    confirmedBy: text('confirmed_by').references(() => user.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('applications_cohort_role_email').on(t.cohortId, t.role, t.email),
    index('applications_cohort_idx').on(t.cohortId),
    index('applications_email_idx').on(t.email),
  ],
);

// An admin's manual decision about one pair: pinned pairs are always matched, blocked pairs never.
export const matchOverrides = pgTable(
  'match_overrides',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    memberApplicationId: uuid('member_application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    guideApplicationId: uuid('guide_application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    decision: text('decision', { enum: ['pin', 'block'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.memberApplicationId, t.guideApplicationId] })],
);

export type StoredAlternative = {
  guideApplicationId: string;
  score: number;
  inDemand: boolean;
};

// Runs stored before price-aware explanations have no runner-up or alternatives; readers default them.
export type StoredMatch = {
  memberApplicationId: string;
  guideApplicationId: string;
  score: number;
  pinned: boolean;
  why: string[];
  margin: number | null;
  runnerUp?: { guideApplicationId: string | null; score: number; inDemand: boolean } | null;
  alternatives?: StoredAlternative[];
};

export type StoredUnmatched = { applicationId: string; reason: string; alternatives?: StoredAlternative[] };

/** A lexicographic price or value (matches, fit), as the optimality certificate writes it. */
export type StoredLex = [count: number, score: number];

/**
 * What proves a run, checked by the independent verifier when it was made, and what the side-by-side
 * view compares. The prices are the run's stored certificate, keyed by application id so they still
 * name the right people after others join or leave.
 */
export type StoredProof = {
  proved: boolean;
  summary: string;
  worstFit: number | null;
  blockingPairs: number;
  movedFromOptimal: number;
  /** Optimal mode: the LP prices; fair mode: the prices among pairs at or above the threshold. */
  prices: { members: Record<string, StoredLex>; guides: Record<string, StoredLex> } | null;
  /** Fair mode: the worst fit it guarantees. */
  threshold: number | null;
  /** A rematch mid-cohort: how many current pairs it kept, and each member whose guide changes. */
  rematch?: {
    current: number;
    kept: number;
    moves: { memberApplicationId: string; from: string | null; to: string | null }[];
  };
};

export const matchRuns = pgTable(
  'match_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    matched: integer('matched').notNull(),
    unmatched: jsonb('unmatched').$type<StoredUnmatched[]>().notNull(),
    objective: text('objective').notNull(),
    seconds: text('seconds').notNull(),
    matches: jsonb('matches').$type<StoredMatch[]>().notNull(),
    // One press of "run matching" makes a run per mode, sharing a batch, so the admin compares them.
    mode: text('mode').$type<'optimal' | 'stable' | 'fair'>().notNull().default('optimal'),
    batchId: uuid('batch_id'),
    proof: jsonb('proof').$type<StoredProof>(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('match_runs_cohort_idx').on(t.cohortId, t.createdAt),
    index('match_runs_batch_idx').on(t.batchId),
    // One mode per press of "run matching" can be published: two would propose two guides to a member.
    uniqueIndex('match_runs_one_published_per_batch').on(t.batchId).where(sql`${t.publishedAt} is not null`),
    check('match_runs_matched_nonnegative', sql`${t.matched} >= 0`),
    check('match_runs_mode_known', sql`${t.mode} in ('optimal', 'stable', 'fair')`),
  ],
);

// A guide's own score (0..1, higher is better) for an applicant who fits them in a cohort, or the rank it
// came from (ranks become scores in domain/programs/guide-preferences.ts). Stable mode reads it as the
// guide's side of the pair; without one the guide's side is the fit. Only the guide writes their own; an
// admin sees how many a guide answered, not the scores.
export const guidePreferences = pgTable(
  'guide_preferences',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    guideApplicationId: uuid('guide_application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    memberApplicationId: uuid('member_application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    score: doublePrecision('score').notNull(),
    rank: integer('rank'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.guideApplicationId, t.memberApplicationId] }),
    index('guide_preferences_cohort_idx').on(t.cohortId),
    check('guide_preferences_score_range', sql`${t.score} >= 0 and ${t.score} <= 1`),
    check('guide_preferences_rank_positive', sql`${t.rank} is null or ${t.rank} >= 1`),
  ],
);
