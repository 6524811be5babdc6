import {
  CADENCE_INTERVAL_DAYS,
  CADENCE_SESSIONS_PER_MONTH,
  COACHING_MEANINGFUL_CHANGE_MAX_MONTHS,
  COACHING_MEANINGFUL_CHANGE_MIN_MONTHS,
  COACHING_MIN_MONTHS,
  COACHING_MIN_SESSIONS_PER_MONTH,
  COACHING_SESSION_MAX_MINUTES,
  COACHING_SESSION_MIN_MINUTES,
  REMOTE_FORMATS,
  REMOTE_MENTORING_MAX_WEEKS_BETWEEN_SESSIONS,
  REMOTE_MENTORING_MIN_WEEKS_BETWEEN_SESSIONS,
} from '../settings/agreements';
import type { AgreementTerms } from './agreement-terms';
import type { RelationshipKind } from './vocabulary';

export type AgreementWarningCode =
  | 'coaching-cadence-too-low'
  | 'coaching-shorter-than-a-sprint'
  | 'coaching-change-takes-longer'
  | 'coaching-session-short'
  | 'remote-mentoring-cadence-too-low'
  | 'remote-preparation-missing'
  | 'intended-outcomes-missing'
  | 'confidentiality-missing'
  | 'place-missing';

/**
 * The method's advice on an agreement. Never a block: the pair may have good reasons, so a warning is
 * something to talk about before accepting, a hint something to keep in mind.
 */
export type AgreementWarning = {
  code: AgreementWarningCode;
  level: 'warning' | 'hint';
  field: keyof AgreementTerms;
  message: string;
  suggestion: string;
};

const DAYS_PER_WEEK = 7;

const isBlank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

const coachingWarnings = (terms: AgreementTerms): AgreementWarning[] => {
  const warnings: AgreementWarning[] = [];
  if (CADENCE_SESSIONS_PER_MONTH[terms.cadence] < COACHING_MIN_SESSIONS_PER_MONTH) {
    warnings.push({
      code: 'coaching-cadence-too-low',
      level: 'warning',
      field: 'cadence',
      message: `Coaching loses momentum with fewer than ${COACHING_MIN_SESSIONS_PER_MONTH} sessions a month: too much is forgotten between sessions.`,
      suggestion: 'Meet every two weeks, or weekly while a change is under way.',
    });
  }
  if (terms.plannedMonths !== null && terms.plannedMonths < COACHING_MIN_MONTHS) {
    warnings.push({
      code: 'coaching-shorter-than-a-sprint',
      level: 'warning',
      field: 'plannedMonths',
      message: `${terms.plannedMonths} month${terms.plannedMonths === 1 ? '' : 's'} is shorter than one coaching sprint of ${COACHING_MIN_MONTHS} months at a steady rhythm, and lasting change usually takes ${COACHING_MEANINGFUL_CHANGE_MIN_MONTHS}–${COACHING_MEANINGFUL_CHANGE_MAX_MONTHS} months.`,
      suggestion: `Plan for at least ${COACHING_MIN_MONTHS} months, and review together at the end whether to continue.`,
    });
  } else if (terms.plannedMonths !== null && terms.plannedMonths < COACHING_MEANINGFUL_CHANGE_MIN_MONTHS) {
    warnings.push({
      code: 'coaching-change-takes-longer',
      level: 'hint',
      field: 'plannedMonths',
      message: `Meaningful change through coaching usually takes ${COACHING_MEANINGFUL_CHANGE_MIN_MONTHS}–${COACHING_MEANINGFUL_CHANGE_MAX_MONTHS} months; ${terms.plannedMonths} months is a good first sprint, not the whole journey.`,
      suggestion: 'Keep the plan, and book a check-in near the end to decide whether to extend it.',
    });
  }
  if (terms.sessionMinutes < COACHING_SESSION_MIN_MINUTES) {
    warnings.push({
      code: 'coaching-session-short',
      level: 'hint',
      field: 'sessionMinutes',
      message: `Coaching sessions usually run ${COACHING_SESSION_MIN_MINUTES}–${COACHING_SESSION_MAX_MINUTES} minutes; ${terms.sessionMinutes} minutes leaves little room to explore before deciding on a next step.`,
      suggestion: `Try ${COACHING_SESSION_MIN_MINUTES} minutes, or keep short sessions for quick check-ins between longer ones.`,
    });
  }
  return warnings;
};

const remoteWarnings = (terms: AgreementTerms, kind: RelationshipKind): AgreementWarning[] => {
  if (!REMOTE_FORMATS.includes(terms.format)) return [];
  const warnings: AgreementWarning[] = [];
  if (
    kind === 'mentoring' &&
    CADENCE_INTERVAL_DAYS[terms.cadence] > REMOTE_MENTORING_MAX_WEEKS_BETWEEN_SESSIONS * DAYS_PER_WEEK
  ) {
    warnings.push({
      code: 'remote-mentoring-cadence-too-low',
      level: 'warning',
      field: 'cadence',
      message: `Mentoring over ${terms.format} keeps its momentum only with a session every ${REMOTE_MENTORING_MIN_WEEKS_BETWEEN_SESSIONS}–${REMOTE_MENTORING_MAX_WEEKS_BETWEEN_SESSIONS} weeks; a ${terms.cadence} rhythm lets it fade.`,
      suggestion: 'Meet weekly or every two weeks; shorter sessions are better than rare ones.',
    });
  }
  if (isBlank(terms.preparation)) {
    warnings.push({
      code: 'remote-preparation-missing',
      level: 'hint',
      field: 'preparation',
      message: 'Remote sessions depend on preparation: without it, calls drift, fall silent or end early.',
      suggestion: 'Agree that the topic and a short note with first thoughts arrive a couple of days before.',
    });
  }
  return warnings;
};

export const checkAgreement = (agreement: AgreementTerms, kind: RelationshipKind): AgreementWarning[] => {
  const warnings: AgreementWarning[] = [
    ...(kind === 'coaching' ? coachingWarnings(agreement) : []),
    ...remoteWarnings(agreement, kind),
  ];
  if (agreement.format === 'in-person' && isBlank(agreement.place)) {
    warnings.push({
      code: 'place-missing',
      level: 'hint',
      field: 'place',
      message: 'You plan to meet in person but have not said where.',
      suggestion:
        'Name the city and the kind of place (an office, a quiet café) where both of you can talk freely.',
    });
  }
  if (isBlank(agreement.intendedOutcomes)) {
    warnings.push({
      code: 'intended-outcomes-missing',
      level: 'hint',
      field: 'intendedOutcomes',
      message:
        'Without an intended outcome, sessions tend to become pleasant conversations that lead nowhere.',
      suggestion:
        'Write one or two results you want by the end, even rough ones; you can sharpen them later.',
    });
  }
  if (isBlank(agreement.confidentiality)) {
    warnings.push({
      code: 'confidentiality-missing',
      level: 'hint',
      field: 'confidentiality',
      message: 'Neither of you has said what may be shared outside the sessions.',
      suggestion: 'Agree what stays between you and what each of you is allowed to discuss from work.',
    });
  }
  // Warnings before hints so the screen leads with what matters most.
  return [...warnings.filter((w) => w.level === 'warning'), ...warnings.filter((w) => w.level === 'hint')];
};
