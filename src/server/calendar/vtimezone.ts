import { Temporal } from 'temporal-polyfill';

// A VTIMEZONE block for an IANA zone, built from the zone's real transitions (Temporal's time-zone
// data) over the years the calendar needs. Calendar apps that do not know the TZID name, or know an
// older rule for it, read the offsets from here instead of guessing.
export function buildVtimezone(timeZone: string, from: Temporal.Instant, to: Temporal.Instant): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  let cursor = from.toZonedDateTimeISO(timeZone);
  // The offset in force at the start of the range, as an observance that begins then.
  lines.push(...observance('STANDARD', cursor, cursor.offset, cursor.offset));
  for (;;) {
    const next = cursor.getTimeZoneTransition('next');
    if (next === null || Temporal.Instant.compare(next.toInstant(), to) > 0) break;
    const before = next.subtract({ nanoseconds: 1 }).offset;
    const kind = offsetMinutes(next.offset) > offsetMinutes(before) ? 'DAYLIGHT' : 'STANDARD';
    lines.push(...observance(kind, next, before, next.offset));
    cursor = next;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

function observance(
  kind: 'STANDARD' | 'DAYLIGHT',
  at: Temporal.ZonedDateTime,
  offsetFrom: string,
  offsetTo: string,
): string[] {
  // DTSTART is the wall-clock time the change happens at, read in the offset it changes from.
  const wall = at.toInstant().toZonedDateTimeISO(offsetFrom).toPlainDateTime();
  return [
    `BEGIN:${kind}`,
    `DTSTART:${formatLocal(wall)}`,
    `TZOFFSETFROM:${compactOffset(offsetFrom)}`,
    `TZOFFSETTO:${compactOffset(offsetTo)}`,
    `END:${kind}`,
  ];
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function formatLocal(wall: Temporal.PlainDateTime): string {
  return `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
}

// "+05:30" -> "+0530"; second-precision historical offsets are rounded away, no modern zone has them.
function compactOffset(offset: string): string {
  return offset.slice(0, 6).replace(':', '');
}

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours = '0', minutes = '0'] = offset.slice(1).split(':');
  return sign * (Number(hours) * 60 + Number(minutes));
}
