import { Temporal } from 'temporal-polyfill';
import { activeLocale } from './format';

// A <input type="datetime-local"> holds a wall-clock time with no zone. These two functions are the only
// way between it and an instant, so the zone is always explicit: reading the UTC digits of an ISO string
// into the field (what the intro form once did) shifts the time by the viewer's UTC offset.
export function instantToLocalInput(iso: string, timeZone: string): string {
  const wall = Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).toPlainDateTime();
  return wall.toString({ smallestUnit: 'minute' });
}

export function localInputToInstant(local: string, timeZone: string): string {
  // 'compatible' resolves a wall time skipped by a daylight-saving jump to the later side, as calendars do.
  const zoned = Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone, {
    disambiguation: 'compatible',
  });
  return zoned.toInstant().toString();
}

// The same instant as a wall-clock time in a named zone, e.g. "Tue 16:00" for a guide's availability.
export function formatInZone(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString(activeLocale(), {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
