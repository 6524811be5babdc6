import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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
import type { AgreementTerms } from '../../../domain/agreements/agreement-terms';
import { user } from './auth';
import { goals } from './growth';
import { cohorts } from './programs';

export const relationshipStatuses = ['invited', 'proposed', 'active', 'declined', 'closed'] as const;
export type RelationshipStatus = (typeof relationshipStatuses)[number];

// A relationship joins a member and a guide. Until the invitation is accepted one side is empty: the
// invitee may not even have an account yet, so only the hash of the link's token is kept.
export const relationships = pgTable(
  'relationships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: text('member_id').references(() => user.id, { onDelete: 'cascade' }),
    guideId: text('guide_id').references(() => user.id, { onDelete: 'cascade' }),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    inviteeEmail: text('invitee_email').notNull(),
    inviteTokenHash: text('invite_token_hash').notNull(),
    inviteMessage: text('invite_message').notNull().default(''),
    kind: text('kind', { enum: ['mentoring', 'coaching', 'peer'] }).notNull(),
    framing: text('framing', { enum: ['ad-hoc', 'goal-oriented', 'time-framed'] }).notNull(),
    startDate: date('start_date', { mode: 'string' }),
    plannedEndDate: date('planned_end_date', { mode: 'string' }),
    // 'proposed': a program published the pair; nothing is shared until both people accept.
    status: text('status', { enum: relationshipStatuses }).notNull().default('invited'),
    declineReason: text('decline_reason'),
    // Who declined (invitation or proposal); the program admin sees that it was declined, never why.
    declinedBy: text('declined_by').references(() => user.id, { onDelete: 'set null' }),
    // Each side's answer to a program's proposal; both set = the relationship starts.
    memberAcceptedAt: timestamp('member_accepted_at', { withTimezone: true }),
    guideAcceptedAt: timestamp('guide_accepted_at', { withTimezone: true }),
    // An invitation is for the invited address unless the inviter chose "anyone with this link".
    openToAnyone: boolean('open_to_anyone').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // Set when a program published the pair; the program's admins see its health, never its content.
    cohortId: uuid('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('relationships_member_idx').on(t.memberId),
    index('relationships_cohort_idx').on(t.cohortId),
    index('relationships_guide_idx').on(t.guideId),
    uniqueIndex('relationships_token_idx').on(t.inviteTokenHash),
  ],
);

export const relationshipGoals = pgTable(
  'relationship_goals',
  {
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.relationshipId, t.goalId] })],
);

// Every version of the agreement is kept: a change is a new version proposed by one side and accepted
// by the other, so both can always see what they agreed and when.
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    terms: jsonb('terms').$type<AgreementTerms>().notNull(),
    status: text('status', { enum: ['proposed', 'accepted', 'superseded', 'withdrawn'] }).notNull(),
    proposedBy: text('proposed_by')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    acceptedBy: text('accepted_by').references(() => user.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('agreements_version_idx').on(t.relationshipId, t.version)],
);

export type FocusArea = { title: string; addedInVersion: number };

export const coachingPlans = pgTable(
  'coaching_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    assessment: text('assessment').notNull(),
    focusAreas: jsonb('focus_areas').$type<FocusArea[]>().notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('coaching_plans_version_idx').on(t.relationshipId, t.version)],
);

// Mid-point check-ins, closing retrospectives, the guide's self-reflection and the member's view:
// one answer per person and kind, the answers shaped by the kind's zod schema.
export const reflections = pgTable(
  'relationship_reflections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['midpoint', 'retrospective', 'guide-self', 'member-view'] }).notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('reflections_once_idx').on(t.relationshipId, t.authorId, t.kind),
    // Goals achieved on the cohort dashboard come from the closing retrospectives only.
    index('reflections_retrospective_idx').on(t.relationshipId).where(sql`${t.kind} = 'retrospective'`),
  ],
);

export const problemReports = pgTable(
  'relationship_problem_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id, { onDelete: 'cascade' }),
    reporterId: text('reporter_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['no-show', 'misconduct', 'other'] }).notNull(),
    details: text('details').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [index('problem_reports_relationship_idx').on(t.relationshipId, t.createdAt)],
);

export const relationshipMessages = pgTable(
  'relationship_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('relationship_messages_idx').on(t.relationshipId, t.createdAt)],
);

export type DecisionRecord = { decision: string; options: string; expectation: string };
export type DecisionAnswer = { afterDays: number; answer: string; answeredAt: string };

// Journal entries belong to their author and are private unless shared entry by entry.
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    relationshipId: uuid('relationship_id').references(() => relationships.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['free', 'prompt', 'decision'] }).notNull(),
    promptId: text('prompt_id'),
    body: text('body').notNull(),
    sharedWithGuide: boolean('shared_with_guide').notNull().default(false),
    pinnedForNextSession: boolean('pinned_for_next_session').notNull().default(false),
    decision: jsonb('decision').$type<DecisionRecord | null>(),
    followUpAnswers: jsonb('follow_up_answers').$type<DecisionAnswer[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('journal_entries_user_idx').on(t.userId, t.createdAt)],
);
