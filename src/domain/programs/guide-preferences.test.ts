import { describe, expect, it } from 'vitest';
import { checkPreferences, guideScoresPerEdge, rankingToPreferences, rankToScore } from './guide-preferences';

describe('rankToScore', () => {
  it.each([
    [1, 1, 1],
    [1, 2, 1],
    [2, 2, 0.5],
    [1, 3, 1],
    [2, 3, 0.666667],
    [3, 3, 0.333333],
    [1, 4, 1],
    [4, 4, 0.25],
    [7, 10, 0.4],
  ])('rank %i of %i scores %f', (rank, count, score) => {
    expect(rankToScore(rank, count)).toBe(score);
  });

  it.each([
    [0, 3],
    [4, 3],
    [1.5, 3],
    [1, 0],
  ])('refuses rank %f of %f', (rank, count) => {
    expect(() => rankToScore(rank, count)).toThrow(RangeError);
  });

  it('keeps a ranking’s order strictly', () => {
    const scores = rankingToPreferences(['a', 'b', 'c', 'd', 'e']).map((p) => p.score);
    for (let k = 1; k < scores.length; k++) expect(scores[k]).toBeLessThan(scores[k - 1] ?? 0);
    expect(rankingToPreferences(['x', 'y'])).toEqual([
      { memberApplicationId: 'x', score: 1, rank: 1 },
      { memberApplicationId: 'y', score: 0.5, rank: 2 },
    ]);
  });
});

describe('checkPreferences', () => {
  const allowed = new Set(['m1', 'm2']);
  it('accepts applicants who fit, each once, scored 0..1', () => {
    expect(
      checkPreferences(
        [
          { memberApplicationId: 'm1', score: 0 },
          { memberApplicationId: 'm2', score: 1 },
        ],
        allowed,
      ),
    ).toEqual([]);
  });
  it('names each bad item', () => {
    expect(
      checkPreferences(
        [
          { memberApplicationId: 'm1', score: 0.5 },
          { memberApplicationId: 'm1', score: 0.4 },
          { memberApplicationId: 'zz', score: 0.4 },
          { memberApplicationId: 'm2', score: 1.2 },
        ],
        allowed,
      ),
    ).toEqual([
      { item: 'items.1', message: 'names applicant m1 twice' },
      { item: 'items.2', message: 'applicant zz is not one who fits you in this cohort' },
      { item: 'items.3', message: 'score 1.2 is outside 0 to 1' },
    ]);
  });
});

describe('guideScoresPerEdge', () => {
  const edges = {
    mentee: Int32Array.of(0, 1, 1),
    mentor: Int32Array.of(0, 0, 1),
    fit: Float64Array.of(0.3, 0.6, 0.9),
  };
  it('is undefined when no guide answered', () => {
    expect(guideScoresPerEdge(edges, () => undefined)).toBeUndefined();
  });
  it('uses a guide’s own score and the fit elsewhere', () => {
    expect([...(guideScoresPerEdge(edges, (i, j) => (i === 0 && j === 0 ? 1 : undefined)) ?? [])]).toEqual([
      1, 0.6, 0.9,
    ]);
  });
});
