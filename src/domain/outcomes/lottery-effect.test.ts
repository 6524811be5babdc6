import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectSentence, estimateEffect, NOT_RANDOMISED } from './effect';
import { drawLottery, isOversubscribed } from './lottery';

const ids = Array.from({ length: 30 }, (_, i) => `app-${String(i).padStart(2, '0')}`);

describe('lottery', () => {
  it('same seed, same draw, whatever order the candidates come in', () => {
    const a = drawLottery(ids, 12, 'spring-2027');
    const b = drawLottery([...ids].reverse(), 12, 'spring-2027');
    expect(a).toEqual(b);
    expect(a.selected).toHaveLength(12);
    expect(a.waiting).toHaveLength(18);
  });
  it('another seed, another draw', () => {
    expect(drawLottery(ids, 12, 'spring-2027').selected).not.toEqual(
      drawLottery(ids, 12, 'autumn-2027').selected,
    );
  });
  it.each([
    [10, 9, true],
    [10, 10, false],
    [3, 8, false],
  ])('%i applicants for %i seats oversubscribed: %s', (applicants, seats, expected) => {
    expect(isOversubscribed(applicants, seats)).toBe(expected);
  });
  it('property: selected and waiting split the candidates exactly', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 40 }),
        fc.nat(50),
        fc.string(),
        (cands, seats, seed) => {
          const draw = drawLottery(cands, seats, seed);
          expect(draw.selected.length).toBe(Math.min(seats, cands.length));
          expect([...draw.selected, ...draw.waiting].sort()).toEqual([...cands].sort());
          expect(drawLottery(cands, seats, seed)).toEqual(draw);
        },
      ),
    );
  });
  it('property: over many seeds each candidate is drawn about as often as the others', () => {
    const hits = new Map<string, number>();
    for (let s = 0; s < 2000; s += 1)
      for (const id of drawLottery(ids.slice(0, 10), 5, `s${s}`).selected)
        hits.set(id, (hits.get(id) ?? 0) + 1);
    for (const count of hits.values()) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });
});

describe('effect with a bootstrap interval', () => {
  // 42% vs 29% (the randomised trial's figures): 100 in each group.
  const matched = Array.from({ length: 100 }, (_, i) => (i < 42 ? 1 : 0));
  const waiting = Array.from({ length: 100 }, (_, i) => (i < 29 ? 1 : 0));

  it('gives the difference in points and a 95% interval around it', () => {
    const effect = estimateEffect({ matched, waiting, scale: 'binary', randomised: true, seed: 'x' });
    expect(effect?.difference).toBe(13);
    expect(effect?.low).toBeLessThan(13);
    expect(effect?.high).toBeGreaterThan(13);
    // The normal approximation: 13 ± 1.96·sqrt(.42·.58/100 + .29·.71/100) ≈ 13 ± 13.
    expect(effect?.low).toBeGreaterThan(-3);
    expect(effect?.high).toBeLessThan(29);
    expect(effect?.sentence).toMatch(/^\+13 points, likely between [+-]?\d+ and \+\d+$/);
  });
  it('is reproducible with the same seed', () => {
    const a = estimateEffect({ matched, waiting, scale: 'binary', randomised: true, seed: 'seed-1' });
    const b = estimateEffect({ matched, waiting, scale: 'binary', randomised: true, seed: 'seed-1' });
    expect(a).toEqual(b);
  });
  it('says when the groups were not drawn by lottery', () => {
    const effect = estimateEffect({ matched, waiting, scale: 'binary', randomised: false, seed: 'x' });
    expect(effect?.sentence).toContain(NOT_RANDOMISED);
  });
  it('gives nothing for a group under 5', () => {
    expect(
      estimateEffect({ matched: [1, 1, 1, 1], waiting, scale: 'binary', randomised: true, seed: 'x' }),
    ).toBeNull();
  });
  it.each([
    [
      { difference: 13, low: 4, high: 22, scale: 'binary', randomised: true },
      '+13 points, likely between +4 and +22',
    ],
    [
      { difference: -1, low: -3, high: 0, scale: 'binary', randomised: true },
      '-1 point, likely between -3 and 0',
    ],
    [
      { difference: 0.6, low: 0.2, high: 1.1, scale: 'score', randomised: true },
      '+0.6, likely between +0.2 and +1.1',
    ],
  ] as const)('sentence %#', (e, sentence) => {
    expect(effectSentence(e)).toBe(sentence);
  });
  it('property: the interval holds the observed difference for groups of identical values', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 5, max: 30 }),
        (a, b, n) => {
          const e = estimateEffect({
            matched: Array(n).fill(a),
            waiting: Array(n).fill(b),
            scale: 'score',
            randomised: true,
            seed: 's',
            resamples: 50,
          });
          expect(e?.low).toBe(a - b);
          expect(e?.high).toBe(a - b);
        },
      ),
    );
  });
});
