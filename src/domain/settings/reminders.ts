import { AGENDA_DUE_HOURS_BEFORE_SESSION } from './momentum';

// Method numbers behind reminders and the daily digest (PRODUCT.md §2.5, §2.7, §2.8a).

/** Both people hear about a session this many hours before it starts. */
export const SESSION_REMINDER_HOURS_BEFORE = 24;

/** A session with no agreed topic this close to its start gets a reminder (the method's 48 hours). */
export const AGENDA_REMINDER_HOURS_BEFORE = AGENDA_DUE_HOURS_BEFORE_SESSION;

/**
 * A held session still without a next step this long after it started gets a reminder. The pair
 * usually closes the session right away; a day leaves room to write it up in the evening.
 */
export const NEXT_STEP_REMINDER_HOURS_AFTER_SESSION = 24;

/** The owner of an action hears about it this many hours before it is due, and once when overdue. */
export const ACTION_DUE_REMINDER_HOURS_BEFORE = 24;

/** At most this many digest emails per person per local calendar day. Everything is also in-app. */
export const DIGESTS_PER_DAY = 1;

/** Digests go out only between these local hours (from inclusive, until exclusive): no 3 a.m. mail. */
export const DIGEST_EARLIEST_LOCAL_HOUR = 7;
export const DIGEST_LATEST_LOCAL_HOUR = 21;

/** A digest lists at most this many items; the rest are counted and wait in the app. */
export const DIGEST_MAX_ITEMS = 12;
