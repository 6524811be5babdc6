import ICAL from 'ical.js';
import { expandEvents, sessionEventSpan } from './expand-events';

// Google and Microsoft answer in JSON, the rest of the sync (expand-events.ts, the busy cache) reads
// iCalendar. Each API event becomes a one-event VCALENDAR here, so all-day dates are read in the person's
// zone and free/cancelled events are dropped by the same rules as on CalDAV. Both APIs already expand
// series (Google singleEvents=true, Graph calendarView), so an instance carries its RECURRENCE-ID and no
// RRULE is ever evaluated from JSON.

export type JsonEvent = {
  uid: string;
  /** An all-day date (YYYY-MM-DD) or an instant (ISO with offset). Missing = a malformed event. */
  start: { date: string } | { instant: string } | null;
  end: { date: string } | { instant: string } | null;
  /** The occurrence's original start when the event is one instance of a series. */
  recurrenceId: { date: string } | { instant: string } | null;
  free: boolean;
  cancelled: boolean;
};

export function icsFromJsonEvent(event: JsonEvent): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('prodid', '-//Corner//calendar sync//EN');
  const vevent = new ICAL.Component('vevent');
  vevent.updatePropertyWithValue('uid', event.uid);
  if (event.start) vevent.updatePropertyWithValue('dtstart', timeOf(event.start));
  if (event.end) vevent.updatePropertyWithValue('dtend', timeOf(event.end));
  if (event.recurrenceId) vevent.updatePropertyWithValue('recurrence-id', timeOf(event.recurrenceId));
  vevent.updatePropertyWithValue('transp', event.free ? 'TRANSPARENT' : 'OPAQUE');
  if (event.cancelled) vevent.updatePropertyWithValue('status', 'CANCELLED');
  calendar.addSubcomponent(vevent);
  return calendar.toString();
}

function timeOf(value: { date: string } | { instant: string }): ICAL.Time {
  if ('date' in value) return ICAL.Time.fromDateString(value.date);
  const instant = new Date(value.instant);
  if (Number.isNaN(instant.getTime())) throw new Error(`not a time: ${value.instant}`);
  return ICAL.Time.fromJSDate(instant, true);
}

/** Builds the object, or null when the API's event is too broken to describe (reported as skipped). */
export function safeIcs(event: JsonEvent): string | null {
  try {
    return icsFromJsonEvent(event);
  } catch {
    return null;
  }
}

export type SessionEvent = {
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  url: string | null;
  start: Date;
  end: Date;
  timeZone: string;
};

/** The session Corner writes (the same calendar object the CalDAV path PUTs), read back for a JSON API. */
export function sessionEventFromIcs(ics: string): SessionEvent {
  const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('the session object has no event');
  const uid = String(vevent.getFirstPropertyValue('uid') ?? '');
  const [interval] = expandsToOne(ics);
  const text = (name: string) => {
    const value = vevent.getFirstPropertyValue(name);
    return value === null || value === undefined || value === '' ? null : String(value);
  };
  const dtstart = vevent.getFirstProperty('dtstart');
  const tzid = dtstart?.getParameter('tzid');
  return {
    uid,
    summary: text('summary') ?? 'Session',
    description: text('description'),
    location: text('location'),
    url: text('url'),
    start: interval.start,
    end: interval.end,
    timeZone: typeof tzid === 'string' && tzid ? tzid : 'UTC',
  };
}

function expandsToOne(ics: string): [{ start: Date; end: Date }] {
  const result = expandEvents(ics, { from: new Date(0), to: new Date(8.64e15) }, 'UTC');
  if ('error' in result) throw new Error(`the session object cannot be read: ${result.error}`);
  const [first] = result.intervals;
  if (!first) throw new Error('the session object has no time');
  return [first];
}

/** Where a session event read back from a JSON API is now (null when cancelled), by the iCalendar rules. */
export function spanOfJsonEvent(event: JsonEvent, floatingZone: string): { start: Date; end: Date } | null {
  return sessionEventSpan(icsFromJsonEvent(event), event.uid, floatingZone);
}
