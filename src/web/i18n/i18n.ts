import { i18n } from '@lingui/core';
import { messages as de } from '../locales/de/messages.po';
import { messages as en } from '../locales/en/messages.po';
import { chooseLocale, type Locale } from './locale-choice';

// Both catalogs are small, so they are bundled and loaded at once: the first paint is already in the
// person's language, and switching in Settings needs no request.
i18n.load({ en, de });

const storageKey = 'corner.locale';

function readSavedLocale(): string | null {
  try {
    return globalThis.localStorage?.getItem(storageKey) ?? null;
  } catch {
    return null;
  }
}

export function activateLocale(locale: Locale): void {
  i18n.activate(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

// Called once at start: saved choice, else the browser's languages, else English.
export function activateInitialLocale(): Locale {
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  const locale = chooseLocale(readSavedLocale(), browser);
  activateLocale(locale);
  return locale;
}

export function saveLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(storageKey, locale);
  } catch {
    // A browser without storage still switches for this visit.
  }
  activateLocale(locale);
}

export { i18n };
