import {
  type AnyPgColumn,
  boolean,
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
import { goals } from './growth';
import { relationships } from './relationships';

// A mirror feedback request: one question about one real moment, sent to a giver who has no account.
// Only the hash of the link's token is kept, so a leaked database does not open anyone's link.
export const feedbackRequests = pgTable(
  'feedback_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    moment: text('moment').notNull().default(''),
    giverName: text('giver_name').notNull(),
    giverEmail: text('giver_email'),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    sharedWithGuide: boolean('shared_with_guide').notNull().default(false),
    // Sharing names one relationship: only that relationship's guide reads the request, not every
    // guide the member has (or will have).
    sharedRelationshipId: uuid('shared_relationship_id').references(() => relationships.id, {
      onDelete: 'set null',
    }),
    thankedAt: timestamp('thanked_at', { withTimezone: true }),
    thankYouNote: text('thank_you_note'),
    // A scale question also asks the giver for a rating from 1 to 5, so a before/after 360 can show change.
    scale: boolean('scale').notNull().default(false),
    // Before/after 360: the "before" of one relationship, or the "after" asking the same giver the same
    // question again. The unique before_request_id is what refuses a second after, even under a race.
    round360: text('round_360', { enum: ['before', 'after'] }),
    round360RelationshipId: uuid('round_360_relationship_id').references(() => relationships.id, {
      onDelete: 'set null',
    }),
    beforeRequestId: uuid('before_request_id').references((): AnyPgColumn => feedbackRequests.id, {
      onDelete: 'cascade',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_requests_token_idx').on(t.tokenHash),
    index('feedback_requests_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('feedback_requests_before_idx').on(t.beforeRequestId),
    index('feedback_requests_round_360_idx').on(t.round360RelationshipId),
  ],
);

// One answer per link: the unique request id is what refuses a second answer, even under a race.
export const feedbackAnswers = pgTable('feedback_answers', {
  id: uuid('id').primaryKey().defaultRandom(),
  requestId: uuid('request_id')
    .notNull()
    .unique()
    .references(() => feedbackRequests.id, { onDelete: 'cascade' }),
  answer: text('answer').notNull(),
  // Only for a scale question: the giver's rating from 1 to 5.
  rating: integer('rating'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// The shadow-side map: a strength, how it looks when overdone, and the answers that showed it.
export const shadowStrengths = pgTable(
  'shadow_strengths',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    strength: text('strength').notNull(),
    overdone: text('overdone').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('shadow_strengths_user_idx').on(t.userId)],
);

export const shadowStrengthEvidence = pgTable(
  'shadow_strength_evidence',
  {
    strengthId: uuid('strength_id')
      .notNull()
      .references(() => shadowStrengths.id, { onDelete: 'cascade' }),
    answerId: uuid('answer_id')
      .notNull()
      .references(() => feedbackAnswers.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.strengthId, t.answerId] })],
);

// The artifact library: gold-standard examples and the member's own drafts started from them.
export const artifacts = pgTable(
  'artifacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['example', 'draft'] }).notNull(),
    kind: text('kind', {
      enum: ['exec-update', 'launch-email', 'prd', 'strategy-doc', 'other'],
    }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    source: text('source').notNull().default(''),
    questions: jsonb('questions').$type<string[]>().notNull().default([]),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    goalId: uuid('goal_id').references(() => goals.id, { onDelete: 'set null' }),
    templateId: uuid('template_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('artifacts_user_idx').on(t.userId, t.role)],
);

// Personal access tokens for the person's own tools (the MCP server). Shown once, stored as a hash.
export const accessTokens = pgTable(
  'access_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('access_tokens_hash_idx').on(t.tokenHash),
    index('access_tokens_user_idx').on(t.userId),
  ],
);
