// Method numbers for the journal (PRODUCT.md §2.6, §2.8a).

/** After a decision, the journal asks what actually happened this many days later. */
export const DECISION_FOLLOW_UP_DAYS = [30, 90] as const;

/** How many self-coaching prompts to offer at once. */
export const PROMPTS_OFFERED_AT_ONCE = 3;
