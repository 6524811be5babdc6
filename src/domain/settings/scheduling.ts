// Method numbers for open slots and booking rules (issue 13; PRODUCT.md §2.5 for the week ahead).

/** Open slots start on this grid, in minutes after the start of a window in the guide's zone. */
export const SLOT_STEP_MINUTES = 30;

/** Default quiet time kept free before and after each session, in minutes. */
export const DEFAULT_BUFFER_BEFORE_MINUTES = 0;
export const DEFAULT_BUFFER_AFTER_MINUTES = 15;
export const MAX_BUFFER_MINUTES = 120;

/** An intro session needs this much notice by default (regular sessions keep the method's week ahead). */
export const DEFAULT_INTRO_MIN_NOTICE_HOURS = 24;
export const MAX_INTRO_MIN_NOTICE_HOURS = 24 * 14;

/** Slots are offered this many days ahead at most (a rolling window). */
export const DEFAULT_BOOKING_WINDOW_DAYS = 42;
export const MIN_BOOKING_WINDOW_DAYS = 7;
export const MAX_BOOKING_WINDOW_DAYS = 180;

/** Sessions a guide holds per day and per week at most (null: no limit). */
export const DEFAULT_DAILY_SESSION_LIMIT = 4;
export const DEFAULT_WEEKLY_SESSION_LIMIT = 12;
export const MAX_SESSION_LIMIT = 50;

/** How many date overrides and out-of-office ranges a guide keeps. */
export const MAX_DATE_OVERRIDES = 200;
export const MAX_OUT_OF_OFFICE_RANGES = 100;

/** A slots request may span at most this many days. */
export const MAX_SLOTS_RANGE_DAYS = 62;

/** Local hours that count as the edge of someone's day (fair rotation): before 08:00 or after 20:00. */
export const DAY_EDGE_START_HOUR = 8;
export const DAY_EDGE_END_HOUR = 20;

/** Random bytes in a generated Jitsi Meet room name: 128 bits, so a room cannot be guessed. */
export const MEETING_ROOM_BYTES = 16;
/** Where generated rooms live. */
export const DEFAULT_MEETING_HOST = 'https://meet.jit.si';

/** An intro session from the directory: a short first conversation. */
export const INTRO_SESSION_MINUTES = 30;

/** Open proposals (booking by agreement) a pair may have at once, so a partner is not flooded. */
export const MAX_OPEN_SESSION_PROPOSALS = 5;
