import {
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
import type { ScorecardAnswers } from '../../../domain/fit/score-scorecard';
import { user } from './auth';

// Finding a guide (PRODUCT.md §2.3). Shortlists, scorecards, choices and outreach belong to the member
// alone (§3): guides and admins never read them.

export const shortlistEntries = pgTable(
  'shortlist_entries',
  {
    memberId: text('member_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    guideId: text('guide_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.guideId] })],
);

export const introStatuses = ['requested', 'accepted', 'new-time-proposed', 'declined', 'cancelled'] as const;
export type IntroStatus = (typeof introStatuses)[number];

// A free intro (chemistry) session request. The gap between createdAt and respondedAt is the guide's
// reply time, one of the reliability signals shown in the directory.
export const introRequests = pgTable(
  'intro_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: text('member_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    guideId: text('guide_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    proposedTimes: jsonb('proposed_times').$type<string[]>().notNull().default([]),
    status: text('status', { enum: introStatuses }).notNull().default('requested'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    guideProposedAt: timestamp('guide_proposed_at', { withTimezone: true }),
    guideNote: text('guide_note').notNull().default(''),
    declineReason: text('decline_reason'),
    guideNoShow: timestamp('guide_no_show_at', { withTimezone: true }),
    // The open intro time the member picked from the guide's intro slots, held for them while the request
    // waits and once it is accepted at that time; the intro_requests_slot_no_overlap exclusion constraint
    // (migration intro_slot_hold) lets only one of two members racing for one slot hold it.
    slotStart: timestamp('slot_start', { withTimezone: true }),
    slotEnd: timestamp('slot_end', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('intro_requests_member_idx').on(t.memberId, t.createdAt),
    index('intro_requests_guide_idx').on(t.guideId, t.status, t.createdAt),
  ],
);

export const scorecards = pgTable(
  'scorecards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: text('member_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    guideId: text('guide_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    introRequestId: uuid('intro_request_id').references(() => introRequests.id, { onDelete: 'set null' }),
    answers: jsonb('answers').$type<ScorecardAnswers>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('scorecards_member_guide_idx').on(t.memberId, t.guideId)],
);

// The member's decision, with the agreement terms the relationship will start from. relationshipId is
// filled once the relationships capability creates the relationship.
export const guideChoices = pgTable(
  'guide_choices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: text('member_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    guideId: text('guide_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['mentoring', 'coaching'] }).notNull(),
    agreementTerms: jsonb('agreement_terms').$type<AgreementTerms>().notNull(),
    termsFrom: text('terms_from', { enum: ['guide-defaults', 'method-defaults'] }).notNull(),
    introsHeld: integer('intros_held').notNull(),
    relationshipId: text('relationship_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('guide_choices_member_idx').on(t.memberId, t.createdAt)],
);

export const outreachStages = [
  'drafted',
  'sent',
  'replied',
  'applied',
  'circled-back',
  'escalated',
  'recurring',
] as const;
export type OutreachStage = (typeof outreachStages)[number];
export type OutreachStageDates = Partial<Record<OutreachStage, string>>;

// The smallest-ask tracker: an expert outside Corner, why them, the hook, the ask, and how far it got.
export const outreachContacts = pgTable(
  'outreach_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: text('member_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    contact: text('contact').notNull().default(''),
    provenExcellence: text('proven_excellence').notNull().default(''),
    explainsHow: text('explains_how').notNull().default(''),
    hook: text('hook').notNull().default(''),
    askDraft: text('ask_draft').notNull().default(''),
    stage: text('stage', { enum: outreachStages }).notNull().default('drafted'),
    stageDates: jsonb('stage_dates').$type<OutreachStageDates>().notNull().default({}),
    advice: text('advice').notNull().default(''),
    appliedTo: text('applied_to').notNull().default(''),
    result: text('result').notNull().default(''),
    offeredBack: text('offered_back').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_contacts_member_idx').on(t.memberId, t.updatedAt)],
);
