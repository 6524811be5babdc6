// Method numbers for sessions (PRODUCT.md §2.5).

/** Sessions are booked at least a week ahead, so "I'm busy" is not an excuse. */
export const MIN_BOOKING_LEAD_DAYS = 7;

/** A held session closes with at least this many next steps. */
export const MIN_NEXT_STEPS_TO_CLOSE = 1;

/** Reschedule suggestions start on this grid within the guide's availability. */
export const RESCHEDULE_SLOT_STEP_MINUTES = 30;
/**
 * A reschedule is offered within the same week, so the week's lead time cannot apply; this much notice
 * still gives the other person a fair chance to see the change.
 */
export const RESCHEDULE_MIN_NOTICE_HOURS = 12;
/** How many reschedule suggestions to offer at most. */
export const RESCHEDULE_MAX_SLOTS = 5;
