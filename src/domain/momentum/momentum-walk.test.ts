import { describe, expect, it } from 'vitest';
import { computeMomentum, type MomentumState, type RelationshipFacts } from './compute-momentum';

// Six months of one weekly relationship, replayed week by week: a good start, a dip in how useful
// sessions feel, a month without meeting, a recovery, then a run of overdue actions.

type ScriptedSession = { at: string; nextStep: boolean; agendaSet: boolean; pulses: [number, number] };
type ScriptedAction = { createdAt: string; dueAt: string; doneAt: string };

const DAY = 86_400_000;
const plusDays = (instant: string, days: number): string =>
  new Date(Date.parse(instant) + days * DAY).toISOString();

const session = (
  date: string,
  pulses: [number, number],
  options: { nextStep?: boolean; agendaSet?: boolean } = {},
): ScriptedSession => ({
  at: `${date}T17:00:00.000Z`,
  nextStep: options.nextStep ?? true,
  agendaSet: options.agendaSet ?? true,
  pulses,
});

const sessions: ScriptedSession[] = [
  session('2025-01-13', [5, 5]),
  session('2025-01-20', [5, 5]),
  session('2025-01-27', [5, 5]),
  session('2025-02-03', [5, 5], { agendaSet: false }),
  session('2025-02-10', [5, 5]),
  session('2025-02-17', [5, 5], { nextStep: false }),
  session('2025-02-24', [3, 3]),
  session('2025-03-03', [2, 3]),
  // March 10 – April 7: no sessions.
  ...['2025-04-14', '2025-04-21', '2025-04-28', '2025-05-05', '2025-05-12', '2025-05-19', '2025-05-26']
    .concat(['2025-06-02', '2025-06-09', '2025-06-16', '2025-06-23', '2025-06-30'])
    .map((date) => session(date, [4, 4])),
];

/** Each session leaves one action due five days later, normally done a day before it is due. */
const lateUntil: Record<string, string> = {
  '2025-05-19T17:00:00.000Z': '2025-06-10T12:00:00.000Z',
  '2025-05-26T17:00:00.000Z': '2025-06-10T12:00:00.000Z',
  '2025-06-02T17:00:00.000Z': '2025-06-10T12:00:00.000Z',
};
const actions: ScriptedAction[] = sessions.map((s) => ({
  createdAt: s.at,
  dueAt: plusDays(s.at, 5),
  doneAt: lateUntil[s.at] ?? plusDays(s.at, 4),
}));

const factsAt = (now: string): RelationshipFacts => {
  const t = Date.parse(now);
  const held = sessions.filter((s) => Date.parse(s.at) <= t);
  return {
    cadence: 'weekly',
    framing: 'time-framed',
    startedAt: '2025-01-06T09:00:00.000Z',
    heldSessions: held.map((s) => s.at),
    upcomingSessions: sessions
      .filter((s) => Date.parse(s.at) > t)
      .map((s) => ({ startsAt: s.at, agendaSet: s.agendaSet })),
    lastHeldSessionHasNextStep: held.at(-1)?.nextStep ?? false,
    actions: actions
      .filter((a) => Date.parse(a.createdAt) <= t)
      .map((a) => ({ dueAt: a.dueAt, status: Date.parse(a.doneAt) <= t ? 'done' : 'open' })),
    pulses: held.flatMap((s) => s.pulses.map((score) => ({ at: plusDays(s.at, 0.05), score }))),
  };
};

// Checked every Sunday at noon UTC.
const walk: [string, MomentumState, string[]][] = [
  ['2025-01-12', 'on-track', []], // six days in, no session yet: grace period
  ['2025-01-19', 'on-track', []],
  ['2025-01-26', 'on-track', []],
  ['2025-02-02', 'slipping', ['agenda-missing']], // tomorrow's session has no topic
  ['2025-02-09', 'on-track', []],
  ['2025-02-16', 'on-track', []],
  ['2025-02-23', 'slipping', ['next-step-missing']],
  ['2025-03-02', 'at-risk', ['pulse-falling']], // sessions feel less useful
  ['2025-03-09', 'at-risk', ['pulse-falling']],
  ['2025-03-16', 'at-risk', ['pulse-falling', 'cadence-missed']],
  ['2025-03-23', 'at-risk', ['pulse-falling', 'cadence-missed']],
  ['2025-03-30', 'at-risk', ['no-recent-session', 'pulse-falling']], // 27 days without a session
  ['2025-04-06', 'at-risk', ['no-recent-session', 'pulse-falling']],
  ['2025-04-13', 'at-risk', ['no-recent-session', 'pulse-falling']],
  ['2025-04-20', 'slipping', ['cadence-missed']], // back, but the missed month is still in the window
  ['2025-04-27', 'slipping', ['cadence-missed']],
  ['2025-05-04', 'slipping', ['cadence-missed']],
  ['2025-05-11', 'slipping', ['cadence-missed']],
  ['2025-05-18', 'on-track', []], // the gap has left the 30-day window
  ['2025-05-25', 'slipping', ['actions-overdue']],
  ['2025-06-01', 'at-risk', ['actions-overdue']],
  ['2025-06-08', 'at-risk', ['actions-overdue']],
  ['2025-06-15', 'on-track', []], // overdue actions finished
  ['2025-06-22', 'on-track', []],
  ['2025-06-29', 'on-track', []],
];

describe('computeMomentum over six months of one relationship', () => {
  it.each(walk)('%s → %s %j', (date, state, codes) => {
    const now = `${date}T12:00:00.000Z`;
    const momentum = computeMomentum(factsAt(now), now);
    expect({ state: momentum.state, codes: momentum.reasons.map((r) => r.code) }).toEqual({ state, codes });
  });

  it('tracks the numbers along the way', () => {
    const at = (date: string) => computeMomentum(factsAt(`${date}T12:00:00.000Z`), `${date}T12:00:00.000Z`);
    expect(at('2025-01-12').metrics.daysSinceLastSession).toBeNull();
    expect(at('2025-02-16').metrics).toMatchObject({ sessionsLast30Days: 4, pulseTrend: 'steady' });
    expect(at('2025-04-13').metrics).toMatchObject({ sessionsLast30Days: 0, daysSinceLastSession: 40 });
    expect(at('2025-04-27').metrics.pulseTrend).toBe('rising');
    expect(at('2025-06-08').metrics.overdueActions).toBe(3);
  });
});
