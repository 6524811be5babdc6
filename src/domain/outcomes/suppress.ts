import { OUTCOMES_MIN_GROUP_SIZE } from '../settings/outcomes';

/** A figure an admin may see: the value, or only that it stands for fewer than the minimum group. */
export type Guarded<T> = { suppressed: false; value: T } | { suppressed: true; label: string };

export const SUPPRESSED_LABEL = `fewer than ${OUTCOMES_MIN_GROUP_SIZE}`;

// k-anonymity for every figure the program sees: a count or an average over fewer than the minimum
// number of people could point at one person, so it is withheld (a zero is withheld too: "nobody"
// among three is as revealing as "one").
export function guard<T>(people: number, value: T): Guarded<T> {
  if (people < OUTCOMES_MIN_GROUP_SIZE) return { suppressed: true, label: SUPPRESSED_LABEL };
  return { suppressed: false, value };
}

/** A count guarded by itself: 0–4 becomes "fewer than 5". */
export const guardCount = (count: number): Guarded<number> => guard(count, count);
