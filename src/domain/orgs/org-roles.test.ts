import { describe, expect, it } from 'vitest';
import { holdsAtLeast, type RoleChange, roleChangeRefusal } from './org-roles';

describe('organization roles', () => {
  it.each([
    ['owner', 'admin', true],
    ['admin', 'admin', true],
    ['coordinator', 'admin', false],
    ['coordinator', 'coordinator', true],
    ['member', 'coordinator', false],
  ] as const)('%s holds at least %s: %s', (role, needed, expected) => {
    expect(holdsAtLeast(role, needed)).toBe(expected);
  });

  const cases: [string, RoleChange, RegExp | null][] = [
    ['admin adds a coordinator', { actor: 'admin', from: null, to: 'coordinator', ownersLeft: 1 }, null],
    ['admin demotes an admin', { actor: 'admin', from: 'admin', to: 'member', ownersLeft: 1 }, null],
    [
      'coordinator adds a member',
      { actor: 'coordinator', from: null, to: 'member', ownersLeft: 1 },
      /Only owners and admins/,
    ],
    [
      'member removes someone',
      { actor: 'member', from: 'member', to: null, ownersLeft: 1 },
      /Only owners and admins/,
    ],
    ['admin makes an owner', { actor: 'admin', from: 'member', to: 'owner', ownersLeft: 1 }, /Only an owner/],
    ['admin removes an owner', { actor: 'admin', from: 'owner', to: null, ownersLeft: 2 }, /Only an owner/],
    ['owner makes an owner', { actor: 'owner', from: 'admin', to: 'owner', ownersLeft: 1 }, null],
    [
      'last owner steps down',
      { actor: 'owner', from: 'owner', to: 'admin', ownersLeft: 1 },
      /at least one owner/,
    ],
    ['last owner removed', { actor: 'owner', from: 'owner', to: null, ownersLeft: 1 }, /at least one owner/],
    ['one of two owners steps down', { actor: 'owner', from: 'owner', to: 'member', ownersLeft: 2 }, null],
  ];
  it.each(cases)('%s', (_name, change, refusal) => {
    const answer = roleChangeRefusal(change);
    if (refusal === null) expect(answer).toBeNull();
    else expect(answer).toMatch(refusal);
  });
});
