// Defaults of the goal method (PRODUCT.md §2.2). A relationship or program may override the horizon, so the
// goal checker takes them as an argument and these are only the defaults.

/** A goal closer than this is a task, not a growth goal. */
export const GOAL_HORIZON_MIN_MONTHS = 1;

/** Start of the window in which an outcome can prove mastery of a skill. */
export const GOAL_SWEET_SPOT_MIN_MONTHS = 3;

/** End of that window. */
export const GOAL_SWEET_SPOT_MAX_MONTHS = 6;

/** A goal further out than this is a direction, too far to plan sessions backwards from. */
export const GOAL_HORIZON_MAX_MONTHS = 12;

/** How far out the checker's worked examples put their date: inside the sweet spot. */
export const GOAL_EXAMPLE_HORIZON_MONTHS = 4;

/** Below this many words a goal title says too little to judge. */
export const GOAL_MIN_WORDS = 3;

/** First-session pattern (b): the short list of mid-term work goals is agreed within this many weeks. */
export const MID_TERM_GOALS_AGREED_WITHIN_WEEKS = 2;

/** Signs of progress are rated on this scale in check-ins. */
export const CHECK_IN_SCORE_MIN = 1;
export const CHECK_IN_SCORE_MAX = 10;

export type GoalHorizonSettings = {
  minMonths: number;
  sweetSpotMinMonths: number;
  sweetSpotMaxMonths: number;
  maxMonths: number;
};

export const defaultGoalHorizon: GoalHorizonSettings = {
  minMonths: GOAL_HORIZON_MIN_MONTHS,
  sweetSpotMinMonths: GOAL_SWEET_SPOT_MIN_MONTHS,
  sweetSpotMaxMonths: GOAL_SWEET_SPOT_MAX_MONTHS,
  maxMonths: GOAL_HORIZON_MAX_MONTHS,
};
