import { Temporal } from 'temporal-polyfill';
import {
  defaultGoalHorizon,
  GOAL_EXAMPLE_HORIZON_MONTHS,
  GOAL_MIN_WORDS,
  type GoalHorizonSettings,
} from '../settings/goals';
import { findDateMentions, formatDeadline } from './goal-dates';
import { exampleGoal, findLearningWish, hasMeasurableResult } from './goal-wording';

/** Every code the checker can report, for API schemas and exhaustive UI copy. */
export const goalIssueCodes = [
  'vague-learning-wish',
  'no-measurable-result',
  'no-date',
  'horizon-too-short',
  'horizon-too-long',
  'horizon-outside-sweet-spot',
  'too-short-to-judge',
] as const;

export type GoalIssueCode = (typeof goalIssueCodes)[number];

export type GoalIssue = {
  code: GoalIssueCode;
  /** A problem keeps the goal from being ok; a hint is advice the member may ignore. */
  severity: 'problem' | 'hint';
  message: string;
  suggestion: string;
};

export type GoalCheck = {
  ok: boolean;
  issues: GoalIssue[];
  rewritePattern: string;
  example: string;
  /** Days from today to the goal's date (targetDate, else the date in the title); negative when past. */
  horizonDays: number | null;
  /** The date written in the title, whether or not a targetDate was also given, so the UI can offer it. */
  detectedDate: string | null;
};

export type CheckGoalInput = {
  title: string;
  /** ISO yyyy-mm-dd, or null when the member has not picked one. */
  targetDate: string | null;
  /** ISO yyyy-mm-dd. Passed in because domain code has no clock. */
  today: string;
};

export const GOAL_REWRITE_PATTERN = '<Do something observable> so that <measurable result> by <date>';

const monthsLabel = (months: number) => (months === 1 ? '1 month' : `${months} months`);

// How far away a date feels, in the unit people would use for it.
const describeDistance = (today: Temporal.PlainDate, target: Temporal.PlainDate): string => {
  const days = today.until(target, { largestUnit: 'days' }).days;
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days < 14) return `${days} days away`;
  if (days < 60) return `about ${Math.round(days / 7)} weeks away`;
  const span = today.until(target, { largestUnit: 'months' });
  return `about ${monthsLabel(span.months + (span.days >= 15 ? 1 : 0))} away`;
};

type HorizonContext = {
  today: Temporal.PlainDate;
  target: Temporal.PlainDate;
  shown: string;
  example: string;
};

const horizonIssue = (
  { today, target, shown, example }: HorizonContext,
  horizon: GoalHorizonSettings,
): GoalIssue | null => {
  const sweetSpot = `${horizon.sweetSpotMinMonths} to ${horizon.sweetSpotMaxMonths} months`;
  const isBefore = (months: number) => Temporal.PlainDate.compare(target, today.add({ months })) < 0;
  const isAfter = (months: number) => Temporal.PlainDate.compare(target, today.add({ months })) > 0;
  if (Temporal.PlainDate.compare(target, today) < 0) {
    return {
      code: 'horizon-too-short',
      severity: 'problem',
      message: `The date, ${shown}, has already passed, so the goal cannot guide what you do next.`,
      suggestion: `Pick a new date ${sweetSpot} from now, for example: "${example}".`,
    };
  }
  if (isBefore(horizon.minMonths)) {
    return {
      code: 'horizon-too-short',
      severity: 'problem',
      message: `${shown} is ${describeDistance(today, target)}. That is a task rather than a growth goal: there is no time to practise, hear how it went and try again.`,
      suggestion: `Keep it as a first step, and set the outcome it leads to ${sweetSpot} out, for example: "${example}".`,
    };
  }
  if (isAfter(horizon.maxMonths)) {
    return {
      code: 'horizon-too-long',
      severity: 'problem',
      message: `${shown} is ${describeDistance(today, target)}. More than ${monthsLabel(horizon.maxMonths)} out, a goal is hard to break into session-sized steps and easy to put off.`,
      suggestion: `Keep it as your direction, and set a milestone ${sweetSpot} out that would show you are on the way, for example: "${example}".`,
    };
  }
  if (isBefore(horizon.sweetSpotMinMonths)) {
    return {
      code: 'horizon-outside-sweet-spot',
      severity: 'hint',
      message: `${shown} is ${describeDistance(today, target)}. That is enough for a first result, but a new skill usually takes ${sweetSpot} to show.`,
      suggestion:
        'Fine as a milestone. Consider whether the outcome that would prove the skill sits a little further out.',
    };
  }
  if (isAfter(horizon.sweetSpotMaxMonths)) {
    return {
      code: 'horizon-outside-sweet-spot',
      severity: 'hint',
      message: `${shown} is ${describeDistance(today, target)}, longer than the usual ${sweetSpot}. Progress is harder to see when the finish line is far away.`,
      suggestion: `Add a checkpoint around ${formatDeadline(today.add({ months: horizon.sweetSpotMaxMonths }).toString(), today.toString())} with its own result, so you can tell early whether you are on track.`,
    };
  }
  return null;
};

