import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { canGuideReadFeedback } from './feedback';

const person = (userId: string): Actor => ({
  userId,
  email: `${userId}@x.test`,
  name: userId,
  timeZone: 'UTC',
});
const guides = (pairs: [string, string][]) => (guide: string, member: string) =>
  pairs.some(([g, m]) => g === guide && m === member);

describe('canGuideReadFeedback (PRODUCT.md §3: feedback is the member’s, shared with the guide only if chosen)', () => {
  const cases: { who: string; shared: boolean; pairs: [string, string][]; expected: boolean }[] = [
    { who: 'member', shared: false, pairs: [], expected: true },
    { who: 'guide', shared: true, pairs: [['guide', 'member']], expected: true },
    { who: 'guide', shared: false, pairs: [['guide', 'member']], expected: false },
    { who: 'guide', shared: true, pairs: [], expected: false },
    { who: 'stranger', shared: true, pairs: [['guide', 'member']], expected: false },
    { who: 'guide', shared: true, pairs: [['member', 'guide']], expected: false },
  ];
  it.each(cases)('$who, shared=$shared → $expected', ({ who, shared, pairs, expected }) => {
    expect(
      canGuideReadFeedback(person(who), { userId: 'member', sharedWithGuide: shared }, guides(pairs)),
    ).toBe(expected);
  });
});
