import { Temporal } from 'temporal-polyfill';
import type { Cadence, RelationshipFraming } from '../agreements/vocabulary';
import { CADENCE_INTERVAL_DAYS } from '../settings/agreements';
import {
  AGENDA_DUE_HOURS_BEFORE_SESSION,
  CADENCE_TOLERANCE_DAYS,
  MOMENTUM_WINDOW_DAYS,
  NEW_RELATIONSHIP_GRACE_DAYS,
  NO_SESSION_AT_RISK_DAYS,
  OVERDUE_ACTIONS_AT_RISK,
  OVERDUE_ACTIONS_SLIPPING,
  PULSE_MAX,
} from '../settings/momentum';
import { computePulseTrend, type PulseTrend } from './pulse-trend';

export type ActionStatus = 'open' | 'done' | 'renegotiated' | 'dropped';

export type RelationshipFacts = {
  cadence: Cadence;
  framing: RelationshipFraming;
  /** ISO instant the relationship started. */
  startedAt: string;
  /** ISO instants at which held sessions started. Order does not matter. */
  heldSessions: string[];
  upcomingSessions: { startsAt: string; agendaSet: boolean }[];
  /** Whether the most recent held session was closed with at least one next step. */
  lastHeldSessionHasNextStep: boolean;
  /**
   * dueAt is an ISO instant (the caller turns a due date into the end of that day in the owner's zone).
   * Only open actions can be overdue: a renegotiated action lives on as its smaller replacement.
   */
  actions: { dueAt: string | null; status: ActionStatus }[];
  /** Session pulse scores, 1–5, from both sides. */
  pulses: { at: string; score: number }[];
};

export type MomentumState = 'on-track' | 'slipping' | 'at-risk';

/** How a state reads to people: the pair's card, the admin's dashboard and its CSV say the same words. */
export const momentumStateLabels: Record<MomentumState, string> = {
  'on-track': 'On track',
  slipping: 'Slipping',
  'at-risk': 'At risk',
};

export type MomentumReasonCode =
  | 'no-first-session'
  | 'cadence-missed'
  | 'no-recent-session'
  | 'next-step-missing'
  | 'agenda-missing'
  | 'actions-overdue'
  | 'pulse-falling';

export type MomentumReason = {
  code: MomentumReasonCode;
  /** Which state this reason pushes towards, so a screen can show the decisive ones first. */
  severity: Exclude<MomentumState, 'on-track'>;
  /** Plain words, readable by both people in the relationship. */
  message: string;
};

export type MomentumMetrics = {
  sessionsLast30Days: number;
  expectedSessionsPer30Days: number;
  daysSinceLastSession: number | null;
  overdueActions: number;
  nextStepMissing: boolean;
  agendaMissing: boolean;
  pulseTrend: PulseTrend;
};

export type Momentum = { state: MomentumState; reasons: MomentumReason[]; metrics: MomentumMetrics };

const MS_PER_HOUR = 60 * 60 * 1000;
const MS_PER_DAY = 24 * MS_PER_HOUR;

const toMs = (instant: string): number => Temporal.Instant.from(instant).epochMilliseconds;

const cadencePhrase: Record<Cadence, string> = {
  weekly: 'weekly',
  biweekly: 'every-two-weeks',
  monthly: 'monthly',
};

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

type Gap = { from: number; to: number; allowedDays: number };

/** Cadence rules: a missed session (slipping) and a long silence (at risk). */
const cadenceReasons = (
  facts: RelationshipFacts,
  held: number[],
  startedAt: number,
  now: number,
): MomentumReason[] => {
  // An ad-hoc relationship meets on demand, with no promise of a rhythm: silence is not a warning sign.
  if (facts.framing === 'ad-hoc') return [];
  const interval = CADENCE_INTERVAL_DAYS[facts.cadence];
  const allowedDays = interval + CADENCE_TOLERANCE_DAYS[facts.cadence];
  const firstGapAllowedDays = Math.max(NEW_RELATIONSHIP_GRACE_DAYS, allowedDays);
  const atRiskDays = NO_SESSION_AT_RISK_DAYS[facts.cadence];
  const phrase = cadencePhrase[facts.cadence];

  const last = held.at(-1);
  if (last === undefined) {
    const waitedDays = (now - startedAt) / MS_PER_DAY;
    const shownDays = Math.floor(waitedDays);
    if (waitedDays > Math.max(atRiskDays, firstGapAllowedDays)) {
      return [
        {
          code: 'no-first-session',
          severity: 'at-risk',
          message: `No session has been held in the ${plural(shownDays, 'day')} since the relationship started. Without a first meeting it may stall before it begins; book one now.`,
        },
      ];
    }
    if (waitedDays > firstGapAllowedDays) {
      return [
        {
          code: 'no-first-session',
          severity: 'slipping',
          message: `The relationship started ${plural(shownDays, 'day')} ago and the first session has not happened yet. An early first meeting sets the pace for the rest.`,
        },
      ];
    }
    return [];
  }

  const sinceLastDays = (now - last) / MS_PER_DAY;
  const shownSince = Math.floor(sinceLastDays);
  if (sinceLastDays > atRiskDays) {
    return [
      {
        code: 'no-recent-session',
        severity: 'at-risk',
        message: `No session in ${plural(shownSince, 'day')}. A ${phrase} relationship loses its momentum after ${atRiskDays} days without meeting; book the next session.`,
      },
    ];
  }
  if (sinceLastDays > allowedDays) {
    return [
      {
        code: 'cadence-missed',
        severity: 'slipping',
        message: `The next ${phrase} session is overdue: ${plural(shownSince, 'day')} since the last one, against an agreed rhythm of every ${interval} days.`,
      },
    ];
  }

  // The current gap is fine; look back over the window for a session that was skipped recently.
  const windowStart = now - MOMENTUM_WINDOW_DAYS * MS_PER_DAY;
  const gaps: Gap[] = held.map((to, index) => {
    const previous = index === 0 ? undefined : held[index - 1];
    return previous === undefined
      ? { from: startedAt, to, allowedDays: firstGapAllowedDays }
      : { from: previous, to, allowedDays };
  });
  const missed = gaps
    .filter((gap) => gap.to >= windowStart && (gap.to - gap.from) / MS_PER_DAY > gap.allowedDays)
    .sort((a, b) => b.to - b.from - (a.to - a.from))[0];
  if (missed === undefined) return [];
  const missedDays = Math.floor((missed.to - missed.from) / MS_PER_DAY);
  return [
    {
      code: 'cadence-missed',
      severity: 'slipping',
      message: `A ${phrase} session was missed in the last ${MOMENTUM_WINDOW_DAYS} days: ${plural(missedDays, 'day')} passed between two sessions, against an agreed rhythm of every ${interval} days.`,
    },
  ];
};

