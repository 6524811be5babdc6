import { Temporal } from 'temporal-polyfill';
import { dueDecisionFollowUps } from '../journal/decision-follow-ups';
import { computeMomentum, type MomentumReason } from '../momentum/compute-momentum';
import { CADENCE_INTERVAL_DAYS } from '../settings/agreements';
import { CADENCE_TOLERANCE_DAYS } from '../settings/momentum';
import {
  ACTION_DUE_REMINDER_HOURS_BEFORE,
  AGENDA_REMINDER_HOURS_BEFORE,
  NEXT_STEP_REMINDER_HOURS_AFTER_SESSION,
  SESSION_REMINDER_HOURS_BEFORE,
} from '../settings/reminders';
import type { RelationshipRole, Reminder, ReminderFacts } from './reminder-facts';

const MS_PER_HOUR = 60 * 60 * 1000;
const MS_PER_DAY = 24 * MS_PER_HOUR;
const BOTH: RelationshipRole[] = ['member', 'guide'];

const toMs = (instant: string): number => Temporal.Instant.from(instant).epochMilliseconds;
const hoursPhrase = (ms: number): string => {
  const hours = Math.max(1, Math.round(ms / MS_PER_HOUR));
  return hours === 1 ? 'about an hour' : `about ${hours} hours`;
};

/**
 * The reminders that are due for one relationship at `now`. Pure and repeatable: calling it every
 * hour returns the same keys for the same occasions, and the caller stores each key once per person,
 * so a reminder is sent once however often the sweep runs.
 */
export const dueReminders = (facts: ReminderFacts, now: string): Reminder[] => {
  const nowMs = toMs(now);
  const rel = facts.relationshipId;
  const base = `/relationships/${rel}`;
  const reminders: Reminder[] = [];
  const add = (reminder: Omit<Reminder, 'relationshipId'>) =>
    reminders.push({ ...reminder, relationshipId: rel });

  for (const session of facts.upcomingSessions) {
    const startsAt = toMs(session.startsAt);
    const until = startsAt - nowMs;
    if (until <= 0) continue;
    // The start time is part of the key: a rescheduled session is a new occasion worth a new reminder.
    if (until <= SESSION_REMINDER_HOURS_BEFORE * MS_PER_HOUR) {
      add({
        key: `session-soon:${session.id}:${session.startsAt}`,
        kind: 'session-soon',
        audience: BOTH,
        text: `Your next session starts in ${hoursPhrase(until)}.${session.agendaSet ? '' : ' It has no agreed topic yet.'}`,
        link: `${base}/sessions/${session.id}`,
        expiresAt: session.startsAt,
      });
    }
    if (!session.agendaSet && until <= AGENDA_REMINDER_HOURS_BEFORE * MS_PER_HOUR) {
      add({
        key: `agenda-missing:${session.id}:${session.startsAt}`,
        kind: 'agenda-missing',
        audience: BOTH,
        text: `The session in ${hoursPhrase(until)} has no agreed topic. Agree on one and add a pre-session note, so both of you can prepare.`,
        link: `${base}/sessions/${session.id}`,
        expiresAt: session.startsAt,
      });
    }
  }

  const last = facts.lastHeldSession;
  if (
    last !== null &&
    !facts.lastHeldSessionHasNextStep &&
    nowMs - toMs(last.startsAt) >= NEXT_STEP_REMINDER_HOURS_AFTER_SESSION * MS_PER_HOUR
  ) {
    add({
      key: `next-step-missing:${last.id}`,
      kind: 'next-step-missing',
      audience: BOTH,
      text: 'Your last session has no next step yet. Agree on one small step, practical or reflective, so the work goes on between sessions.',
      link: `${base}/sessions/${last.id}`,
      expiresAt: null,
    });
  }

  for (const action of facts.actions) {
    if (action.status !== 'open' || action.dueAt === null) continue;
    const dueMs = toMs(action.dueAt);
    // The due instant is part of the key: a renegotiated date deserves its own reminder.
    if (nowMs >= dueMs) {
      add({
        key: `action-overdue:${action.id}:${action.dueAt}`,
        kind: 'action-overdue',
        audience: [action.owner],
        text: `“${action.title}” is past its due date. Finish it, shrink it to something smaller, or drop it with a reason.`,
        link: `${base}/actions/${action.id}`,
        expiresAt: null,
      });
    } else if (dueMs - nowMs <= ACTION_DUE_REMINDER_HOURS_BEFORE * MS_PER_HOUR) {
      add({
        key: `action-due:${action.id}:${action.dueAt}`,
        kind: 'action-due',
        audience: [action.owner],
        text: `“${action.title}” is due in ${hoursPhrase(dueMs - nowMs)}.`,
        link: `${base}/actions/${action.id}`,
        expiresAt: action.dueAt,
      });
    }
  }

  const cadence = cadenceReminder(facts, nowMs);
  if (cadence) add(cadence);

  for (const decision of facts.decisions) {
    for (const followUp of dueDecisionFollowUps({
      createdAt: decision.createdAt,
      answered: decision.answered,
      now,
    })) {
      add({
        key: `decision:${decision.id}:${followUp.afterDays}`,
        kind: 'decision-follow-up',
        audience: ['member'],
        text: `Decision “${decision.title}”: ${followUp.question}`,
        link: `/journal/decisions/${decision.id}`,
        expiresAt: null,
      });
    }
  }

  if (facts.framing === 'time-framed' && facts.plannedEndAt !== null) {
    const start = toMs(facts.startedAt);
    const end = toMs(facts.plannedEndAt);
    const midpoint = start + (end - start) / 2;
    if (nowMs >= midpoint && nowMs < end) {
      for (const role of BOTH) {
        if (facts.midpointCheckIn[role]) continue;
        add({
          key: `midpoint:${rel}:${role}`,
          kind: 'midpoint-check-in',
          audience: [role],
          text: 'You are halfway through this relationship. Take five minutes for the mid-point check-in: what is working, what to change, and whether the goals still fit.',
          link: `${base}/midpoint`,
          expiresAt: null,
        });
      }
    }
  }
  return reminders;
};

