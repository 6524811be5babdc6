// Method and product numbers for the guide directory (PRODUCT.md §2.3, §2.8a).

/** A member's working day, in their own time zone, for the time-zone overlap with a guide. */
export const MEMBER_WORKDAY_START_HOUR = 9;
export const MEMBER_WORKDAY_END_HOUR = 18;
/** Working days of the member's week (1 = Monday). */
export const MEMBER_WORKDAYS = [1, 2, 3, 4, 5] as const;
/** Weekly availability is compared in slots of this many minutes (half-hour zones stay exact). */
export const AVAILABILITY_SLOT_MINUTES = 30;
/** Below this much shared time a week, a guide barely overlaps; from here up, it is comfortable. */
export const OVERLAP_COMFORTABLE_MINUTES_PER_WEEK = 4 * 60;

/**
 * Weights of each part of the fit score. Parts without a value (no preference stated, or no reply
 * history yet) are left out of the weighted average, so the weights need not add up to 1.
 * Responsiveness comes last: the directory's SQL adds the parts in this order (fit-sql.ts).
 */
export const FIT_WEIGHTS = {
  expertise: 0.35,
  overlap: 0.15,
  style: 0.1,
  structure: 0.1,
  approach: 0.05,
  format: 0.1,
  language: 0.1,
  seniority: 0.05,
  responsiveness: 0.1,
} as const;

/**
 * Responsiveness counts in the fit score only once a guide has had this many intro requests; below
 * it the part is left out, so a new guide is neither helped nor hurt.
 */
export const RESPONSIVENESS_MIN_REQUESTS = 3;
/** A median reply this slow (or slower) earns no speed points; an instant reply earns all of them. */
export const RESPONSIVENESS_SLOW_REPLY_HOURS = 72;

/** A guide with no reply to intro requests for this many days has gone quiet and is paused. */
export const QUIET_GUIDE_DAYS = 14;

/** Directory paging: results per page and how deep a member can page. */
export const DIRECTORY_DEFAULT_LIMIT = 20;
export const DIRECTORY_MAX_LIMIT = 50;
export const DIRECTORY_MAX_PAGE = 50;
/** How deep a member can page into the (exact) fit ranking: offset + limit stays within this. */
export const DIRECTORY_RANK_POOL = 250;
/** Totals are counted up to here; beyond it the page says "more than". */
export const DIRECTORY_COUNT_CAP = 1000;
/** A search phrase longer than this is not a search. */
export const DIRECTORY_MAX_QUERY_LENGTH = 200;
/** A price filter above this is not a price. */
export const DIRECTORY_MAX_PRICE = 100_000;

/** Proposed times on one intro request. */
export const INTRO_MAX_PROPOSED_TIMES = 5;

/** An intro message longer than this is a letter, not a request. */
export const INTRO_MESSAGE_MAX_LENGTH = 1000;
/** Outreach nudges: days after a reply with the advice still not applied ... */
export const OUTREACH_APPLY_NUDGE_DAYS = 7;
/** ... and days after applying it without telling the expert how it went. */
export const OUTREACH_CIRCLE_BACK_NUDGE_DAYS = 3;

/** The directory shows a guide's open intro times this many weeks at a time (one request per block). */
export const INTRO_SLOT_WEEKS_PER_REQUEST = 4;
