// Method numbers for running a relationship (PRODUCT.md §2.4–2.8).

/** Random bytes in an invitation link's token: 256 bits, far beyond guessing. */
export const INVITE_TOKEN_BYTES = 32;

/** The mid-point check-in falls due this far through a time-framed relationship. */
export const MIDPOINT_FRACTION = 0.5;

/** Ratings of the closing reflections (self-reflection, member's view). */
export const REFLECTION_SCORE_MIN = 1;
export const REFLECTION_SCORE_MAX = 5;

/** Session pulse: valuable, 1–5, and one word on how it felt. */
export const PULSE_WORD_MAX_LENGTH = 30;

/** Text limits for relationship records. */
export const RELATIONSHIP_TEXT_MAX_LENGTH = 4000;
export const MESSAGE_MAX_LENGTH = 4000;
export const SHARED_NOTES_MAX_LENGTH = 20000;
export const FOCUS_AREAS_MAX = 8;
export const NEXT_STEPS_MAX = 8;
