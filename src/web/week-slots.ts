import { Temporal } from 'temporal-polyfill';
import { activeLocale } from './format';

export type Slot = { start: string; end: string };
export type SlotDay = { date: string; slots: Slot[] };

/** The Monday of the week that holds `date`. */
export function mondayOf(date: string): string {
  const day = Temporal.PlainDate.from(date);
  return day.subtract({ days: day.dayOfWeek - 1 }).toString();
}

/** The first week worth showing: the one holding the first bookable day (a week ahead for regular sessions). */
export function firstBookableWeek(now: Date, timeZone: string, leadDays: number): string {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  return mondayOf(today.add({ days: leadDays }).toString());
}

export function shiftWeek(monday: string, weeks: number): string {
  return Temporal.PlainDate.from(monday).add({ weeks }).toString();
}

/** Monday 00:00 to the next Monday 00:00 in `timeZone`, as instants for the slots route. */
export function weekRange(monday: string, timeZone: string): { from: string; to: string } {
  const start = Temporal.PlainDate.from(monday).toZonedDateTime({ timeZone });
  return {
    from: start.toInstant().toString(),
    to: start.add({ weeks: 1 }).toInstant().toString(),
  };
}

/** The seven days of the week in `timeZone`, each with its slots in order. */
export function slotsByDay(monday: string, slots: Slot[], timeZone: string): SlotDay[] {
  const days: SlotDay[] = Array.from({ length: 7 }, (_, i) => ({
    date: Temporal.PlainDate.from(monday).add({ days: i }).toString(),
    slots: [],
  }));
  const sorted = [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const slot of sorted) {
    const date = Temporal.Instant.from(slot.start).toZonedDateTimeISO(timeZone).toPlainDate().toString();
    days.find((day) => day.date === date)?.slots.push(slot);
  }
  return days;
}

/** "10:00" in a zone, and whether that is another day there ("Tue 04:00"). */
export function clockIn(iso: string, timeZone: string, relativeTo?: string): string {
  const time = new Date(iso).toLocaleTimeString(activeLocale(), {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
  });
  if (!relativeTo) return time;
  const here = Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).toPlainDate();
  const there = Temporal.Instant.from(iso).toZonedDateTimeISO(relativeTo).toPlainDate();
  if (here.equals(there)) return time;
  const weekday = new Date(iso).toLocaleDateString(activeLocale(), { timeZone, weekday: 'short' });
  return `${weekday} ${time}`;
}

export function dayLabel(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(activeLocale(), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
}