const CADENCE_CODES = new Set(['no-first-session', 'cadence-missed', 'no-recent-session']);

/**
 * One reminder per silence, and one more if it grows into a risk. Only the current gap counts (a
 * session missed last month and made up since is history, not a reason to write), and nothing is
 * sent while the next session is already booked: the reminder's only ask is "book it".
 */
const cadenceReminder = (facts: ReminderFacts, nowMs: number): Omit<Reminder, 'relationshipId'> | null => {
  if (facts.framing === 'ad-hoc') return null;
  if (facts.upcomingSessions.some((session) => toMs(session.startsAt) > nowMs)) return null;
  const momentum = computeMomentum(facts, new Date(nowMs).toISOString());
  const reason: MomentumReason | undefined = momentum.reasons.find((r) => CADENCE_CODES.has(r.code));
  if (reason === undefined) return null;
  const last = facts.lastHeldSession;
  // "cadence-missed" also names a gap earlier in the month; only a gap still open now is worth a mail.
  const sinceDays = last === null ? Number.POSITIVE_INFINITY : (nowMs - toMs(last.startsAt)) / MS_PER_DAY;
  const allowedDays = CADENCE_INTERVAL_DAYS[facts.cadence] + CADENCE_TOLERANCE_DAYS[facts.cadence];
  if (reason.code === 'cadence-missed' && sinceDays <= allowedDays) return null;
  const anchor = last?.id ?? 'start';
  const atRisk = reason.severity === 'at-risk';
  return {
    key: `${atRisk ? 'cadence-at-risk' : 'cadence-slipping'}:${facts.relationshipId}:${anchor}`,
    kind: atRisk ? 'cadence-at-risk' : 'cadence-slipping',
    audience: BOTH,
    text: reason.message,
    link: `/relationships/${facts.relationshipId}`,
    expiresAt: null,
  };
};
