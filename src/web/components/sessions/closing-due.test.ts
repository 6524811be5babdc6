import { describe, expect, it } from 'vitest';
import { closingDue } from './closing-due';

describe('closingDue', () => {
  const now = new Date('2026-12-04T18:00:00Z');
  it.each([
    ['2026-12-11T18:00:00Z', false],
    ['2026-12-04T18:00:01Z', false],
    ['2026-12-04T18:00:00Z', true],
    ['2026-12-04T17:00:00+01:00', true],
    ['2026-11-30T09:00:00Z', true],
  ])('a session starting %s → %s', (startsAt, due) => {
    expect(closingDue(startsAt, now)).toBe(due);
  });
});
