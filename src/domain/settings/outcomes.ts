// Method numbers of program outcomes: funnel, privacy, pulses, early warning and the effect estimate.

/** Any figure over fewer people than this is shown as "fewer than 5", never as the number itself. */
export const OUTCOMES_MIN_GROUP_SIZE = 5;

/** The funnel's "still active" checkpoints, in days since the pair started. */
export const OUTCOMES_ACTIVE_CHECKPOINT_DAYS = [30, 90] as const;

/** The first pulse check-in comes this many days after the pair started ... */
export const PULSE_FIRST_DAY = 30;
/** ... and then every this many days (a cohort may choose another interval). */
export const PULSE_DEFAULT_INTERVAL_DAYS = 60;
/** The shortest and longest interval a cohort may choose. */
export const PULSE_MIN_INTERVAL_DAYS = 14;
export const PULSE_MAX_INTERVAL_DAYS = 180;

/** Early warning: a message waiting this many days for the other person's answer is a signal. */
export const RISK_UNANSWERED_MESSAGE_DAYS = 7;
/** Early warning: the guide answering the member later than this (median, days) is a signal. */
export const RISK_GUIDE_SLOW_ANSWER_DAYS = 3;
/** Early warning: the guide's answer times are read over this many days of messages. */
export const RISK_GUIDE_SLOW_ANSWER_WINDOW_DAYS = 60;
/** Early warning: a pulse (or session pulse) at or below this score is low. */
export const RISK_LOW_PULSE_SCORE = 2;
/** Early warning: cancelled or missed sessions count when they are this recent. */
export const RISK_RECENT_DAYS = 30;
/** Early warning: held sessions in the last RISK_RECENT_DAYS below this share of the agreed cadence. */
export const RISK_CADENCE_SHARE = 0.5;
/** Early warning: this many signals (or more) make a pair "at risk"; fewer but some make it "watch". */
export const RISK_AT_RISK_SIGNALS = 2;

/** Pairs per page of the admin's at-risk list, unless the reader asks for another size. */
export const AT_RISK_PAGE_SIZE = 25;
/** The largest page of the at-risk list a reader may ask for. */
export const AT_RISK_MAX_PAGE_SIZE = 200;

/** Bootstrap resamples behind the effect's 95% interval. */
export const EFFECT_BOOTSTRAP_RESAMPLES = 2_000;
/** The interval's coverage. */
export const EFFECT_INTERVAL_LEVEL = 0.95;
