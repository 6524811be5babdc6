import { describe, expect, it } from 'vitest';
import { type JournalPrompt, selfCoachingPrompts, suggestPrompts } from './prompts';

const prompts: JournalPrompt[] = ['a', 'b', 'c', 'd'].map((id) => ({
  id,
  theme: 'values',
  text: `Question ${id}?`,
  deeper: `Deeper ${id}?`,
}));

describe('selfCoachingPrompts', () => {
  it('are distinct questions', () => {
    const ids = selfCoachingPrompts.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const prompt of selfCoachingPrompts) {
      expect(prompt.text.endsWith('?')).toBe(true);
      expect(prompt.deeper.endsWith('?')).toBe(true);
    }
  });

  it.each(['values', 'fear', 'belief', 'reframe', 'response'])('cover the %s theme', (theme) => {
    expect(selfCoachingPrompts.some((p) => p.theme === theme)).toBe(true);
  });
});

describe('suggestPrompts', () => {
  it.each<{ name: string; recent: string[]; count: number; expected: string[] }>([
    { name: 'nothing used yet', recent: [], count: 3, expected: ['a', 'b', 'c'] },
    { name: 'skips the recently used', recent: ['a', 'c'], count: 3, expected: ['b', 'd', 'c'] },
    {
      name: 'all used: the longest unused first',
      recent: ['b', 'd', 'a', 'c'],
      count: 2,
      expected: ['c', 'a'],
    },
    { name: 'repeated use counts once', recent: ['a', 'a', 'b'], count: 4, expected: ['c', 'd', 'b', 'a'] },
    { name: 'unknown ids are ignored', recent: ['zzz'], count: 2, expected: ['a', 'b'] },
    { name: 'zero asked', recent: [], count: 0, expected: [] },
  ])('$name', ({ recent, count, expected }) => {
    expect(suggestPrompts(recent, count, prompts).map((p) => p.id)).toEqual(expected);
  });

  it('offers a few of the built-in prompts by default', () => {
    const offered = suggestPrompts([]);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.length).toBeLessThan(selfCoachingPrompts.length);
  });
});
