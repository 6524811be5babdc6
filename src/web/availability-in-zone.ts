import type { Temporal } from 'temporal-polyfill';
import { type AvailabilityWindow, clockToMinutes } from '../domain/sessions/availability';
import { activeLocale, weekdayName } from './format';

export type WindowLabel = { theirs: string; yours: string | null };

const weekdayOf = (day: number): string => weekdayName(((((day - 1) % 7) + 7) % 7) + 1);

// A weekly window is written in the guide's zone; the viewer needs it in theirs. The offset between two
// zones changes with daylight saving, so the window is placed in the week that starts at `from` (today).
export function windowInZone(
  window: AvailabilityWindow,
  guideZone: string,
  viewerZone: string,
  from: Temporal.PlainDate,
): WindowLabel {
  const theirs = `${weekdayName(window.weekday)} ${window.start}–${window.end}`;
  if (guideZone === viewerZone) return { theirs, yours: null };
  const startMinutes = clockToMinutes(window.start) ?? 0;
  const endMinutes = clockToMinutes(window.end) ?? 0;
  const date = from.add({ days: (window.weekday - from.dayOfWeek + 7) % 7 });
  const midnight = date.toZonedDateTime({ timeZone: guideZone });
  const start = midnight.add({ minutes: startMinutes }).withTimeZone(viewerZone);
  const end = midnight.add({ minutes: endMinutes }).withTimeZone(viewerZone);
  const clock = (t: Temporal.ZonedDateTime) => t.toPlainTime().toString({ smallestUnit: 'minute' });
  const endDay = end.dayOfWeek === start.dayOfWeek ? '' : `${weekdayOf(end.dayOfWeek)} `;
  return { theirs, yours: `${weekdayOf(start.dayOfWeek)} ${clock(start)}–${endDay}${clock(end)}` };
}

// "en" → "English", in the reader's own language; an unknown code is shown as it is.
export function languageName(code: string, locale?: string): string {
  try {
    return new Intl.DisplayNames([locale ?? activeLocale()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
