import { describe, expect, it } from 'vitest';
import { type CheckIn, suggestSignsOfProgress, summarizeCheckIns } from './signs-of-progress';
import { skillCategoryValues } from './skill-categories';

describe('suggestSignsOfProgress', () => {
  it.each(skillCategoryValues)('offers two or three distinct example signs for %s goals', (category) => {
    const signs = suggestSignsOfProgress(category);
    expect(signs.length).toBeGreaterThanOrEqual(2);
    expect(signs.length).toBeLessThanOrEqual(3);
    expect(new Set(signs).size).toBe(signs.length);
  });

  it('suggests different signs for different kinds of skill', () => {
    const all = skillCategoryValues.flatMap((category) => suggestSignsOfProgress(category));
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('summarizeCheckIns', () => {
  it.each<{ name: string; checkIns: CheckIn[]; series: Record<string, [string, number][]>; latest: unknown }>(
    [
      { name: 'no check-ins yet', checkIns: [], series: {}, latest: null },
      {
        name: 'check-ins given out of order are charted oldest first',
        checkIns: [
          {
            at: '2025-03-01',
            ratings: [
              { signId: 'calm', score: 6 },
              { signId: 'earlier', score: 4 },
            ],
          },
          { at: '2025-02-01', ratings: [{ signId: 'calm', score: 3 }] },
          {
            at: '2025-04-01',
            ratings: [
              { signId: 'calm', score: 8 },
              { signId: 'earlier', score: 5 },
            ],
          },
        ],
        series: {
          calm: [
            ['2025-02-01', 3],
            ['2025-03-01', 6],
            ['2025-04-01', 8],
          ],
          earlier: [
            ['2025-03-01', 4],
            ['2025-04-01', 5],
          ],
        },
        latest: { at: '2025-04-01', average: 6.5 },
      },
      {
        name: 'instants and dates sort on one time line',
        checkIns: [
          { at: '2025-03-02T08:00:00Z', ratings: [{ signId: 'energy', score: 7 }] },
          { at: '2025-03-01', ratings: [{ signId: 'energy', score: 5 }] },
          { at: '2025-03-01T23:30:00-05:00', ratings: [{ signId: 'energy', score: 6 }] },
        ],
        series: {
          energy: [
            ['2025-03-01', 5],
            ['2025-03-01T23:30:00-05:00', 6],
            ['2025-03-02T08:00:00Z', 7],
          ],
        },
        latest: { at: '2025-03-02T08:00:00Z', average: 7 },
      },
      {
        name: 'a check-in with only a note keeps the previous average as the latest',
        checkIns: [
          {
            at: '2025-05-01',
            ratings: [
              { signId: 'a', score: 2 },
              { signId: 'b', score: 3 },
              { signId: 'c', score: 3 },
            ],
          },
          { at: '2025-05-15', ratings: [] },
        ],
        series: { a: [['2025-05-01', 2]], b: [['2025-05-01', 3]], c: [['2025-05-01', 3]] },
        latest: { at: '2025-05-01', average: 2.7 },
      },
      {
        name: 'a sign rated twice in one check-in counts once, with its last rating',
        checkIns: [
          {
            at: '2025-06-01',
            ratings: [
              { signId: 'a', score: 2 },
              { signId: 'a', score: 9 },
              { signId: 'b', score: 5 },
            ],
          },
        ],
        series: { a: [['2025-06-01', 9]], b: [['2025-06-01', 5]] },
        latest: { at: '2025-06-01', average: 7 },
      },
    ],
  )('$name', ({ checkIns, series, latest }) => {
    const summary = summarizeCheckIns(checkIns);
    const actual = Object.fromEntries(
      summary.series.map((s) => [s.signId, s.points.map((p): [string, number] => [p.at, p.score])]),
    );
    expect(actual).toEqual(series);
    expect(summary.latest).toEqual(latest);
  });

  it('reports how far each sign has moved since it was first rated', () => {
    const summary = summarizeCheckIns([
      {
        at: '2025-01-10',
        ratings: [
          { signId: 'calm', score: 7 },
          { signId: 'voice', score: 2 },
        ],
      },
      {
        at: '2025-02-10',
        ratings: [
          { signId: 'calm', score: 5 },
          { signId: 'voice', score: 6 },
        ],
      },
    ]);
    expect(summary.series.map((s) => [s.signId, s.change])).toEqual([
      ['calm', -2],
      ['voice', 4],
    ]);
  });

  it.each([0, 11, 6.5, Number.NaN])('rejects a score of %s', (score) => {
    expect(() => summarizeCheckIns([{ at: '2025-01-10', ratings: [{ signId: 'calm', score }] }])).toThrow(
      /calm/,
    );
  });

  it('rejects a time it cannot read', () => {
    expect(() => summarizeCheckIns([{ at: 'last Tuesday', ratings: [] }])).toThrow(RangeError);
  });
});
