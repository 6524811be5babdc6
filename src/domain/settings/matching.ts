// Numbers of the matching method (PRODUCT.md §2.3, §2.9, §5), named so routes, the CLI and the UI agree.

/** Members are nudged to talk to 3 to 5 candidates before deciding. */
export const SHORTLIST_MIN_SIZE = 3;
export const SHORTLIST_MAX_SIZE = 5;
export const SHORTLIST_DEFAULT_SIZE = 5;

/**
 * Scores are floating point, so the optimality certificate accepts reduced costs this far below zero,
 * relative to the largest absolute score (never less than this in absolute terms).
 */
export const CERTIFICATE_RELATIVE_TOLERANCE = 1e-9;

/** A malformed problem file lists at most this many problems, so a broken 100 MB file stays readable. */
export const PROBLEM_FILE_MAX_REPORTED_ERRORS = 20;

/**
 * A guide's own score for an applicant (the problem file's optional fourth edge element, the guide's
 * ranking in the UI): 0 is "would rather not", 1 "my first choice". Only the order matters to stable mode.
 */
export const GUIDE_SCORE_MIN = 0;
export const GUIDE_SCORE_MAX = 1;
