import { Temporal } from 'temporal-polyfill';
import type { actions, sessions } from '../db/schema';
import type { Person, RelationshipRow } from '../relationships/load-relationship';
import type { ActionView, CalendarChangeView, SessionSummary } from './schemas';

type SessionRow = typeof sessions.$inferSelect;
type ActionRow = typeof actions.$inferSelect;

// Each person reads the time on their own clock; the zone name is shown so nobody has to guess.
export function formatIn(instant: Date, timeZone: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  const text = zoned.toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return `${text} (${timeZone})`;
}

export function presentSessionSummary(
  session: SessionRow,
  rel: RelationshipRow,
  people: Map<string, Person>,
  calendarChanges: CalendarChangeView[] = [],
): SessionSummary {
  const zone = (id: string | null) => (id ? (people.get(id)?.timeZone ?? 'UTC') : 'UTC');
  return {
    id: session.id,
    relationshipId: session.relationshipId,
    status: session.status,
    template: session.template,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    bookedTimeZone: session.bookedTimeZone,
    times: {
      member: formatIn(session.startsAt, zone(rel.memberId)),
      guide: formatIn(session.startsAt, zone(rel.guideId)),
    },
    agendaTopic: session.agendaTopic,
    calendarChanges: session.status === 'scheduled' ? calendarChanges : [],
  };
}

export function presentAction(
  action: ActionRow,
  rel: RelationshipRow,
  people: Map<string, Person>,
): ActionView {
  return {
    id: action.id,
    relationshipId: action.relationshipId,
    sessionId: action.sessionId,
    kind: action.kind,
    title: action.title,
    ownerRole: action.ownerId === rel.memberId ? 'member' : 'guide',
    ownerName: people.get(action.ownerId)?.name ?? '',
    dueDate: action.dueDate,
    status: action.status,
    outcome: action.outcome,
    dropReason: action.dropReason,
    replacesId: action.replacesId,
    createdAt: action.createdAt.toISOString(),
  };
}
