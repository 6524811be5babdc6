import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cohorts } from './programs';
import { relationships } from './relationships';

// What the cohort dashboard reads instead of every pair's history (see the dashboard_rollups migration
// for the triggers that keep both tables right).
//
// One row per relationship: the dashboard's line for the pair — its cohort and both names (kept equal
// to relationships and user by the triggers), and its momentum state as last computed. Any write that
// can change the state bumps `generation`; the stored state is good while `computed_generation` equals
// it and the clock lies between `computed_at` and `stable_until` (when time alone would change it;
// null: never). Stale states are recomputed by the same momentum rule the pair sees, on the next
// dashboard read or by the refresh job.
export const storedHealth = pgTable(
  'relationship_health',
  {
    relationshipId: uuid('relationship_id')
      .primaryKey()
      .references(() => relationships.id, { onDelete: 'cascade' }),
    cohortId: uuid('cohort_id'),
    memberName: text('member_name'),
    guideName: text('guide_name'),
    generation: integer('generation').notNull().default(0),
    computedGeneration: integer('computed_generation').notNull().default(-1),
    state: text('state', { enum: ['on-track', 'slipping', 'at-risk'] }),
    sessionsLast30Days: integer('sessions_last_30_days'),
    computedAt: timestamp('computed_at', { withTimezone: true }),
    stableUntil: timestamp('stable_until', { withTimezone: true }),
    // The start of the pair's first held session (kept by the sessions trigger), so the outcomes funnel
    // reads one column per pair instead of an index probe into 500,000 sessions for each.
    firstHeldAt: timestamp('first_held_at', { withTimezone: true }),
    // The pair's early-warning level as last computed, kept like the momentum state: good while
    // `risk_generation` equals `generation` and the clock lies between `risk_computed_at` and
    // `risk_stable_until`. The signals and the last repair step are kept only for pairs not 'ok', so the
    // admin's at-risk list reads the few pairs it shows and recomputes only the stale ones.
    riskGeneration: integer('risk_generation').notNull().default(-1),
    riskLevel: text('risk_level', { enum: ['ok', 'watch', 'at-risk'] }),
    riskDetail: jsonb('risk_detail'),
    riskComputedAt: timestamp('risk_computed_at', { withTimezone: true }),
    riskStableUntil: timestamp('risk_stable_until', { withTimezone: true }),
  },
  // A cohort's pairs in the order the dashboard lists them, without a sort.
  (t) => [index('relationship_health_cohort_idx').on(t.cohortId, t.memberName, t.relationshipId)],
);

// Running counts per cohort and calendar month (UTC) for the charts over a cohort's life: sessions held
// (by start), actions (by creation), actions done (by their last update) and session pulses (by answer).
export const cohortActivity = pgTable(
  'cohort_activity',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    month: date('month', { mode: 'string' }).notNull(),
    heldSessions: integer('held_sessions').notNull().default(0),
    actions: integer('actions').notNull().default(0),
    actionsDone: integer('actions_done').notNull().default(0),
    pulses: integer('pulses').notNull().default(0),
    pulseTotal: integer('pulse_total').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.month] })],
);
