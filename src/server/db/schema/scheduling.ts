import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { DateOverride, OutOfOffice } from '../../../domain/scheduling/booking-rules';
import {
  DEFAULT_BOOKING_WINDOW_DAYS,
  DEFAULT_BUFFER_AFTER_MINUTES,
  DEFAULT_BUFFER_BEFORE_MINUTES,
  DEFAULT_DAILY_SESSION_LIMIT,
  DEFAULT_INTRO_MIN_NOTICE_HOURS,
  DEFAULT_WEEKLY_SESSION_LIMIT,
} from '../../../domain/settings/scheduling';
import { user } from './auth';
import { relationships } from './relationships';
import { sessions } from './sessions';

// A guide's booking rules on top of their weekly hours (guide_profiles.availability): dates with other
// hours, time away, buffers, the intro's notice, how far ahead people may book and how many sessions a
// day and a week. One row per guide, written when they first change a rule; until then the defaults hold.
export const guideBookingRules = pgTable('guide_booking_rules', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  dateOverrides: jsonb('date_overrides').$type<DateOverride[]>().notNull().default([]),
  outOfOffice: jsonb('out_of_office').$type<OutOfOffice[]>().notNull().default([]),
  bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(DEFAULT_BUFFER_BEFORE_MINUTES),
  bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(DEFAULT_BUFFER_AFTER_MINUTES),
  introMinNoticeHours: integer('intro_min_notice_hours').notNull().default(DEFAULT_INTRO_MIN_NOTICE_HOURS),
  bookingWindowDays: integer('booking_window_days').notNull().default(DEFAULT_BOOKING_WINDOW_DAYS),
  dailyLimit: integer('daily_limit').default(DEFAULT_DAILY_SESSION_LIMIT),
  weeklyLimit: integer('weekly_limit').default(DEFAULT_WEEKLY_SESSION_LIMIT),
  roomLink: text('room_link'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

// Booking by agreement (issue 13, point 5): when a calendar cannot be read no slot is offered, so one of
// the pair proposes a time and the other confirms it. Only a confirmation writes a session, through the
// same insert (and exclusion constraint) as slot booking; an open proposal whose start has passed counts
// as expired without any job touching it.
export const sessionProposals = pgTable(
  'session_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id, { onDelete: 'cascade' }),
    proposedBy: text('proposed_by')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** The proposer's zone, kept as the session's booked zone on confirmation. */
    timeZone: text('time_zone').notNull(),
    status: text('status', { enum: ['open', 'confirmed', 'declined', 'withdrawn'] })
      .notNull()
      .default('open'),
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('session_proposals_relationship_idx').on(t.relationshipId, t.startsAt),
    // One open proposal per pair and start: proposing the same time twice is a 409, not a second card.
    uniqueIndex('session_proposals_open_start_idx')
      .on(t.relationshipId, t.startsAt)
      .where(sql`${t.status} = 'open'`),
    check('session_proposals_range', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
