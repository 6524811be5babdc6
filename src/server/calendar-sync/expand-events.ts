import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';

// Turns one calendar object (an .ics resource from a CalDAV server) into the busy intervals it holds in a
// window, with ical.js doing the recurrence work: RRULE, RDATE, EXDATE, RECURRENCE-ID overrides (moved or
// cancelled occurrences), all-day events, floating times and TZID with or without a VTIMEZONE. A
// hand-written RRULE expander is exactly where calendars go wrong, so there is none here.

export type ExpandedInterval = {
  start: Date;
  end: Date;
  uid: string;
  /** The occurrence's original start (ISO) in a recurring series; null for a single event. */
  recurrenceId: string | null;
};

export type ExpandResult = { intervals: ExpandedInterval[] } | { error: string };

/** No series is followed past this many occurrences in a window (a daily rule over a year is 366). */
const MAX_OCCURRENCES = 5_000;

/**
 * @param ics the object's iCalendar text
 * @param window the instants to keep (an interval overlapping it is kept whole)
 * @param floatingZone the IANA zone floating times and all-day dates are read in (the person's own)
 */
export function expandEvents(
  ics: string,
  window: { from: Date; to: Date },
  floatingZone: string,
): ExpandResult {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(ics));
  } catch (error) {
    return {
      error: `cannot be read as iCalendar (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  try {
    const zones = new Map<string, ICAL.Timezone>();
    for (const component of root.getAllSubcomponents('vtimezone')) {
      const zone = new ICAL.Timezone(component);
      zones.set(zone.tzid, zone);
    }
    const vevents = root.getAllSubcomponents('vevent');
    if (vevents.length === 0) return { intervals: [] };
    const toInstant = (time: ICAL.Time) => instantOf(time, zones, floatingZone);

    const masters = vevents.filter((vevent) => !vevent.hasProperty('recurrence-id'));
    const overrides = vevents.filter((vevent) => vevent.hasProperty('recurrence-id'));
    const intervals: ExpandedInterval[] = [];
    const keep = (start: Date, end: Date, uid: string, recurrenceId: string | null, busy: boolean) => {
      if (!busy) return;
      if (start.getTime() < window.to.getTime() && end.getTime() > window.from.getTime()) {
        intervals.push({ start, end, uid, recurrenceId });
      }
    };

    for (const master of masters) {
      const event = new ICAL.Event(master);
      if (!event.uid) throw new Error('an event has no UID');
      if (!event.startDate) throw new Error(`event ${event.uid} has no DTSTART`);
      for (const override of overrides) {
        if (override.getFirstPropertyValue('uid') === event.uid) event.relateException(override);
      }
      if (!event.isRecurring()) {
        const { start, end } = span(event.startDate, event.endDate, event.duration, toInstant);
        keep(start, end, event.uid, null, isBusy(master));
        continue;
      }
      const iterator = event.iterator();
      for (let count = 0; count < MAX_OCCURRENCES; count++) {
        const next = iterator.next();
        if (!next) break;
        const details = event.getOccurrenceDetails(next);
        const { start, end } = span(details.startDate, details.endDate, null, toInstant);
        // The occurrence's original slot decides when to stop: a later one cannot start earlier.
        if (toInstant(next).getTime() >= window.to.getTime() && start.getTime() >= window.to.getTime()) break;
        const component = details.item.component;
        keep(start, end, event.uid, toInstant(details.recurrenceId).toISOString(), isBusy(component));
      }
    }
    // An override whose series this object does not hold (servers may send it alone) is an event itself.
    for (const override of overrides) {
      const uid = String(override.getFirstPropertyValue('uid') ?? '');
      if (masters.some((master) => master.getFirstPropertyValue('uid') === uid)) continue;
      const event = new ICAL.Event(override);
      if (!event.startDate) throw new Error(`event ${uid} has no DTSTART`);
      const { start, end } = span(event.startDate, event.endDate, event.duration, toInstant);
      keep(start, end, uid, toInstant(event.recurrenceId).toISOString(), isBusy(override));
    }
    return { intervals };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

// Free (TRANSP:TRANSPARENT) and cancelled events do not make anyone busy.
function isBusy(vevent: ICAL.Component): boolean {
  const transparency = String(vevent.getFirstPropertyValue('transp') ?? 'OPAQUE').toUpperCase();
  const status = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase();
  return transparency !== 'TRANSPARENT' && status !== 'CANCELLED';
}

function span(
  startTime: ICAL.Time,
  endTime: ICAL.Time | null,
  duration: ICAL.Duration | null,
  toInstant: (time: ICAL.Time) => Date,
): { start: Date; end: Date } {
  const start = toInstant(startTime);
  let end: Date;
  if (endTime) {
    end = toInstant(endTime);
  } else if (duration) {
    const after = startTime.clone();
    after.addDuration(duration);
    end = toInstant(after);
  } else if (startTime.isDate) {
    // An all-day event without DTEND lasts that one day (RFC 5545 §3.6.1).
    const after = startTime.clone();
    after.day += 1;
    end = toInstant(after);
  } else {
    end = start;
  }
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
    throw new Error('an event has an invalid date');
  if (end.getTime() < start.getTime()) throw new Error('an event ends before it starts');
  return { start, end };
}

// An ICAL.Time is an instant once we know its zone: UTC, a VTIMEZONE in the object, an IANA name the
// object did not define (common from Google and Apple), or none (floating, all-day), read in the person's.
function instantOf(time: ICAL.Time, zones: Map<string, ICAL.Timezone>, floatingZone: string): Date {
  // ical.js keeps a TZID it could not resolve as `timezone` (not in its type declarations).
  const tzid = (time as unknown as { timezone?: string }).timezone ?? time.zone?.tzid;
  if (time.isDate) return wallClock(time, floatingZone);
  if (tzid === 'Z' || tzid === 'UTC' || time.zone === ICAL.Timezone.utcTimezone) return time.toJSDate();
  if (tzid && tzid !== 'floating') {
    const zone = zones.get(tzid);
    if (zone) {
      const copy = time.clone();
      copy.zone = zone;
      return new Date(copy.toUnixTime() * 1000);
    }
    return wallClock(time, ianaZone(tzid) ?? floatingZone);
  }
  return wallClock(time, floatingZone);
}

function wallClock(time: ICAL.Time, zone: string): Date {
  const plain = new Temporal.PlainDateTime(
    time.year,
    time.month,
    time.day,
    time.isDate ? 0 : time.hour,
    time.isDate ? 0 : time.minute,
    time.isDate ? 0 : Math.min(time.second, 59),
  );
  return new Date(plain.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds);
}

function ianaZone(tzid: string): string | undefined {
  // Outlook-style "/Europe/Berlin" and "(UTC+01:00) …" names: keep what Temporal understands.
  const candidate = tzid.replace(/^\//, '');
  try {
    Temporal.Now.instant().toZonedDateTimeISO(candidate);
    return candidate;
  } catch {
    return undefined;
  }
}

/**
 * Where the event with this UID in one object is now: its (first) start and end, or null when the object
 * no longer holds it or it is cancelled. Transparency does not matter here: a session someone marked
 * "free" is still at its time. Throws on an object that cannot be read, so the caller never takes a
 * broken answer for a deletion.
 */
export function sessionEventSpan(
  ics: string,
  uid: string,
  floatingZone: string,
): { start: Date; end: Date } | null {
  const root = new ICAL.Component(ICAL.parse(ics));
  const zones = new Map<string, ICAL.Timezone>();
  for (const component of root.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(component);
    zones.set(zone.tzid, zone);
  }
  const master = root
    .getAllSubcomponents('vevent')
    .find((vevent) => vevent.getFirstPropertyValue('uid') === uid && !vevent.hasProperty('recurrence-id'));
  if (!master) return null;
  if (String(master.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') return null;
  const event = new ICAL.Event(master);
  if (!event.startDate) throw new Error(`event ${uid} has no DTSTART`);
  return span(event.startDate, event.endDate, event.duration, (time) => instantOf(time, zones, floatingZone));
}