const inSweetSpot = (today: Temporal.PlainDate, target: Temporal.PlainDate, horizon: GoalHorizonSettings) =>
  Temporal.PlainDate.compare(target, today.add({ months: horizon.sweetSpotMinMonths })) >= 0 &&
  Temporal.PlainDate.compare(target, today.add({ months: horizon.sweetSpotMaxMonths })) <= 0;

/**
 * Checks a goal against the method: an outcome 3 to 6 months out that proves a skill, with a measurable
 * result and a date. Throws a RangeError when `today` or `targetDate` is not an ISO date.
 */
export const checkGoal = (
  input: CheckGoalInput,
  horizon: GoalHorizonSettings = defaultGoalHorizon,
): GoalCheck => {
  const today = Temporal.PlainDate.from(input.today);
  const title = input.title.trim();
  const mentions = findDateMentions(title, input.today);
  const detectedDate = mentions.at(-1)?.date ?? null;
  const goalDate = input.targetDate ?? detectedDate;
  const target = goalDate ? Temporal.PlainDate.from(goalDate) : null;

  const exampleDate =
    target && inSweetSpot(today, target, horizon)
      ? target
      : today.add({ months: GOAL_EXAMPLE_HORIZON_MONTHS }).with({ day: 31 });
  const by = formatDeadline(exampleDate.toString(), input.today);
  const example = exampleGoal(title, by);

  // Dates are not results: "within six months" must not count as a number, nor "by June 30" as a measure.
  const wording = mentions.reduceRight(
    (text, mention) => text.slice(0, mention.index) + text.slice(mention.index + mention.text.length),
    title,
  );

  const issues: GoalIssue[] = [];
  const words = title.split(/\s+/).filter((word) => word.length > 0);
  const measurable = hasMeasurableResult(wording);
  // A learning wish lacks a measurable result by nature; one issue that names the wish says it better than two.
  // It is recognisable even in two words ("learn growth"), so it is looked for before the length check.
  const wish = measurable ? null : findLearningWish(wording);
  if (wish) {
    issues.push({
      code: 'vague-learning-wish',
      severity: 'problem',
      message: `"${wish}" describes something you want to learn, not something you will have done. A wish to learn has no finish line, so neither you nor your guide can tell when it is met or whether your sessions are helping.`,
      suggestion: `Name one piece of work that would prove you have the skill, something other people can see, and how you will know it worked: "${GOAL_REWRITE_PATTERN}". For example: "${example}".`,
    });
  } else if (words.length < GOAL_MIN_WORDS) {
    issues.push({
      code: 'too-short-to-judge',
      severity: 'problem',
      message:
        words.length === 0
          ? 'The goal is empty, so there is nothing to check yet.'
          : 'This is too short to tell what you want to have achieved, so it cannot be checked yet.',
      suggestion: `Describe the outcome in one sentence: "${GOAL_REWRITE_PATTERN}". For example: "${example}".`,
    });
  } else if (!measurable) {
    issues.push({
      code: 'no-measurable-result',
      severity: 'problem',
      message:
        'Nothing in this goal can be counted or checked. Without a number to move, a thing to ship or a decision someone signs off, you cannot tell at the end whether you got there.',
      suggestion: `Add the result that would show it worked, such as "from X to Y", "by N%", "ship …" or "get approval for …": "${GOAL_REWRITE_PATTERN}". For example: "${example}".`,
    });
  }

  if (!target) {
    issues.push({
      code: 'no-date',
      severity: 'problem',
      message:
        'There is no target date, neither in the goal nor set separately. Without one, a goal slips behind everyday work, and there is nothing to plan your sessions back from.',
      suggestion: `Add a date ${horizon.sweetSpotMinMonths} to ${horizon.sweetSpotMaxMonths} months out, such as "by ${by}", or set the target date.`,
    });
  } else {
    const shown = formatDeadline(target.toString(), input.today);
    const issue = horizonIssue({ today, target, shown, example }, horizon);
    if (issue) issues.push(issue);
  }

  return {
    ok: issues.every((issue) => issue.severity !== 'problem'),
    issues,
    rewritePattern: GOAL_REWRITE_PATTERN,
    example,
    horizonDays: target ? today.until(target, { largestUnit: 'days' }).days : null,
    detectedDate,
  };
};
