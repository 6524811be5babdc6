import { describe, expect, it } from 'vitest';
import { type ShortlistNudgeCode, type ShortlistState, shortlistNudges } from './shortlist-nudges';

describe('shortlistNudges', () => {
  it.each<ShortlistState & { expected: ShortlistNudgeCode[] }>([
    { shortlistSize: 0, introsHeld: 0, poorFits: 0, chosen: false, expected: ['grow-shortlist'] },
    {
      shortlistSize: 2,
      introsHeld: 0,
      poorFits: 0,
      chosen: false,
      expected: ['grow-shortlist', 'book-intros'],
    },
    { shortlistSize: 4, introsHeld: 0, poorFits: 0, chosen: false, expected: ['book-intros'] },
    {
      shortlistSize: 7,
      introsHeld: 0,
      poorFits: 0,
      chosen: false,
      expected: ['shortlist-too-long', 'book-intros'],
    },
    { shortlistSize: 4, introsHeld: 1, poorFits: 0, chosen: false, expected: ['talk-to-more'] },
    { shortlistSize: 4, introsHeld: 1, poorFits: 1, chosen: false, expected: ['talk-to-more'] },
    { shortlistSize: 1, introsHeld: 1, poorFits: 1, chosen: false, expected: ['gave-up-after-one-poor-fit'] },
    { shortlistSize: 1, introsHeld: 1, poorFits: 0, chosen: false, expected: ['grow-shortlist'] },
    { shortlistSize: 2, introsHeld: 2, poorFits: 2, chosen: false, expected: ['grow-shortlist'] },
    { shortlistSize: 3, introsHeld: 2, poorFits: 0, chosen: false, expected: ['talk-to-more'] },
    { shortlistSize: 3, introsHeld: 3, poorFits: 1, chosen: false, expected: ['ready-to-decide'] },
    { shortlistSize: 5, introsHeld: 4, poorFits: 0, chosen: false, expected: ['ready-to-decide'] },
    { shortlistSize: 3, introsHeld: 3, poorFits: 3, chosen: false, expected: ['all-poor-fits'] },
    { shortlistSize: 3, introsHeld: 0, poorFits: 0, chosen: true, expected: ['committed-without-intro'] },
    { shortlistSize: 3, introsHeld: 1, poorFits: 0, chosen: true, expected: ['committed-after-one'] },
    { shortlistSize: 1, introsHeld: 1, poorFits: 0, chosen: true, expected: ['committed-after-one'] },
    { shortlistSize: 3, introsHeld: 2, poorFits: 0, chosen: true, expected: [] },
    { shortlistSize: 4, introsHeld: 4, poorFits: 1, chosen: true, expected: [] },
    // inconsistent counts are read generously: intros imply shortlist entries
    { shortlistSize: 0, introsHeld: 3, poorFits: 5, chosen: false, expected: ['all-poor-fits'] },
  ])(
    'shortlist $shortlistSize, intros $introsHeld, poor $poorFits, chosen $chosen → $expected',
    ({ expected, ...state }) => {
      expect(shortlistNudges(state).map((n) => n.code)).toEqual(expected);
    },
  );

  it('warns, rather than informs, about deciding too fast or giving up', () => {
    expect(shortlistNudges({ shortlistSize: 3, introsHeld: 1, poorFits: 0, chosen: true })[0]?.level).toBe(
      'warning',
    );
    expect(shortlistNudges({ shortlistSize: 1, introsHeld: 1, poorFits: 1, chosen: false })[0]?.level).toBe(
      'warning',
    );
    expect(shortlistNudges({ shortlistSize: 4, introsHeld: 1, poorFits: 0, chosen: false })[0]?.level).toBe(
      'info',
    );
  });

  it('mentions the 3–5 range when the shortlist is short', () => {
    expect(
      shortlistNudges({ shortlistSize: 1, introsHeld: 0, poorFits: 0, chosen: false })[0]?.message,
    ).toMatch(/3–5/);
  });
});
