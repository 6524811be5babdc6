import { describe, expect, it } from 'vitest';
import { checkGoal } from './check-goal';
import { goalPatterns } from './goal-patterns';

describe('goalPatterns', () => {
  it.each(goalPatterns)(
    '$id: its starter is a goal the checker accepts, so prefilling it teaches the method',
    (pattern) => {
      const check = checkGoal({ title: pattern.starter, targetDate: null, today: '2025-01-15' });
      expect(check.issues.filter((issue) => issue.severity === 'problem')).toEqual([]);
      expect(pattern.starterItems.length).toBeGreaterThanOrEqual(3);
    },
  );
});
