import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { canGuideReadFeedback } from './feedback';

const person = (userId: string): Actor => ({
  userId,
  email: `${userId}@x.test`,
  name: userId,
  timeZone: 'UTC',
});
const first = { id: 'r1', memberId: 'member', guideId: 'guide', status: 'active' };

describe('canGuideReadFeedback (PRODUCT.md §3: feedback is the member’s, shared with one relationship’s guide if chosen)', () => {
  const cases: {
    name: string;
    who: string;
    shared: boolean;
    sharedWith: string | null;
    rel: typeof first;
    expected: boolean;
  }[] = [
    {
      name: 'the member, unshared',
      who: 'member',
      shared: false,
      sharedWith: null,
      rel: first,
      expected: true,
    },
    { name: 'the named guide', who: 'guide', shared: true, sharedWith: 'r1', rel: first, expected: true },
    { name: 'guide, unshared', who: 'guide', shared: false, sharedWith: 'r1', rel: first, expected: false },
    {
      name: 'a second guide of the member',
      who: 'guide2',
      shared: true,
      sharedWith: 'r1',
      rel: { ...first, id: 'r2', guideId: 'guide2' },
      expected: false,
    },
    {
      name: 'the guide through another relationship',
      who: 'guide',
      shared: true,
      sharedWith: 'r1',
      rel: { ...first, id: 'r3' },
      expected: false,
    },
    {
      name: 'a proposal not yet accepted',
      who: 'guide',
      shared: true,
      sharedWith: 'r1',
      rel: { ...first, status: 'proposed' },
      expected: false,
    },
    { name: 'a stranger', who: 'stranger', shared: true, sharedWith: 'r1', rel: first, expected: false },
    {
      name: 'roles reversed',
      who: 'guide',
      shared: true,
      sharedWith: 'r1',
      rel: { ...first, memberId: 'guide', guideId: 'member' },
      expected: false,
    },
  ];
  it.each(cases)('$name → $expected', ({ who, shared, sharedWith, rel, expected }) => {
    expect(
      canGuideReadFeedback(
        person(who),
        { userId: 'member', sharedWithGuide: shared, sharedRelationshipId: sharedWith },
        rel,
      ),
    ).toBe(expected);
  });
});
