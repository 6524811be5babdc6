import { describe, expect, it } from 'vitest';
import { computeMomentum } from '../momentum/compute-momentum';
import { buildDigest, type Digest, localDay, type PendingReminder } from './build-digest';
import { dueReminders } from './due-reminders';
import type { RelationshipRole, Reminder, ReminderFacts } from './reminder-facts';

// One weekly, time-framed relationship replayed hour by hour for six months (5 Jan – 5 Jul 2026),
// with a sweep every hour and a digest attempt for both people after each sweep, exactly as the
// server runs them. The member lives in Berlin, the guide in New York.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

const START = '2026-01-05T09:00:00.000Z';
const END = '2026-07-05T09:00:00.000Z';
const people: Record<RelationshipRole, { name: string; email: string; timeZone: string }> = {
  member: { name: 'Max Member', email: 'max@example.test', timeZone: 'Europe/Berlin' },
  guide: { name: 'Gia Guide', email: 'gia@example.test', timeZone: 'America/New_York' },
};

type ScriptedSession = {
  id: string;
  startsAt: number;
  bookedAt: number;
  agendaAt: number | null;
  nextStepAt: number | null;
};

// Weekly on Mondays at 17:00 UTC, each booked right after the previous one. March is lost: nothing
// after 2 March until the pair books 6 April on 27 March.
const mondays: string[] = [];
for (let day = at('2026-01-12T17:00:00Z'); day <= at('2026-06-29T17:00:00Z'); day += 7 * DAY) {
  const date = iso(day).slice(0, 10);
  if (date < '2026-03-09' || date > '2026-03-30') mondays.push(date);
}
const lateAgenda: Record<string, number | null> = { '2026-02-02': 30, '2026-05-18': null };
const lateNextStep: Record<string, number> = { '2026-02-16': 50, '2026-06-01': 30 };
const sessions: ScriptedSession[] = mondays.map((date, index) => {
  const startsAt = at(`${date}T17:00:00Z`);
  const previous = mondays[index - 1];
  const hoursBefore = date in lateAgenda ? lateAgenda[date] : 72;
  return {
    id: `s-${date}`,
    startsAt,
    bookedAt:
      date === '2026-04-06'
        ? at('2026-03-27T12:00:00Z')
        : previous
          ? at(`${previous}T18:00:00Z`)
          : at(START) + HOUR,
    agendaAt: hoursBefore === null || hoursBefore === undefined ? null : startsAt - hoursBefore * HOUR,
    nextStepAt: startsAt + (lateNextStep[date] ?? 1) * HOUR,
  };
});

type ScriptedAction = {
  id: string;
  owner: RelationshipRole;
  createdAt: number;
  dueAt: number;
  doneAt: number;
};
const actions: ScriptedAction[] = sessions.map((session) => {
  const dueAt = session.startsAt + 5 * DAY;
  const date = session.id.slice(2);
  if (date === '2026-04-13')
    return {
      id: `a-${date}`,
      owner: 'member',
      createdAt: session.startsAt + HOUR,
      dueAt,
      doneAt: dueAt + 2 * DAY,
    };
  if (date === '2026-04-20')
    return {
      id: `a-${date}`,
      owner: 'guide',
      createdAt: session.startsAt + HOUR,
      dueAt,
      doneAt: dueAt - 12 * HOUR,
    };
  return {
    id: `a-${date}`,
    owner: 'member',
    createdAt: session.startsAt + HOUR,
    dueAt,
    doneAt: session.startsAt + 3 * DAY,
  };
});

const decisions = [
  {
    id: 'd-pricing',
    title: 'Move to usage pricing',
    createdAt: at('2026-01-06T03:00:00Z'),
    answers: { 30: at('2026-02-21T08:00:00Z'), 90: at('2026-04-25T08:00:00Z') },
  },
  { id: 'd-hire', title: 'Hire a PM', createdAt: at('2026-06-20T10:00:00Z'), answers: {} },
];
const midpointDone: Record<RelationshipRole, number> = {
  member: at('2026-04-07T10:00:00Z'),
  guide: at('2026-04-10T15:00:00Z'),
};

