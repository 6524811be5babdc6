// Method numbers for choosing a guide (PRODUCT.md §2.3).

/** Talk to at least this many candidates before deciding ... */
export const SHORTLIST_MIN_CANDIDATES = 3;
/** ... and at most this many: beyond it, comparing becomes a chore. */
export const SHORTLIST_MAX_CANDIDATES = 5;

/** Committing after this many intros or fewer is deciding too fast. */
export const COMMIT_TOO_EARLY_MAX_INTROS = 1;
/** Stopping after this many intros or fewer, all poor fits, is giving up too early. */
export const GIVE_UP_TOO_EARLY_MAX_INTROS = 1;

/** Points per fit answer; the scorecard score is the share of the maximum, 0–100. */
export const FIT_ANSWER_POINTS = { yes: 2, partly: 1, no: 0 } as const;
/** A score from here up, with no red flag, is a strong fit. */
export const FIT_STRONG_MIN_SCORE = 75;
/** A score from here up is worth considering. */
export const FIT_POSSIBLE_MIN_SCORE = 50;
/** This many red flags in one intro make it a poor fit whatever else went well. */
export const RED_FLAGS_FOR_POOR_FIT = 2;
/** Points taken off the 0–100 score for each red flag ticked: a red flag is never worth a perfect score. */
export const RED_FLAG_SCORE_PENALTY = 25;
/** Not feeling safe decides on its own, so the score stays below FIT_POSSIBLE_MIN_SCORE. */
export const UNSAFE_SCORE_CAP = 49;
