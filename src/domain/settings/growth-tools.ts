// Method and safety numbers for mirror feedback links, personal access tokens and the growth record.

/** A feedback link stays open this long; a moment remembered weeks later is remembered badly. */
export const FEEDBACK_LINK_DAYS = 14;
/** Random bytes in a feedback link or access token: 32 bytes = 256 bits, far past guessing. */
export const SECRET_TOKEN_BYTES = 32;
/** Requests one feedback link may receive per window before it is slowed down. */
export const FEEDBACK_LINK_REQUESTS_PER_WINDOW = 20;
/** Requests one network address may make to public feedback links per window. */
export const FEEDBACK_IP_REQUESTS_PER_WINDOW = 60;
/** The rate-limit window for public feedback links. */
export const FEEDBACK_RATE_WINDOW_MS = 10 * 60 * 1000;
/** Longest answer a giver may write. */
export const FEEDBACK_ANSWER_MAX_CHARS = 4000;
/** The growth record's format version; bump it with a migration note when the shape changes. */
export const GROWTH_RECORD_VERSION = 2;
/**
 * Versions import still reads. Version 1 had the relationship-side sections (relationships, sessions,
 * actions, journal, decisions, reports) as placeholders its exporter always left empty, which version 2
 * reads as they are.
 */
export const GROWTH_RECORD_VERSIONS_READ = [1, 2] as const;
