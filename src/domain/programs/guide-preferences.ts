// A guide's own preference for the applicants that fit them, as a score from 0 to 1 (higher is better).
// Stable mode reads it as the guide's side of each pair; where a guide gave none, their side is the fit.

export const GUIDE_SCORE_MIN = 0;
export const GUIDE_SCORE_MAX = 1;

/**
 * A ranking becomes scores deterministically: of n ranked applicants, rank r (1 = first choice) scores
 * (n − r + 1) / n, so the first choice scores 1, the last 1/n, and equal gaps keep the order exact.
 * Scores are rounded to 6 decimals, like the problem file writes them.
 */
export function rankToScore(rank: number, count: number): number {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be a whole number ≥ 1, got ${count}`);
  if (!Number.isInteger(rank) || rank < 1 || rank > count)
    throw new RangeError(`rank must be a whole number from 1 to ${count}, got ${rank}`);
  return Math.round(((count - rank + 1) / count) * 1e6) / 1e6;
}

export type GuidePreference = { memberApplicationId: string; score: number; rank: number | null };

/** A ranking (ids, best first) as stored preferences. */
export function rankingToPreferences(ranking: readonly string[]): GuidePreference[] {
  return ranking.map((memberApplicationId, k) => ({
    memberApplicationId,
    score: rankToScore(k + 1, ranking.length),
    rank: k + 1,
  }));
}

export type PreferenceProblem = { item: string; message: string };

/**
 * What is wrong with a guide's answer, naming each item: an applicant who does not fit them (or is not
 * in the cohort), the same applicant twice, a score outside 0..1. Empty when it can be saved.
 */
export function checkPreferences(
  items: readonly { memberApplicationId: string; score: number }[],
  allowed: ReadonlySet<string>,
): PreferenceProblem[] {
  const problems: PreferenceProblem[] = [];
  const seen = new Set<string>();
  items.forEach((item, k) => {
    const name = `items.${k}`;
    if (seen.has(item.memberApplicationId))
      problems.push({ item: name, message: `names applicant ${item.memberApplicationId} twice` });
    seen.add(item.memberApplicationId);
    if (!allowed.has(item.memberApplicationId))
      problems.push({
        item: name,
        message: `applicant ${item.memberApplicationId} is not one who fits you in this cohort`,
      });
    if (!(Number.isFinite(item.score) && item.score >= GUIDE_SCORE_MIN && item.score <= GUIDE_SCORE_MAX))
      problems.push({ item: name, message: `score ${item.score} is outside 0 to 1` });
  });
  return problems;
}

/**
 * The guide's side per edge: their own score where they gave one, else the edge's fit. Undefined when no
 * guide gave any, so the solver's default (the fit) applies unchanged.
 */
export function guideScoresPerEdge(
  edges: { mentee: Int32Array; mentor: Int32Array; fit: Float64Array },
  scoreOf: (mentee: number, mentor: number) => number | undefined,
): Float64Array | undefined {
  const out = new Float64Array(edges.fit.length);
  let any = false;
  for (let e = 0; e < out.length; e++) {
    const own = scoreOf(edges.mentee[e] ?? 0, edges.mentor[e] ?? 0);
    if (own !== undefined) any = true;
    out[e] = own ?? edges.fit[e] ?? 0;
  }
  return any ? out : undefined;
}
