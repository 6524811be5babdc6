import type { Cadence } from '../agreements/vocabulary';

// Method numbers behind the momentum states (PRODUCT.md §2.7).

/** Sessions are counted over this many days ("sessions in the last 30 days"). */
export const MOMENTUM_WINDOW_DAYS = 30;

/**
 * Slack on top of the agreed interval before a gap between sessions counts as a missed session.
 * Rescheduling inside the same week should not turn a weekly pair "slipping".
 */
export const CADENCE_TOLERANCE_DAYS: Record<Cadence, number> = { weekly: 4, biweekly: 4, monthly: 7 };

/**
 * More than this many days without a session puts a relationship at risk. The method names 21 days for
 * weekly and every-two-weeks pairs. For monthly pairs we use 45 days: one and a half agreed intervals,
 * the same proportion 21 days is of a two-week cadence — a monthly session was let go and two more
 * weeks passed without making it up.
 */
export const NO_SESSION_AT_RISK_DAYS: Record<Cadence, number> = { weekly: 21, biweekly: 21, monthly: 45 };

/**
 * A new relationship is not judged on sessions for its first two weeks: the pair is still getting to
 * know each other and booking a first session a week ahead. The grace only stretches the wait for the
 * first session; it never softens any other rule.
 */
export const NEW_RELATIONSHIP_GRACE_DAYS = 14;

/** An upcoming session without an agreed agenda this close to its start is a slipping sign. */
export const AGENDA_DUE_HOURS_BEFORE_SESSION = 48;

/** One overdue action is a slipping sign; this many put the relationship at risk. */
export const OVERDUE_ACTIONS_SLIPPING = 1;
export const OVERDUE_ACTIONS_AT_RISK = 2;

/** The pulse trend looks at this many most recent scores (both sides rate each session). */
export const PULSE_TREND_SAMPLE_SIZE = 6;
/** Fewer scores than this and the trend is "unknown". */
export const PULSE_TREND_MIN_SCORES = 4;
/** The newer half's average must differ from the older half's by at least this much to count as a trend. */
export const PULSE_TREND_MIN_CHANGE = 0.5;
/** Pulse scale. */
export const PULSE_MIN = 1;
export const PULSE_MAX = 5;
