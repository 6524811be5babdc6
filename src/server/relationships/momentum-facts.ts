import { Temporal } from 'temporal-polyfill';
import type { Cadence, RelationshipFraming } from '../../domain/agreements/vocabulary';
import type { ActionStatus, RelationshipFacts } from '../../domain/momentum/compute-momentum';

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
// Sessions must be in start order.
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
