import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { languageName, windowInZone } from './availability-in-zone';

describe('a guide availability window seen from the viewer zone', () => {
  const winter = Temporal.PlainDate.from('2026-12-07');
  it.each([
    [
      { weekday: 1, start: '09:00', end: '17:00' },
      'Europe/Berlin',
      'America/New_York',
      winter,
      'Monday 03:00–11:00',
    ],
    [
      { weekday: 1, start: '20:00', end: '23:00' },
      'America/New_York',
      'Europe/Berlin',
      winter,
      'Tuesday 02:00–05:00',
    ],
    [
      { weekday: 5, start: '18:00', end: '24:00' },
      'Europe/Berlin',
      'Asia/Tokyo',
      winter,
      'Saturday 02:00–08:00',
    ],
    [
      { weekday: 7, start: '09:00', end: '10:00' },
      'Asia/Tokyo',
      'America/New_York',
      winter,
      'Saturday 19:00–20:00',
    ],
    // 20 March 2026: the US is on summer time, Berlin not yet, so the gap is 5 hours.
    [
      { weekday: 5, start: '16:00', end: '18:00' },
      'Europe/Berlin',
      'America/New_York',
      Temporal.PlainDate.from('2026-03-16'),
      'Friday 11:00–13:00',
    ],
    // A window crossing midnight in the viewer's zone.
    [
      { weekday: 2, start: '17:00', end: '20:00' },
      'America/New_York',
      'Europe/Berlin',
      winter,
      'Tuesday 23:00–Wednesday 02:00',
    ],
  ] as const)('%o in %s for %s', (window, guideZone, viewerZone, from, yours) => {
    expect(windowInZone(window, guideZone, viewerZone, from).yours).toBe(yours);
  });

  it('shows no second time when both are in the same zone', () => {
    const label = windowInZone({ weekday: 3, start: '10:00', end: '12:00' }, 'UTC', 'UTC', winter);
    expect(label).toEqual({ theirs: 'Wednesday 10:00–12:00', yours: null });
  });
});

describe('languages by name', () => {
  it.each([
    ['en', 'en', 'English'],
    ['de', 'en', 'German'],
    ['de', 'de', 'Deutsch'],
    ['pt-BR', 'en', 'Brazilian Portuguese'],
  ])('%s in %s is %s', (code, locale, name) => {
    expect(languageName(code, locale)).toBe(name);
  });
  it('keeps an unreadable code as it is', () => {
    expect(languageName('not a code', 'en')).toBe('not a code');
  });
});
