import { describe, expect, it } from 'vitest';
import { buildDigest, type PendingReminder } from './build-digest';
import { dueReminders } from './due-reminders';
import type { ReminderFacts } from './reminder-facts';

const base: ReminderFacts = {
  relationshipId: 'r1',
  cadence: 'weekly',
  framing: 'goal-oriented',
  startedAt: '2026-01-01T09:00:00Z',
  plannedEndAt: null,
  heldSessions: ['2026-01-05T17:00:00Z'],
  upcomingSessions: [],
  lastHeldSession: { id: 's1', startsAt: '2026-01-05T17:00:00Z' },
  lastHeldSessionHasNextStep: true,
  actions: [],
  pulses: [],
  decisions: [],
  midpointCheckIn: { member: false, guide: false },
};
const keys = (facts: Partial<ReminderFacts>, now: string) =>
  dueReminders({ ...base, ...facts }, now).map((reminder) => reminder.key);

describe('dueReminders', () => {
  it.each([
    [
      'a session 23 hours away',
      { upcomingSessions: [{ id: 's2', startsAt: '2026-01-12T17:00:00Z', agendaSet: true }] },
      '2026-01-11T18:00:00Z',
      ['session-soon:s2:2026-01-12T17:00:00Z'],
    ],
    [
      'a session 25 hours away',
      { upcomingSessions: [{ id: 's2', startsAt: '2026-01-12T17:00:00Z', agendaSet: true }] },
      '2026-01-11T16:00:00Z',
      [],
    ],
    [
      'no agenda 47 hours ahead',
      { upcomingSessions: [{ id: 's2', startsAt: '2026-01-12T17:00:00Z', agendaSet: false }] },
      '2026-01-10T18:00:00Z',
      ['agenda-missing:s2:2026-01-12T17:00:00Z'],
    ],
    [
      'a session moved to another time is a new occasion',
      { upcomingSessions: [{ id: 's2', startsAt: '2026-01-13T09:00:00Z', agendaSet: true }] },
      '2026-01-12T10:00:00Z',
      ['session-soon:s2:2026-01-13T09:00:00Z'],
    ],
    ['no next step 23 hours after', { lastHeldSessionHasNextStep: false }, '2026-01-06T16:00:00Z', []],
    [
      'no next step 24 hours after',
      { lastHeldSessionHasNextStep: false },
      '2026-01-06T17:00:00Z',
      ['next-step-missing:s1'],
    ],
    [
      'a done action is never due',
      { actions: [{ id: 'a', title: 'x', owner: 'member', dueAt: '2026-01-08T22:59:59Z', status: 'done' }] },
      '2026-01-08T12:00:00Z',
      [],
    ],
    [
      'a renegotiated due date is a new occasion',
      { actions: [{ id: 'a', title: 'x', owner: 'member', dueAt: '2026-01-09T22:59:59Z', status: 'open' }] },
      '2026-01-09T12:00:00Z',
      ['action-due:a:2026-01-09T22:59:59Z'],
    ],
    ['an ad-hoc pair is never nagged about rhythm', { framing: 'ad-hoc' }, '2026-03-01T12:00:00Z', []],
    [
      'a booked next session silences the cadence reminder',
      { upcomingSessions: [{ id: 's2', startsAt: '2026-03-10T17:00:00Z', agendaSet: true }] },
      '2026-01-20T12:00:00Z',
      [],
    ],
    ['a long silence without a booking', {}, '2026-01-20T12:00:00Z', ['cadence-slipping:r1:s1']],
    ['three weeks without a session', {}, '2026-01-27T18:00:00Z', ['cadence-at-risk:r1:s1']],
  ] as const)('%s', (_, facts, now, expected) => {
    expect(keys(facts as Partial<ReminderFacts>, now)).toEqual(expected);
  });

  it('asks only the side that has not done the mid-point check-in, and only between halfway and the end', () => {
    const timeFramed: Partial<ReminderFacts> = {
      framing: 'time-framed',
      plannedEndAt: '2026-07-01T09:00:00Z',
      midpointCheckIn: { member: true, guide: false },
      upcomingSessions: [{ id: 's9', startsAt: '2026-08-01T17:00:00Z', agendaSet: true }],
    };
    expect(keys(timeFramed, '2026-03-31T12:00:00Z')).toEqual([]);
    expect(keys(timeFramed, '2026-04-02T12:00:00Z')).toEqual(['midpoint:r1:guide']);
    expect(keys(timeFramed, '2026-07-02T12:00:00Z')).toEqual([]);
  });
});

const person = { name: 'Max Member', email: 'max@example.test', timeZone: 'Europe/Berlin' };
const pending = (key: string, extra: Partial<PendingReminder> = {}): PendingReminder => ({
  key,
  kind: 'action-due',
  text: `text ${key}`,
  link: `/x/${key}`,
  createdAt: '2026-01-10T08:00:00Z',
  expiresAt: null,
  ...extra,
});
const options = { now: '2026-01-10T09:00:00Z', baseUrl: 'https://corner.test' };

describe('buildDigest', () => {
  it('sends nothing when a digest already went out today', () => {
    expect(buildDigest(person, [pending('a')], true, options)).toBeNull();
  });

  it('waits for waking hours in the person’s own zone', () => {
    expect(
      buildDigest(person, [pending('a')], false, { ...options, now: '2026-01-10T05:30:00Z' }),
    ).toBeNull();
    expect(buildDigest(person, [pending('a')], false, { ...options, now: '2026-01-10T06:00:00Z' })?.day).toBe(
      '2026-01-10',
    );
    expect(
      buildDigest(person, [pending('a')], false, { ...options, now: '2026-01-10T20:00:00Z' }),
    ).toBeNull();
  });

  it('leaves out expired reminders but settles them, and links into the app', () => {
    const digest = buildDigest(
      person,
      [pending('old', { kind: 'session-soon', expiresAt: '2026-01-10T08:30:00Z' }), pending('a')],
      false,
      options,
    );
    expect(digest?.text).toContain('text a\n  https://corner.test/x/a');
    expect(digest?.text).not.toContain('text old');
    expect(digest?.settledKeys.sort()).toEqual(['a', 'old']);
    expect(digest?.subject).toBe('Corner: one thing for today');
  });

  it('sends nothing when everything pending has expired', () => {
    expect(
      buildDigest(person, [pending('old', { expiresAt: '2026-01-10T08:30:00Z' })], false, options),
    ).toBeNull();
  });

  it('caps a long digest and points to the rest in the app', () => {
    const many = Array.from({ length: 15 }, (_, index) => pending(`k${index}`));
    const digest = buildDigest(person, many, false, options);
    expect(digest?.text).toContain('…and 3 more in Corner');
    expect(digest?.settledKeys).toHaveLength(15);
  });

  it('puts sessions before actions and decisions', () => {
    const digest = buildDigest(
      person,
      [
        pending('d', { kind: 'decision-follow-up' }),
        pending('s', { kind: 'session-soon', expiresAt: '2026-01-11T08:00:00Z' }),
      ],
      false,
      options,
    );
    expect(digest?.text.indexOf('text s')).toBeLessThan(digest?.text.indexOf('text d') ?? 0);
  });
});
