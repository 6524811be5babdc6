import { describe, expect, it } from 'vitest';
import { activeFilterNames, emptyResults, resultSummary } from './directory-wording';

describe('directory wording', () => {
  it.each([
    [
      3,
      false,
      { kind: 'coach', source: 'readiness' },
      '3 guides found · showing coaches, as your readiness check suggests',
    ],
    [
      1,
      false,
      { kind: 'mentor', source: 'readiness' },
      '1 guide found · showing mentors, as your readiness check suggests',
    ],
    [0, false, { kind: 'coach', source: 'query' }, '0 guides found'],
    [200, true, { kind: 'any', source: 'none' }, 'More than 200 guides found'],
  ] as const)('%i results, capped %s, %o', (total, capped, kindFilter, text) => {
    expect(resultSummary(total, capped, kindFilter)).toBe(text);
  });

  it('does not blame filters the person never set', () => {
    const none = emptyResults(activeFilterNames({ page: '1' }), { kind: 'any', source: 'none' });
    expect(none.title).toBe('No guides are taking requests yet');
    expect(none.detail).not.toMatch(/filter/i);
    const readiness = emptyResults([], { kind: 'coach', source: 'readiness' });
    expect(readiness.title).toBe('No coaches are taking requests yet');
  });

  it('names the filters when there are some', () => {
    const some = emptyResults(activeFilterNames({ q: 'pricing', language: '', page: '2' }), {
      kind: 'any',
      source: 'none',
    });
    expect(some.detail).toMatch(/fewer filters/);
  });
});
