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
import type { AgendaItem } from '../../../domain/sessions/session-templates';
import { user } from './auth';
import { relationships } from './relationships';

// Instants are stored in UTC with the zone the session was booked in; each person sees it in their own.
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id, { onDelete: 'cascade' }),
    // The relationship's guide, kept on the session so the database itself refuses two scheduled sessions
    // of one guide at overlapping times (the sessions_guide_no_overlap exclusion constraint, migration
    // open_slots_booking): two people racing for one slot cannot both win.
    guideId: text('guide_id').references(() => user.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    bookedTimeZone: text('booked_time_zone').notNull(),
    template: text('template', { enum: ['first', 'regular', 'last'] }).notNull(),
    meetingLink: text('meeting_link'),
    place: text('place'),
    agendaTopic: text('agenda_topic').notNull().default(''),
    preNote: text('pre_note').notNull().default(''),
    status: text('status', { enum: ['scheduled', 'held', 'cancelled', 'no-show'] })
      .notNull()
      .default('scheduled'),
    statusReason: text('status_reason'),
    // The agenda as it stood when the session was closed, so carry-over is not recomputed afterwards.
    closedAgenda: jsonb('closed_agenda').$type<AgendaItem[] | null>(),
    insights: text('insights').notNull().default(''),
    sharedNotes: text('shared_notes').notNull().default(''),
    sharedNotesVersion: integer('shared_notes_version').notNull().default(0),
    sharedNotesUpdatedBy: text('shared_notes_updated_by').references(() => user.id, {
      onDelete: 'set null',
    }),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('sessions_relationship_idx').on(t.relationshipId, t.startsAt),
    // The last held session per pair, in one index probe (momentum, the cohort dashboard).
    index('sessions_held_idx').on(t.relationshipId, t.startsAt).where(sql`${t.status} = 'held'`),
    // A session booked ahead per pair (the at-risk list's "next step"): an index-only scan over the few
    // scheduled rows instead of a parallel scan over every session (bench:outcomes, 20,000 pairs).
    index('sessions_scheduled_idx').on(t.relationshipId, t.startsAt).where(sql`${t.status} = 'scheduled'`),
    // Recent cancelled or missed sessions per pair (the at-risk list), without reading held rows.
    index('sessions_missed_idx')
      .on(t.relationshipId, t.startsAt)
      .where(sql`${t.status} in ('cancelled', 'no-show')`),
  ],
);

export const sessionPrivateNotes = pgTable(
  'session_private_notes',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

export const sessionPulses = pgTable(
  'session_pulses',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    word: text('word').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.userId] }),
    check('session_pulses_score_range', sql`${t.score} between 1 and 5`),
  ],
);

// Next steps become actions. A renegotiated action points at its smaller replacement; a dropped one
// keeps the reason, so nothing disappears silently.
export const actions = pgTable(
  'actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    ownerId: text('owner_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['practical', 'reflective'] }).notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status', { enum: ['open', 'done', 'renegotiated', 'dropped'] })
      .notNull()
      .default('open'),
    outcome: text('outcome').notNull().default(''),
    dropReason: text('drop_reason'),
    replacesId: uuid('replaces_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('actions_relationship_idx').on(t.relationshipId, t.status),
    // Whether a session ended with a next step; also what a deleted session's actions are found by.
    index('actions_session_idx').on(t.sessionId),
    // Open actions by due date: the only ones that can be overdue.
    index('actions_open_due_idx').on(t.relationshipId, t.dueDate).where(sql`${t.status} = 'open'`),
  ],
);
