// Method numbers for mirror feedback requests (PRODUCT.md §2.6).

/** A mirror request asks exactly this many questions: one, so it gets answered. */
export const FEEDBACK_MAX_QUESTIONS = 1;
/** A question longer than this is hard to hold in mind while answering. */
export const FEEDBACK_QUESTION_MAX_WORDS = 40;
