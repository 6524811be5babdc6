import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { clockToMinutes } from '../sessions/availability';
import {
  DEFAULT_BOOKING_WINDOW_DAYS,
  DEFAULT_BUFFER_AFTER_MINUTES,
  DEFAULT_BUFFER_BEFORE_MINUTES,
  DEFAULT_DAILY_SESSION_LIMIT,
  DEFAULT_INTRO_MIN_NOTICE_HOURS,
  DEFAULT_WEEKLY_SESSION_LIMIT,
  MAX_BOOKING_WINDOW_DAYS,
  MAX_BUFFER_MINUTES,
  MAX_DATE_OVERRIDES,
  MAX_INTRO_MIN_NOTICE_HOURS,
  MAX_OUT_OF_OFFICE_RANGES,
  MAX_SESSION_LIMIT,
  MIN_BOOKING_WINDOW_DAYS,
} from '../settings/scheduling';

const clock = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

const hoursSchema = z
  .object({
    start: z.string().regex(clock, 'Use HH:MM, e.g. 09:30'),
    end: z.string().regex(clock, 'Use HH:MM, e.g. 17:00'),
  })
  .refine((w) => (clockToMinutes(w.start) ?? 0) < (clockToMinutes(w.end) ?? 0), {
    message: 'Hours must end after they start.',
    path: ['end'],
  });

const isPlainDate = (value: string): boolean => {
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
  } catch {
    return false;
  }
};

/** A date in the guide's zone with different hours; no hours means the guide is not available that day. */
export const dateOverrideSchema = z.object({
  date: z.string().refine(isPlainDate, 'Use a date like 2026-12-24'),
  windows: z.array(hoursSchema).max(8),
});

/** Away from `start` to `end` (instants), e.g. a holiday: no slots are offered in between. */
export const outOfOfficeSchema = z
  .object({
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
    note: z.string().trim().max(200).default(''),
  })
  .refine((o) => Date.parse(o.start) < Date.parse(o.end), {
    message: 'Out of office must end after it starts.',
    path: ['end'],
  });

const limit = z.number().int().min(1).max(MAX_SESSION_LIMIT).nullable();

export const bookingRulesSchema = z
  .object({
    dateOverrides: z.array(dateOverrideSchema).max(MAX_DATE_OVERRIDES),
    outOfOffice: z.array(outOfOfficeSchema).max(MAX_OUT_OF_OFFICE_RANGES),
    bufferBeforeMinutes: z.number().int().min(0).max(MAX_BUFFER_MINUTES),
    bufferAfterMinutes: z.number().int().min(0).max(MAX_BUFFER_MINUTES),
    introMinNoticeHours: z.number().int().min(0).max(MAX_INTRO_MIN_NOTICE_HOURS),
    bookingWindowDays: z.number().int().min(MIN_BOOKING_WINDOW_DAYS).max(MAX_BOOKING_WINDOW_DAYS),
    dailyLimit: limit,
    weeklyLimit: limit,
    /** The guide's own video room; null means each session gets a generated Jitsi Meet room. */
    roomLink: z
      .url({ protocol: /^https$/ })
      .max(500)
      .nullable(),
  })
  .refine((r) => new Set(r.dateOverrides.map((o) => o.date)).size === r.dateOverrides.length, {
    message: 'Each date can have one override only.',
    path: ['dateOverrides'],
  })
  .refine((r) => r.dailyLimit === null || r.weeklyLimit === null || r.dailyLimit <= r.weeklyLimit, {
    message: 'The weekly limit cannot be lower than the daily one.',
    path: ['weeklyLimit'],
  });

export type BookingRules = z.infer<typeof bookingRulesSchema>;
export type DateOverride = z.infer<typeof dateOverrideSchema>;
export type OutOfOffice = z.infer<typeof outOfOfficeSchema>;

export const defaultBookingRules: BookingRules = {
  dateOverrides: [],
  outOfOffice: [],
  bufferBeforeMinutes: DEFAULT_BUFFER_BEFORE_MINUTES,
  bufferAfterMinutes: DEFAULT_BUFFER_AFTER_MINUTES,
  introMinNoticeHours: DEFAULT_INTRO_MIN_NOTICE_HOURS,
  bookingWindowDays: DEFAULT_BOOKING_WINDOW_DAYS,
  dailyLimit: DEFAULT_DAILY_SESSION_LIMIT,
  weeklyLimit: DEFAULT_WEEKLY_SESSION_LIMIT,
  roomLink: null,
};
