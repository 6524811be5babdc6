import { i18n } from '@lingui/core';

// Dates and numbers in the language the app speaks (Settings, else the browser's), in the reader's own
// time zone. Reading the active Lingui locale keeps them in step with the words around them; the
// browser's own tag for that language keeps its region's habits (en-GB writes "14 Mar 2026").
export function activeLocale(): string {
  const language = i18n.locale || 'en';
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);
  return browser.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

export function formatDate(iso: string): string {
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return date.toLocaleDateString(activeLocale(), { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(activeLocale(), { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return value.toLocaleString(activeLocale(), options);
}

// Today's date in the reader's own time zone, as YYYY-MM-DD.
export function todayIso(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

// A weekday (1 = Monday … 7 = Sunday, as in the domain) in the reader's language. 1 January 2024 was a
// Monday, so day d of that week names weekday d.
export function weekdayName(day: number): string {
  return new Date(Date.UTC(2024, 0, day)).toLocaleDateString(activeLocale(), {
    weekday: 'long',
    timeZone: 'UTC',
  });
}
