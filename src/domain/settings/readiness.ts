// Thresholds of the readiness check (PRODUCT.md §2.1).

/** The agreement scale of the self-assessment statements runs from 1 to 5. */
export const READINESS_SCALE_MIN = 1;
export const READINESS_SCALE_MAX = 5;

/** At or above this, a statement counts as "like me". */
export const READINESS_AGREE_AT = 4;

/** At or below this, a statement counts as "not like me". */
export const READINESS_DISAGREE_AT = 2;

/** A kind of help is recommended once the answers pointing to it add up to at least this. */
export const READINESS_RECOMMEND_MIN_SCORE = 3;