function factsAt(now: number): ReminderFacts {
  const held = sessions.filter((session) => session.startsAt <= now);
  const last = held.at(-1);
  return {
    relationshipId: 'rel-1',
    cadence: 'weekly',
    framing: 'time-framed',
    startedAt: START,
    plannedEndAt: END,
    heldSessions: held.map((session) => iso(session.startsAt)),
    upcomingSessions: sessions
      .filter((session) => session.bookedAt <= now && session.startsAt > now)
      .map((session) => ({
        id: session.id,
        startsAt: iso(session.startsAt),
        agendaSet: session.agendaAt !== null && session.agendaAt <= now,
      })),
    lastHeldSession: last ? { id: last.id, startsAt: iso(last.startsAt) } : null,
    lastHeldSessionHasNextStep: last ? last.nextStepAt !== null && last.nextStepAt <= now : false,
    actions: actions
      .filter((action) => action.createdAt <= now)
      .map((action) => ({
        id: action.id,
        title: `Action ${action.id}`,
        owner: action.owner,
        dueAt: iso(action.dueAt),
        status: action.doneAt <= now ? 'done' : 'open',
      })),
    pulses: held.flatMap((session) => [
      { at: iso(session.startsAt + HOUR), score: 4 },
      { at: iso(session.startsAt + HOUR), score: 5 },
    ]),
    decisions: decisions
      .filter((decision) => decision.createdAt <= now)
      .map((decision) => ({
        id: decision.id,
        title: decision.title,
        createdAt: iso(decision.createdAt),
        answered: Object.entries(decision.answers)
          .filter(([, when]) => when <= now)
          .map(([days]) => Number(days)),
      })),
    midpointCheckIn: { member: midpointDone.member <= now, guide: midpointDone.guide <= now },
  };
}

type Stored = PendingReminder & { firstAt: number; digested: boolean };
type SentDigest = Digest & { role: RelationshipRole; at: number };

// Runs the whole six months once; the tests below read what happened.
function simulate() {
  const stored: Record<RelationshipRole, Map<string, Stored>> = { member: new Map(), guide: new Map() };
  const digests: SentDigest[] = [];
  const momentumAt = new Map<string, ReturnType<typeof computeMomentum>>();
  for (let now = at(START); now <= at(END); now += HOUR) {
    const facts = factsAt(now);
    momentumAt.set(iso(now), computeMomentum(facts, iso(now)));
    for (const reminder of dueReminders(facts, iso(now))) {
      for (const role of reminder.audience) {
        if (stored[role].has(reminder.key)) continue;
        stored[role].set(reminder.key, { ...toPending(reminder, now), firstAt: now, digested: false });
      }
    }
    for (const role of ['member', 'guide'] as const) {
      const today = localDay(iso(now), people[role].timeZone);
      const sentToday = digests.some((digest) => digest.role === role && digest.day === today);
      const pending = [...stored[role].values()].filter((reminder) => !reminder.digested);
      if (pending.length === 0) continue;
      const digest = buildDigest(people[role], pending, sentToday, {
        now: iso(now),
        baseUrl: 'https://corner.test',
      });
      if (!digest) continue;
      digests.push({ ...digest, role, at: now });
      for (const key of digest.settledKeys) {
        const reminder = stored[role].get(key);
        if (reminder) reminder.digested = true;
      }
    }
  }
  return { stored, digests, momentumAt };
}

const toPending = (reminder: Reminder, now: number): PendingReminder => ({
  key: reminder.key,
  kind: reminder.kind,
  text: reminder.text,
  link: reminder.link,
  createdAt: iso(now),
  expiresAt: reminder.expiresAt,
});

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
