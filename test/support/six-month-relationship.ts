import { computeMomentum } from '../../src/domain/momentum/compute-momentum';
import {
  buildDigest,
  type Digest,
  localDay,
  type PendingReminder,
} from '../../src/domain/reminders/build-digest';
import { dueReminders } from '../../src/domain/reminders/due-reminders';
import type { RelationshipRole, Reminder, ReminderFacts } from '../../src/domain/reminders/reminder-facts';

// One weekly, time-framed relationship replayed hour by hour for six months (5 Jan – 5 Jul 2026),
// with a sweep every hour and a digest attempt for both people after each sweep, exactly as the
// server runs them. The member lives in Berlin, the guide in New York.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const at = (iso: string) => Date.parse(iso);
export const iso = (ms: number) => new Date(ms).toISOString();

export const START = '2026-01-05T09:00:00.000Z';
export const END = '2026-07-05T09:00:00.000Z';
export const people: Record<RelationshipRole, { name: string; email: string; timeZone: string }> = {
  member: { name: 'Max Member', email: 'max@example.test', timeZone: 'Europe/Berlin' },
  guide: { name: 'Gia Guide', email: 'gia@example.test', timeZone: 'America/New_York' },
};

export type ScriptedSession = {
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
export const sessions: ScriptedSession[] = mondays.map((date, index) => {
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

export type ScriptedAction = {
  id: string;
  owner: RelationshipRole;
  createdAt: number;
  dueAt: number;
  doneAt: number;
};
export const actions: ScriptedAction[] = sessions.map((session) => {
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

export const decisions = [
  {
    id: 'd-pricing',
    title: 'Move to usage pricing',
    createdAt: at('2026-01-06T03:00:00Z'),
    answers: { 30: at('2026-02-21T08:00:00Z'), 90: at('2026-04-25T08:00:00Z') },
  },
  { id: 'd-hire', title: 'Hire a PM', createdAt: at('2026-06-20T10:00:00Z'), answers: {} },
];
export const midpointDone: Record<RelationshipRole, number> = {
  member: at('2026-04-07T10:00:00Z'),
  guide: at('2026-04-10T15:00:00Z'),
};

export function factsAt(now: number): ReminderFacts {
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

export type Stored = PendingReminder & { firstAt: number; digested: boolean };
export type SentDigest = Digest & { role: RelationshipRole; at: number };

// Runs the whole six months once; the tests below read what happened.
export function simulate() {
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
