import { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { isWebUrl } from '../http/web-url';
import { buildVtimezone } from './vtimezone';

export type CalendarPerson = { name: string; email: string };

export type SessionInvite = {
  /** Stable per session: a reschedule or cancellation must reuse it so calendars update in place. */
  uid: string;
  /** ISO instants (UTC or with an offset). */
  start: string;
  end: string;
  /** The IANA zone the invite is written in, normally the organizer's. */
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
  /** Raised on every change of time or place; calendars ignore an update with an older sequence. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
};

const PRODUCT_ID = { company: 'Corner', product: 'Corner sessions', language: 'EN' };
/** VTIMEZONE blocks cover this much around the events, so recurring views near the edges stay right. */
const VTIMEZONE_MARGIN_DAYS = 366;

// An iTIP invite (RFC 5546) for one session. Times are written as wall-clock times in the session's
// zone with a TZID and a VTIMEZONE, so "17:00 in Berlin" stays 17:00 across a daylight-saving change
// instead of drifting with the server's own zone.
export function buildSessionInvite(invite: SessionInvite): string {
  const calendar = new ICalCalendar({
    prodId: PRODUCT_ID,
    method: invite.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const start = Temporal.Instant.from(invite.start);
  const end = Temporal.Instant.from(invite.end);
  calendar.timezone({ name: invite.timeZone, generator: vtimezoneGenerator([start, end]) });
  calendar.createEvent({
    id: invite.uid,
    sequence: invite.sequence,
    start: start.toZonedDateTimeISO(invite.timeZone),
    end: end.toZonedDateTimeISO(invite.timeZone),
    timezone: invite.timeZone,
    summary: invite.summary,
    description: invite.description ?? null,
    location: invite.location ?? null,
    url: isWebUrl(invite.url) ? invite.url : null,
    organizer: { name: invite.organizer.name, email: invite.organizer.email },
    attendees: invite.attendees.map((attendee) => ({
      name: attendee.name,
      email: attendee.email,
      rsvp: invite.method === 'REQUEST',
    })),
    status: invite.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

export type FeedEvent = {
  uid: string;
  start: string;
  end: string;
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  cancelled?: boolean;
  sequence?: number;
};

// A subscribed calendar (PUBLISH, no method needed by readers): every session of one person.
export function buildFeedCalendar(name: string, events: FeedEvent[]): string {
  const calendar = new ICalCalendar({ prodId: PRODUCT_ID, name });
  const instants = events.flatMap((event) => [
    Temporal.Instant.from(event.start),
    Temporal.Instant.from(event.end),
  ]);
  const firstZone = events[0]?.timeZone;
  if (firstZone) calendar.timezone({ name: firstZone, generator: vtimezoneGenerator(instants) });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence ?? 0,
      start: Temporal.Instant.from(event.start).toZonedDateTimeISO(event.timeZone),
      end: Temporal.Instant.from(event.end).toZonedDateTimeISO(event.timeZone),
      timezone: event.timeZone,
      summary: event.summary,
      description: event.description ?? null,
      location: event.location ?? null,
      url: isWebUrl(event.url) ? event.url : null,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

function vtimezoneGenerator(instants: Temporal.Instant[]): (timeZone: string) => string {
  const sorted = [...instants].sort(Temporal.Instant.compare);
  const first = sorted[0] ?? Temporal.Now.instant();
  const last = sorted.at(-1) ?? first;
  const margin = { hours: VTIMEZONE_MARGIN_DAYS * 24 };
  return (timeZone) => buildVtimezone(timeZone, first.subtract(margin), last.add(margin));
}
