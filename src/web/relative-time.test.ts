import { describe, expect, it } from 'vitest';
import { formatRelative } from './relative-time';

describe('formatRelative', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  it.each([
    [10, 'now'],
    [5 * 60, '5 minutes ago'],
    [3 * 3600, '3 hours ago'],
    [26 * 3600, 'yesterday'],
    [3 * 86_400, '3 days ago'],
    [15 * 86_400, '2 weeks ago'],
    [400 * 86_400, 'last year'],
  ])('%i seconds ago reads "%s"', (seconds, expected) => {
    expect(formatRelative(ago(seconds), now, 'en')).toBe(expected);
  });

  it('speaks of the future too', () => {
    expect(formatRelative(ago(-2 * 3600), now, 'en')).toBe('in 2 hours');
  });
});
