import { Temporal } from 'temporal-polyfill';
import { CHECK_IN_SCORE_MAX, CHECK_IN_SCORE_MIN } from '../settings/goals';
import type { SkillCategory } from './skill-categories';

// Signs of progress are the member's own: what they would notice if the goal were working. Suggestions are
// only there to show the shape of a good sign, never a benchmark to meet.

const suggestions: Readonly<Record<SkillCategory, readonly string[]>> = {
  iq: [
    'I can explain the strategy in two minutes, without notes, and people can repeat it back',
    'My documents get approved after fewer rounds of comments',
    'I start new work from a question list taken from the best example I could find',
  ],
  eq: [
    'People I trust say I came across as calm when I was challenged',
    'I am brought into decisions earlier than before',
    'I ask someone for specific feedback every week and thank them for it',
  ],
  internal: [
    'I notice my inner critic and choose how to respond instead of obeying it',
    'My calendar reflects what I say matters to me',
    'I finish the week with energy left over',
  ],
};

/** Two or three example signs for a goal of this category, to prefill and rewrite in the member's words. */
export const suggestSignsOfProgress = (category: SkillCategory): readonly string[] => suggestions[category];

export type CheckInRating = { signId: string; score: number };
export type CheckIn = { at: string; ratings: readonly CheckInRating[] };

export type ProgressPoint = { at: string; score: number };

export type ProgressSeries = {
  signId: string;
  /** Oldest first, one point per check-in that rated this sign. */
  points: ProgressPoint[];
  /** Latest score minus the first one: how far this sign has moved. */
  change: number;
};

export type CheckInSummary = {
  /** One series per sign, in the order the signs were first rated. */
  series: ProgressSeries[];
  /** The average of the most recent check-in's ratings, to one decimal. */
  latest: { at: string; average: number } | null;
};

// Check-ins carry either an instant ("2025-03-01T09:30:00Z") or a calendar date; both sort on one time line.
const epochMs = (at: string): number =>
  /T/i.test(at)
    ? Temporal.Instant.from(at).epochMilliseconds
    : Temporal.PlainDate.from(at).toZonedDateTime('UTC').epochMilliseconds;

const checkScore = (rating: CheckInRating, at: string) => {
  const { score } = rating;
  if (!Number.isInteger(score) || score < CHECK_IN_SCORE_MIN || score > CHECK_IN_SCORE_MAX) {
    throw new RangeError(
      `Score for sign ${rating.signId} at ${at} must be a whole number from ${CHECK_IN_SCORE_MIN} to ${CHECK_IN_SCORE_MAX}, got ${score}.`,
    );
  }
};

const roundToTenth = (value: number) => Math.round(value * 10) / 10;

/**
 * Turns check-ins into chart series per sign plus the latest average. Throws a RangeError on a malformed
 * time or an out-of-range score, since either means the data was never validated.
 */
export const summarizeCheckIns = (checkIns: readonly CheckIn[]): CheckInSummary => {
  const ordered = checkIns
    .map((checkIn, position) => ({ checkIn, position, time: epochMs(checkIn.at) }))
    .sort((a, b) => a.time - b.time || a.position - b.position)
    .map(({ checkIn }) => checkIn);

  // A sign rated twice in one check-in counts once, with its last rating.
  const rated = ordered.map(({ at, ratings }) => {
    const scores = new Map<string, number>();
    for (const rating of ratings) {
      checkScore(rating, at);
      scores.set(rating.signId, rating.score);
    }
    return { at, scores };
  });

  const bySign = new Map<string, ProgressPoint[]>();
  for (const { at, scores } of rated) {
    for (const [signId, score] of scores) {
      const points = bySign.get(signId) ?? [];
      points.push({ at, score });
      bySign.set(signId, points);
    }
  }

  const series = [...bySign].map(([signId, points]) => {
    const first = points[0]?.score ?? 0;
    const last = points.at(-1)?.score ?? first;
    return { signId, points, change: last - first };
  });

  const lastRated = rated.findLast(({ scores }) => scores.size > 0);
  const latest = lastRated
    ? {
        at: lastRated.at,
        average: roundToTenth(
          [...lastRated.scores.values()].reduce((sum, score) => sum + score, 0) / lastRated.scores.size,
        ),
      }
    : null;

  return { series, latest };
};
