import { Temporal } from 'temporal-polyfill';

// The calendar date at an instant in a person's own time zone: "today" depends on where you are.
export function dateIn(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}
