import { Temporal } from 'temporal-polyfill';
import { CADENCE_INTERVAL_DAYS } from '../settings/agreements';
import {
  AGENDA_DUE_HOURS_BEFORE_SESSION,
  CADENCE_TOLERANCE_DAYS,
  MOMENTUM_WINDOW_DAYS,
  NEW_RELATIONSHIP_GRACE_DAYS,
  NO_SESSION_AT_RISK_DAYS,
} from '../settings/momentum';
import type { RelationshipFacts } from './compute-momentum';

const MS_PER_HOUR = 60 * 60 * 1000;
const MS_PER_DAY = 24 * MS_PER_HOUR;

const toMs = (instant: string): number => Temporal.Instant.from(instant).epochMilliseconds;

/**
 * Until when the momentum state and the sessions counted in the window stay as they are at `now` if
 * nothing new is recorded: the earliest instant at or after `now` at which one of computeMomentum's
 * time comparisons can flip (a session entering or leaving the window, a cadence limit passing, an
 * action falling due, a session without agenda coming within reach, a pulse's time arriving). null
 * when no rule waits on time. Every candidate is listed whether or not it will flip anything: an early
 * answer only costs a recomputation, a late one would let a stored state go stale.
 * The words of the reasons (which count days) change daily and are not covered.
 */
export const momentumStableUntil = (facts: RelationshipFacts, now: string): string | null => {
  const nowMs = toMs(now);
  const allowed = (CADENCE_INTERVAL_DAYS[facts.cadence] + CADENCE_TOLERANCE_DAYS[facts.cadence]) * MS_PER_DAY;
  const firstGapAllowed = Math.max(NEW_RELATIONSHIP_GRACE_DAYS * MS_PER_DAY, allowed);
  const atRisk = NO_SESSION_AT_RISK_DAYS[facts.cadence] * MS_PER_DAY;
  const startedAt = toMs(facts.startedAt);

  const candidates = [startedAt + firstGapAllowed, startedAt + Math.max(atRisk, firstGapAllowed)];
  // The cadence limits run from the last session held so far; a later one only counts from its own
  // time, which is itself a candidate.
  let lastHeld: number | null = null;
  for (const held of facts.heldSessions.map(toMs)) {
    candidates.push(held, held + MOMENTUM_WINDOW_DAYS * MS_PER_DAY);
    if (held <= nowMs && (lastHeld === null || held > lastHeld)) lastHeld = held;
  }
  if (lastHeld !== null) candidates.push(lastHeld + allowed, lastHeld + atRisk);
  for (const session of facts.upcomingSessions) {
    if (session.agendaSet) continue;
    const at = toMs(session.startsAt);
    candidates.push(at - AGENDA_DUE_HOURS_BEFORE_SESSION * MS_PER_HOUR, at);
  }
  for (const action of facts.actions) {
    if (action.status === 'open' && action.dueAt !== null) candidates.push(toMs(action.dueAt));
  }
  for (const pulse of facts.pulses) candidates.push(toMs(pulse.at));

  let next: number | null = null;
  for (const candidate of candidates) {
    if (candidate >= nowMs && (next === null || candidate < next)) next = candidate;
  }
  return next === null ? null : Temporal.Instant.fromEpochMilliseconds(next).toString();
};
