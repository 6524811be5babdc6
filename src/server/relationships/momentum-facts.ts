import { Temporal } from 'temporal-polyfill';
import type { Cadence, RelationshipFraming } from '../../domain/agreements/vocabulary';
import type { ActionStatus, RelationshipFacts } from '../../domain/momentum/compute-momentum';
import {
  AGENDA_DUE_HOURS_BEFORE_SESSION,
  MOMENTUM_WINDOW_DAYS,
  PULSE_TREND_SAMPLE_SIZE,
} from '../../domain/settings/momentum';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;

// A due date means "by the end of that day where the owner lives".
export const endOfDay = (dueDate: string, timeZone: string): string =>
  Temporal.PlainDate.from(dueDate).add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant().toString();

type RelationshipRecord = { framing: RelationshipFraming; acceptedAt: Date | null; createdAt: Date };
type SessionRecord = { id: string; startsAt: Date; status: string; agendaTopic: string };
type ActionRecord = {
  sessionId: string | null;
  status: ActionStatus;
  dueDate: string | null;
  ownerId: string;
};
type PulseRecord = { createdAt: Date; score: number };

// The one translation from stored rows to the facts momentum is computed from, shared by the pair's own
// view, the reminder sweep and the program dashboard, so all three judge a relationship alike.
// Sessions must be in start order (ties by id), pulses in answer order (ties by session, then person).
export function momentumFactsOf(
  rel: RelationshipRecord,
  cadence: Cadence,
  records: { sessions: SessionRecord[]; actions: ActionRecord[]; pulses: PulseRecord[] },
  zoneOf: (userId: string) => string,
): RelationshipFacts {
  const held = records.sessions.filter((s) => s.status === 'held');
  const lastHeld = held.at(-1);
  return {
    cadence,
    framing: rel.framing,
    startedAt: (rel.acceptedAt ?? rel.createdAt).toISOString(),
    heldSessions: held.map((s) => s.startsAt.toISOString()),
    upcomingSessions: records.sessions
      .filter((s) => s.status === 'scheduled')
      .map((s) => ({ startsAt: s.startsAt.toISOString(), agendaSet: s.agendaTopic.trim() !== '' })),
    lastHeldSessionHasNextStep:
      lastHeld !== undefined && records.actions.some((a) => a.sessionId === lastHeld.id),
    actions: records.actions.map((a) => ({
      status: a.status,
      dueAt: a.dueDate ? endOfDay(a.dueDate, zoneOf(a.ownerId)) : null,
    })),
    pulses: records.pulses.map((p) => ({ at: p.createdAt.toISOString(), score: p.score })),
  };
}

/**
 * The only rows that can make a difference to momentum at `now`, for callers that judge thousands of
 * relationships at once and would rather not read each one's whole history (the cohort dashboard).
 * Given just these rows, in the same orders, momentumFactsOf and computeMomentum give the same result
 * as given all of them (tested against each other in load-momentum-rows.test.ts):
 * - held sessions starting from `heldFrom` on, and the last one held before it (it opens the first gap
 *   inside the window, and may be the last session held);
 * - scheduled sessions starting after `now` and by `upcomingUntil` (only they can lack an agenda in time);
 * - open actions due by `dueBy`: a later date ends after `now` in every time zone, so it is not overdue;
 * - one action (any) of the last held session, which says whether it left a next step;
 * - the latest `pulses` pulses answered by `now`: the pulse trend reads no more.
 */
export function momentumRowWindow(now: Date) {
  return {
    heldFrom: new Date(now.getTime() - MOMENTUM_WINDOW_DAYS * MS_PER_DAY),
    upcomingUntil: new Date(now.getTime() + AGENDA_DUE_HOURS_BEFORE_SESSION * MS_PER_HOUR),
    // A day of margin over the widest UTC offset (+14 h).
    dueBy: new Date(now.getTime() + MS_PER_DAY).toISOString().slice(0, 10),
    pulses: PULSE_TREND_SAMPLE_SIZE,
  };
}
