import type { Cadence, RelationshipKind, SessionFormat } from '../agreements/vocabulary';

// Method defaults for agreements (PRODUCT.md §2.4). Each is a default a relationship or a program may
// override; the rules read them from here so a change happens in one place.

/** Session lengths a pair can agree on, in minutes. */
export const SESSION_LENGTH_OPTIONS_MINUTES = [30, 60, 90] as const;
export type SessionMinutes = (typeof SESSION_LENGTH_OPTIONS_MINUTES)[number];

/** Days between two sessions for each cadence. Monthly is counted as 30 days. */
export const CADENCE_INTERVAL_DAYS: Record<Cadence, number> = { weekly: 7, biweekly: 14, monthly: 30 };

/** Sessions a month each cadence gives, rounded down to what a pair can count on. */
export const CADENCE_SESSIONS_PER_MONTH: Record<Cadence, number> = { weekly: 4, biweekly: 2, monthly: 1 };

/** Coaching loses momentum below this many sessions a month. */
export const COACHING_MIN_SESSIONS_PER_MONTH = 2;
/** A coaching "sprint": the shortest engagement worth planning. */
export const COACHING_MIN_MONTHS = 3;
/** Meaningful coaching change usually takes this long (lower and upper end). */
export const COACHING_MEANINGFUL_CHANGE_MIN_MONTHS = 6;
export const COACHING_MEANINGFUL_CHANGE_MAX_MONTHS = 12;
/** Typical coaching session length (lower and upper end). */
export const COACHING_SESSION_MIN_MINUTES = 60;
export const COACHING_SESSION_MAX_MINUTES = 90;

/** Remote mentoring keeps its momentum with a session at least every 1–2 weeks. */
export const REMOTE_MENTORING_MIN_WEEKS_BETWEEN_SESSIONS = 1;
export const REMOTE_MENTORING_MAX_WEEKS_BETWEEN_SESSIONS = 2;
export const REMOTE_FORMATS: readonly SessionFormat[] = ['video', 'phone'];

/** Limits the schema enforces (they become database and API limits too). */
export const AGREEMENT_TEXT_MAX_LENGTH = 2000;
export const AGREEMENT_PLACE_MAX_LENGTH = 200;
export const AGREEMENT_CHANNEL_MAX_LENGTH = 60;
export const AGREEMENT_MAX_CHANNELS = 8;
export const AGREEMENT_PLANNED_MONTHS_MAX = 36;
export const RESPONSIVENESS_MAX_HOURS = 168;
export const RESPONSIVENESS_MAX_DAYS = 30;

/** What a new agreement starts from, per kind of relationship. */
export const DEFAULT_AGREEMENT_NUMBERS: Record<
  RelationshipKind,
  {
    cadence: Cadence;
    sessionMinutes: SessionMinutes;
    format: SessionFormat;
    responseWithin: number;
    responseUnit: 'hours' | 'days';
    plannedMonths: number | null;
  }
> = {
  mentoring: {
    cadence: 'biweekly',
    sessionMinutes: 60,
    format: 'video',
    responseWithin: 2,
    responseUnit: 'days',
    plannedMonths: 6,
  },
  coaching: {
    cadence: 'biweekly',
    sessionMinutes: 60,
    format: 'video',
    responseWithin: 2,
    responseUnit: 'days',
    plannedMonths: COACHING_MEANINGFUL_CHANGE_MIN_MONTHS,
  },
  peer: {
    cadence: 'biweekly',
    sessionMinutes: 60,
    format: 'video',
    responseWithin: 3,
    responseUnit: 'days',
    plannedMonths: null,
  },
};