export const computeMomentum = (facts: RelationshipFacts, now: string): Momentum => {
  const nowMs = toMs(now);
  const startedAt = toMs(facts.startedAt);
  const held = facts.heldSessions
    .map(toMs)
    .filter((at) => at <= nowMs)
    .sort((a, b) => a - b);
  const windowStart = nowMs - MOMENTUM_WINDOW_DAYS * MS_PER_DAY;
  const last = held.at(-1);

  const agendaHorizon = nowMs + AGENDA_DUE_HOURS_BEFORE_SESSION * MS_PER_HOUR;
  const soonWithoutAgenda = facts.upcomingSessions
    .map((session) => ({ at: toMs(session.startsAt), agendaSet: session.agendaSet }))
    .filter((session) => session.at > nowMs && session.at <= agendaHorizon && !session.agendaSet)
    .sort((a, b) => a.at - b.at)[0];

  const overdueActions = facts.actions.filter(
    (action) => action.status === 'open' && action.dueAt !== null && toMs(action.dueAt) < nowMs,
  ).length;
  const nextStepMissing = last !== undefined && !facts.lastHeldSessionHasNextStep;
  const pulse = computePulseTrend(
    facts.pulses.map((reading) => ({ at: toMs(reading.at), score: reading.score })),
    nowMs,
  );

  const reasons: MomentumReason[] = [...cadenceReasons(facts, held, startedAt, nowMs)];
  if (nextStepMissing) {
    reasons.push({
      code: 'next-step-missing',
      severity: 'slipping',
      message:
        'The last session ended without a next step. Agree on one small step, practical or reflective, so the work goes on between sessions.',
    });
  }
  if (soonWithoutAgenda !== undefined) {
    const hours = Math.max(1, Math.floor((soonWithoutAgenda.at - nowMs) / MS_PER_HOUR));
    reasons.push({
      code: 'agenda-missing',
      severity: 'slipping',
      message: `The next session starts in ${plural(hours, 'hour')} and has no agreed topic yet. Settle the topic now so both of you can prepare.`,
    });
  }
  if (overdueActions >= OVERDUE_ACTIONS_AT_RISK) {
    reasons.push({
      code: 'actions-overdue',
      severity: 'at-risk',
      message: `${overdueActions} actions are past their due date. Go through them together: finish, shrink to something smaller, or drop with a reason.`,
    });
  } else if (overdueActions >= OVERDUE_ACTIONS_SLIPPING) {
    reasons.push({
      code: 'actions-overdue',
      severity: 'slipping',
      message:
        'An action is past its due date. Finish it, or agree on a smaller version you can do this week.',
    });
  }
  if (pulse.trend === 'falling' && pulse.olderAverage !== null && pulse.newerAverage !== null) {
    reasons.push({
      code: 'pulse-falling',
      severity: 'at-risk',
      message: `Session ratings are going down (about ${pulse.olderAverage.toFixed(1)} before, ${pulse.newerAverage.toFixed(1)} lately, out of ${PULSE_MAX}). Talk openly about what would make the sessions more useful.`,
    });
  }

  // Decisive reasons first, keeping the order above within each severity.
  const ordered = [
    ...reasons.filter((reason) => reason.severity === 'at-risk'),
    ...reasons.filter((reason) => reason.severity === 'slipping'),
  ];
  const state: MomentumState =
    ordered[0] === undefined ? 'on-track' : ordered[0].severity === 'at-risk' ? 'at-risk' : 'slipping';

  return {
    state,
    reasons: ordered,
    metrics: {
      sessionsLast30Days: held.filter((at) => at >= windowStart).length,
      expectedSessionsPer30Days:
        facts.framing === 'ad-hoc'
          ? 0
          : Math.floor(MOMENTUM_WINDOW_DAYS / CADENCE_INTERVAL_DAYS[facts.cadence]),
      daysSinceLastSession: last === undefined ? null : Math.floor((nowMs - last) / MS_PER_DAY),
      overdueActions,
      nextStepMissing,
      agendaMissing: soonWithoutAgenda !== undefined,
      pulseTrend: pulse.trend,
    },
  };
};
