import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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
