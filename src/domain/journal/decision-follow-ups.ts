import { Temporal } from 'temporal-polyfill';
import { DECISION_FOLLOW_UP_DAYS } from '../settings/journal';

export type DecisionFollowUp = {
  afterDays: number;
  /** ISO instant from which the follow-up is due. */
  dueAt: string;
  question: string;
};

const HOURS_PER_DAY = 24;

const question = (afterDays: number): string =>
  `${afterDays} days have passed since this decision. What actually happened, and how does it compare with what you expected?`;

const schedule = (createdAt: string, followUpDays: readonly number[]): DecisionFollowUp[] => {
  const created = Temporal.Instant.from(createdAt);
  return [...followUpDays]
    .sort((a, b) => a - b)
    .map((afterDays) => ({
      afterDays,
      // Whole 24-hour days: a follow-up an hour off around a clock change does not matter here.
      dueAt: created.add({ hours: afterDays * HOURS_PER_DAY }).toString(),
      question: question(afterDays),
    }));
};

export type DecisionFollowUpInput = {
  createdAt: string;
  /** The afterDays of follow-ups already answered, e.g. [30]. */
  answered: number[];
  now: string;
  followUpDays?: readonly number[];
};

/**
 * Follow-ups to ask now. Once a later one is due, an earlier unanswered one is not asked any more:
 * the later answer covers it, and asking twice at once feels like nagging.
 */
export const dueDecisionFollowUps = ({
  createdAt,
  answered,
  now,
  followUpDays = DECISION_FOLLOW_UP_DAYS,
}: DecisionFollowUpInput): DecisionFollowUp[] => {
  const nowInstant = Temporal.Instant.from(now);
  const due = schedule(createdAt, followUpDays).filter(
    (followUp) => Temporal.Instant.compare(Temporal.Instant.from(followUp.dueAt), nowInstant) <= 0,
  );
  const latest = due.at(-1);
  if (latest === undefined || answered.includes(latest.afterDays)) return [];
  return [latest];
};

/** When the next follow-up falls due, for scheduling the reminder; null when none is left. */
export const nextDecisionFollowUp = ({
  createdAt,
  answered,
  now,
  followUpDays = DECISION_FOLLOW_UP_DAYS,
}: DecisionFollowUpInput): DecisionFollowUp | null => {
  const nowInstant = Temporal.Instant.from(now);
  return (
    schedule(createdAt, followUpDays).find(
      (followUp) =>
        !answered.includes(followUp.afterDays) &&
        Temporal.Instant.compare(Temporal.Instant.from(followUp.dueAt), nowInstant) > 0,
    ) ?? null
  );
};
