import { describe, expect, it } from 'vitest';
import { at, iso, people, sessions, simulate } from '../../../test/support/six-month-relationship';
import type { RelationshipRole } from './reminder-facts';

// The script (test/support/six-month-relationship.ts): one weekly, time-framed relationship replayed
// hour by hour for six months, with a sweep every hour and a digest attempt for both people after
// each sweep, as the server runs them.

const run = simulate();
const keysOf = (role: RelationshipRole, kind: string) =>
  [...run.stored[role].values()]
    .filter((reminder) => reminder.kind === kind)
    .map((reminder) => reminder.key)
    .sort();
const firstAt = (role: RelationshipRole, key: string) => {
  const reminder = run.stored[role].get(key);
  return reminder ? iso(reminder.firstAt) : null;
};

describe('six months of one weekly relationship', () => {
  it('reminds both people of every session a day ahead, once each', () => {
    const expected = sessions.map((session) => `session-soon:${session.id}:${iso(session.startsAt)}`).sort();
    expect(keysOf('member', 'session-soon')).toEqual(expected);
    expect(keysOf('guide', 'session-soon')).toEqual(expected);
    expect(firstAt('member', `session-soon:s-2026-01-12:2026-01-12T17:00:00.000Z`)).toBe(
      '2026-01-11T17:00:00.000Z',
    );
  });

  it('flags a missing agenda 48 hours ahead only for the two sessions without one by then', () => {
    expect(keysOf('member', 'agenda-missing')).toEqual([
      'agenda-missing:s-2026-02-02:2026-02-02T17:00:00.000Z',
      'agenda-missing:s-2026-05-18:2026-05-18T17:00:00.000Z',
    ]);
    expect(firstAt('guide', 'agenda-missing:s-2026-02-02:2026-02-02T17:00:00.000Z')).toBe(
      '2026-01-31T17:00:00.000Z',
    );
  });

  it('asks for a next step a day after the two sessions closed without one', () => {
    expect(keysOf('member', 'next-step-missing')).toEqual([
      'next-step-missing:s-2026-02-16',
      'next-step-missing:s-2026-06-01',
    ]);
    expect(firstAt('guide', 'next-step-missing:s-2026-02-16')).toBe('2026-02-17T17:00:00.000Z');
  });

  it('reminds only the owner of an action that was not done a day before it was due', () => {
    expect(keysOf('member', 'action-due')).toEqual(['action-due:a-2026-04-13:2026-04-18T17:00:00.000Z']);
    expect(keysOf('member', 'action-overdue')).toEqual([
      'action-overdue:a-2026-04-13:2026-04-18T17:00:00.000Z',
    ]);
    expect(keysOf('guide', 'action-due')).toEqual(['action-due:a-2026-04-20:2026-04-25T17:00:00.000Z']);
    expect(keysOf('guide', 'action-overdue')).toEqual([]);
  });

  it('writes once when the March silence starts slipping and once when it turns into a risk', () => {
    for (const role of ['member', 'guide'] as const) {
      expect(keysOf(role, 'cadence-slipping')).toEqual(['cadence-slipping:rel-1:s-2026-03-02']);
      expect(keysOf(role, 'cadence-at-risk')).toEqual(['cadence-at-risk:rel-1:s-2026-03-02']);
    }
    expect(firstAt('member', 'cadence-slipping:rel-1:s-2026-03-02')).toBe('2026-03-13T18:00:00.000Z');
    expect(firstAt('member', 'cadence-at-risk:rel-1:s-2026-03-02')).toBe('2026-03-23T18:00:00.000Z');
  });

  it('asks the member alone about a decision after 30 and 90 days, and not yet about a recent one', () => {
    expect(keysOf('member', 'decision-follow-up')).toEqual([
      'decision:d-pricing:30',
      'decision:d-pricing:90',
    ]);
    expect(keysOf('guide', 'decision-follow-up')).toEqual([]);
    expect(firstAt('member', 'decision:d-pricing:30')).toBe('2026-02-05T03:00:00.000Z');
  });

  it('asks each side for the mid-point check-in once, at the halfway mark', () => {
    expect(keysOf('member', 'midpoint-check-in')).toEqual(['midpoint:rel-1:member']);
    expect(keysOf('guide', 'midpoint-check-in')).toEqual(['midpoint:rel-1:guide']);
    expect(firstAt('guide', 'midpoint:rel-1:guide')).toBe('2026-04-05T21:00:00.000Z');
  });

  it('sends nothing beyond these kinds', () => {
    const total = (role: RelationshipRole) => run.stored[role].size;
    // member: 24 sessions + 2 agendas + 2 next steps + 2 action + 2 cadence + 2 decisions + 1 midpoint
    expect(total('member')).toBe(sessions.length + 2 + 2 + 2 + 2 + 2 + 1);
    expect(total('guide')).toBe(sessions.length + 2 + 2 + 1 + 2 + 1);
  });

  it('shows the momentum states the script should produce', () => {
    const state = (when: string) => run.momentumAt.get(new Date(when).toISOString());
    expect(state('2026-01-08T12:00:00Z')?.state).toBe('on-track');
    expect(state('2026-02-18T12:00:00Z')?.reasons.map((r) => r.code)).toEqual(['next-step-missing']);
    expect(state('2026-03-14T12:00:00Z')?.reasons.map((r) => r.code)).toEqual(['cadence-missed']);
    expect(state('2026-03-25T12:00:00Z')?.state).toBe('at-risk');
    expect(state('2026-04-19T12:00:00Z')?.reasons.map((r) => r.code)).toContain('actions-overdue');
    expect(state('2026-05-13T12:00:00Z')?.state).toBe('on-track');
    expect(state('2026-06-24T12:00:00Z')?.state).toBe('on-track');
  });

  it('holds the daily digest: one email a day at most, in waking hours, nothing mailed twice', () => {
    for (const role of ['member', 'guide'] as const) {
      const mine = run.digests.filter((digest) => digest.role === role);
      const days = mine.map((digest) => digest.day);
      expect(new Set(days).size).toBe(days.length);
      for (const digest of mine) {
        const hour = Number(
          new Intl.DateTimeFormat('en-GB', {
            hour: '2-digit',
            hourCycle: 'h23',
            timeZone: people[role].timeZone,
          }).format(digest.at),
        );
        expect(hour).toBeGreaterThanOrEqual(7);
        expect(hour).toBeLessThan(21);
      }
      const mailedKeys = mine.flatMap((digest) => digest.settledKeys);
      expect(new Set(mailedKeys).size).toBe(mailedKeys.length);
      expect([...run.stored[role].values()].every((reminder) => reminder.digested)).toBe(true);
    }
  });

  it('gathers what arrived overnight into the morning digest', () => {
    // The member's mid-point (23:00 in Berlin) and the 90-day decision question (05:00) both arrive
    // at night and leave together at 07:00.
    const morning = run.digests.find((d) => d.role === 'member' && d.day === '2026-04-06');
    expect(morning?.at).toBe(at('2026-04-06T05:00:00Z'));
    expect(morning?.settledKeys.sort()).toEqual(['decision:d-pricing:90', 'midpoint:rel-1:member']);
    expect(morning?.subject).toBe('Corner: 2 things for today');
    const member = run.digests.filter((d) => d.role === 'member');
    expect(member.length).toBeLessThan(run.stored.member.size);
  });

  it('holds a reminder that arrives after the day’s digest until the next morning', () => {
    // The guide's session reminder went out at 13:00 in New York; the mid-point at 17:00 waits.
    const guide = run.digests.filter((d) => d.role === 'guide');
    const sessionDay = guide.find((d) =>
      d.settledKeys.includes('session-soon:s-2026-04-06:2026-04-06T17:00:00.000Z'),
    );
    expect(sessionDay?.day).toBe('2026-04-05');
    const midpointDay = guide.find((d) => d.settledKeys.includes('midpoint:rel-1:guide'));
    expect(midpointDay?.day).toBe('2026-04-06');
    expect(midpointDay?.at).toBe(at('2026-04-06T11:00:00Z'));
  });

  it('mails every session reminder before its session starts', () => {
    for (const digest of run.digests) {
      for (const key of digest.settledKeys) {
        const reminder = run.stored[digest.role].get(key);
        if (reminder?.kind === 'session-soon' && reminder.expiresAt) {
          expect(digest.at).toBeLessThan(Date.parse(reminder.expiresAt));
          expect(digest.text).toContain(reminder.text);
        }
      }
    }
  });
});
