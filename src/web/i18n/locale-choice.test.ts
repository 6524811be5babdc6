import { describe, expect, it } from 'vitest';
import { chooseLocale } from './locale-choice';

describe('chooseLocale', () => {
  it.each([
    { saved: 'de', browser: ['en-US'], expected: 'de', why: 'the saved choice wins over the browser' },
    { saved: 'en', browser: ['de-DE'], expected: 'en', why: 'a saved English stays English' },
    { saved: null, browser: ['de-AT', 'en'], expected: 'de', why: 'the browser language, region ignored' },
    { saved: null, browser: ['fr-FR', 'de'], expected: 'de', why: 'the first browser language we have' },
    { saved: 'xx', browser: ['fr'], expected: 'en', why: 'nothing we have: English' },
    { saved: undefined, browser: [], expected: 'en', why: 'no hints at all: English' },
  ])('$why', ({ saved, browser, expected }) => {
    expect(chooseLocale(saved, browser)).toBe(expected);
  });
});
