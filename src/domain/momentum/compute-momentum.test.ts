import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cadences, relationshipFramings } from '../agreements/vocabulary';
import {
  type ActionStatus,
  computeMomentum,
  type MomentumState,
  type RelationshipFacts,
} from './compute-momentum';

const NOW = '2025-06-15T12:00:00Z';
const nowMs = Date.parse(NOW);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** An instant `days` before NOW (fractions allowed). */
const ago = (days: number): string => new Date(nowMs - days * DAY).toISOString();
const ahead = (hours: number): string => new Date(nowMs + hours * HOUR).toISOString();

const base: RelationshipFacts = {
  cadence: 'weekly',
  framing: 'time-framed',
  startedAt: ago(120),
  heldSessions: [ago(2), ago(9), ago(16), ago(23), ago(30.5)],
  upcomingSessions: [{ startsAt: ahead(24 * 5), agendaSet: false }],
  lastHeldSessionHasNextStep: true,
  actions: [{ dueAt: ago(3), status: 'done' }],
  pulses: [
    { at: ago(16), score: 4 },
    { at: ago(16), score: 4 },
    { at: ago(9), score: 4 },
    { at: ago(9), score: 5 },
    { at: ago(2), score: 4 },
    { at: ago(2), score: 4 },
  ],
};

type Case = {
  name: string;
  facts: Partial<RelationshipFacts>;
  state: MomentumState;
  codes: string[];
};

const cases: Case[] = [
  { name: 'a steady weekly relationship', facts: {}, state: 'on-track', codes: [] },
  {
    name: 'weekly, ten days since the last session is within tolerance',
    facts: { startedAt: ago(25), heldSessions: [ago(10), ago(17), ago(24)] },
    state: 'on-track',
    codes: [],
  },
  {
    name: 'weekly, twelve days since the last session',
    facts: { heldSessions: [ago(12), ago(19), ago(26)] },
    state: 'slipping',
    codes: ['cadence-missed'],
  },
  {
    name: 'weekly, no session in 22 days',
    facts: { heldSessions: [ago(22), ago(29)] },
    state: 'at-risk',
    codes: ['no-recent-session'],
  },
  {
    name: 'weekly, exactly 21 days is not yet "more than 21"',
    facts: { heldSessions: [ago(21), ago(28)] },
    state: 'slipping',
    codes: ['cadence-missed'],
  },
  {
    name: 'weekly, a week skipped earlier in the window',
    facts: { heldSessions: [ago(2), ago(9), ago(23), ago(30)] },
    state: 'slipping',
    codes: ['cadence-missed'],
  },
  {
    name: 'weekly, a skipped week that ended before the window no longer counts',
    facts: { heldSessions: [ago(2), ago(9), ago(16), ago(23), ago(31), ago(45)] },
    state: 'on-track',
    codes: [],
  },
  {
    name: 'biweekly, fifteen days since the last session',
    facts: { cadence: 'biweekly', startedAt: ago(30), heldSessions: [ago(15), ago(29)] },
    state: 'on-track',
    codes: [],
  },
  {
    name: 'biweekly, nineteen days since the last session',
    facts: { cadence: 'biweekly', heldSessions: [ago(19), ago(33)] },
    state: 'slipping',
    codes: ['cadence-missed'],
  },
  {
    name: 'biweekly, no session in 22 days',
    facts: { cadence: 'biweekly', heldSessions: [ago(22), ago(36)] },
    state: 'at-risk',
    codes: ['no-recent-session'],
  },
  {
    name: 'monthly, 35 days since the last session',
    facts: { cadence: 'monthly', heldSessions: [ago(35), ago(65)] },
    state: 'on-track',
    codes: [],
  },
  {
    name: 'monthly, 40 days since the last session',
    facts: { cadence: 'monthly', heldSessions: [ago(40), ago(70)] },
    state: 'slipping',
    codes: ['cadence-missed'],
  },
  {
    name: 'monthly, 46 days since the last session',
    facts: { cadence: 'monthly', heldSessions: [ago(46), ago(76)] },
    state: 'at-risk',
    codes: ['no-recent-session'],
  },
  {
    name: 'monthly, 25 days without a session is normal for monthly',
    facts: { cadence: 'monthly', startedAt: ago(26), heldSessions: [ago(25)] },
    state: 'on-track',
    codes: [],
  },
  {
    name: 'new relationship in its grace period with no session yet',
    facts: { startedAt: ago(5), heldSessions: [], actions: [], pulses: [] },
    state: 'on-track',
    codes: [],
  },
  {
    name: 'weekly relationship 16 days old without a first session',
    facts: { startedAt: ago(16), heldSessions: [], actions: [], pulses: [] },
    state: 'slipping',
    codes: ['no-first-session'],
  },
  {
    name: 'weekly relationship 25 days old without a first session',
    facts: { startedAt: ago(25), heldSessions: [], actions: [], pulses: [] },
    state: 'at-risk',
    codes: ['no-first-session'],
  },
  {
    name: 'monthly relationship 30 days old without a first session',
    facts: { cadence: 'monthly', startedAt: ago(30), heldSessions: [], actions: [], pulses: [] },
    state: 'on-track',
    codes: [],
  },
  {
    name: 'the first session came late but the grace covers it',
    facts: { startedAt: ago(20), heldSessions: [ago(1), ago(8)] },
    state: 'on-track',
    codes: [],
  },
  {
    name: 'the first session came three weeks after the start',
    facts: { startedAt: ago(27), heldSessions: [ago(6)] },
    state: 'slipping',
    codes: ['cadence-missed'],
  },
  {
    name: 'last session closed without a next step',
    facts: { lastHeldSessionHasNextStep: false },
    state: 'slipping',
    codes: ['next-step-missing'],
  },
  {
    name: 'a session within 48 hours has no agenda',
    facts: { upcomingSessions: [{ startsAt: ahead(30), agendaSet: false }] },
    state: 'slipping',
    codes: ['agenda-missing'],
  },
  {
    name: 'a session within 48 hours with an agenda',
    facts: { upcomingSessions: [{ startsAt: ahead(30), agendaSet: true }] },
    state: 'on-track',
    codes: [],
  },
  {
    name: 'a session three days away has no agenda yet',
    facts: { upcomingSessions: [{ startsAt: ahead(72), agendaSet: false }] },
    state: 'on-track',
    codes: [],
  },
  {
    name: 'one overdue action',
    facts: { actions: [{ dueAt: ago(1), status: 'open' }] },
    state: 'slipping',
    codes: ['actions-overdue'],
  },
  {
    name: 'two overdue actions',
    facts: {
      actions: [
        { dueAt: ago(1), status: 'open' },
        { dueAt: ago(8), status: 'open' },
      ],
    },
    state: 'at-risk',
    codes: ['actions-overdue'],
  },
  {
    name: 'past-due actions that are done, renegotiated or dropped',
    facts: {
      actions: (['done', 'renegotiated', 'dropped'] as ActionStatus[]).map((status) => ({
        dueAt: ago(5),
        status,
      })),
    },
    state: 'on-track',
    codes: [],
  },
  {
    name: 'open actions due later or without a due date',
    facts: {
      actions: [
        { dueAt: ahead(5), status: 'open' },
        { dueAt: null, status: 'open' },
      ],
    },
    state: 'on-track',
    codes: [],
  },
  {
    name: 'falling pulse',
    facts: {
      pulses: [5, 5, 4, 3, 3, 2].map((score, index) => ({ at: ago(30 - index * 5), score })),
    },
    state: 'at-risk',
    codes: ['pulse-falling'],
  },
  {
    name: 'ad-hoc relationship that has not met for two months',
    facts: { framing: 'ad-hoc', heldSessions: [ago(60)] },
    state: 'on-track',
    codes: [],
  },
  {
    name: 'several problems: at-risk reasons come first',
    facts: {
      heldSessions: [ago(25)],
      lastHeldSessionHasNextStep: false,
      actions: [
        { dueAt: ago(1), status: 'open' },
        { dueAt: ago(2), status: 'open' },
      ],
    },
    state: 'at-risk',
    codes: ['no-recent-session', 'actions-overdue', 'next-step-missing'],
  },
];

describe('computeMomentum: states', () => {
  it.each(cases)('$name → $state', ({ facts, state, codes }) => {
    const momentum = computeMomentum({ ...base, ...facts }, NOW);
    expect(momentum.state).toBe(state);
    expect(momentum.reasons.map((reason) => reason.code)).toEqual(codes);
    for (const reason of momentum.reasons) expect(reason.message.length).toBeGreaterThan(20);
  });
});

describe('computeMomentum: metrics', () => {
  it('reports the steady relationship', () => {
    expect(computeMomentum(base, NOW).metrics).toEqual({
      sessionsLast30Days: 4,
      expectedSessionsPer30Days: 4,
      daysSinceLastSession: 2,
      overdueActions: 0,
      nextStepMissing: false,
      agendaMissing: false,
      pulseTrend: 'steady',
    });
  });

  it.each([
    { cadence: 'weekly' as const, framing: 'time-framed' as const, expected: 4 },
    { cadence: 'biweekly' as const, framing: 'goal-oriented' as const, expected: 2 },
    { cadence: 'monthly' as const, framing: 'time-framed' as const, expected: 1 },
    { cadence: 'weekly' as const, framing: 'ad-hoc' as const, expected: 0 },
  ])('expects $expected sessions per 30 days for $cadence $framing', ({ cadence, framing, expected }) => {
    expect(computeMomentum({ ...base, cadence, framing }, NOW).metrics.expectedSessionsPer30Days).toBe(
      expected,
    );
  });

  it('ignores sessions and pulses dated after now, and accepts any order', () => {
    const momentum = computeMomentum(
      { ...base, heldSessions: [ago(9), ahead(10), ago(2)], pulses: [{ at: ahead(1), score: 1 }] },
      NOW,
    );
    expect(momentum.metrics.sessionsLast30Days).toBe(2);
    expect(momentum.metrics.daysSinceLastSession).toBe(2);
    expect(momentum.metrics.pulseTrend).toBe('unknown');
  });

  it('has no next step to miss and no days since a session before the first one', () => {
    const momentum = computeMomentum(
      { ...base, startedAt: ago(3), heldSessions: [], lastHeldSessionHasNextStep: false },
      NOW,
    );
    expect(momentum.metrics.daysSinceLastSession).toBeNull();
    expect(momentum.metrics.nextStepMissing).toBe(false);
    expect(momentum.state).toBe('on-track');
  });

  it.each([
    { scores: [2, 2, 3, 3, 4, 4], trend: 'rising' },
    { scores: [4, 4, 4, 4, 3, 5], trend: 'steady' },
    { scores: [5, 4, 5, 4, 5, 4], trend: 'steady' },
    { scores: [5, 5, 5, 4, 4, 3], trend: 'falling' },
    { scores: [5, 1, 1], trend: 'unknown' },
    // only the latest scores count: an old low stretch does not make today's ratings "rising"
    { scores: [1, 1, 1, 4, 4, 4, 4, 4, 4], trend: 'steady' },
  ])('pulse $scores → $trend', ({ scores, trend }) => {
    const pulses = scores.map((score, index) => ({ at: ago(60 - index), score }));
    expect(computeMomentum({ ...base, pulses }, NOW).metrics.pulseTrend).toBe(trend);
  });
});

const rank: Record<MomentumState, number> = { 'on-track': 0, slipping: 1, 'at-risk': 2 };

const factsArbitrary: fc.Arbitrary<RelationshipFacts> = fc.record({
  cadence: fc.constantFrom(...cadences),
  framing: fc.constantFrom(...relationshipFramings),
  startedAt: fc.double({ min: 0, max: 400, noNaN: true }).map(ago),
  heldSessions: fc.array(fc.double({ min: -5, max: 400, noNaN: true }).map(ago), { maxLength: 30 }),
  upcomingSessions: fc.array(
    fc.record({ startsAt: fc.integer({ min: 1, max: 24 * 30 }).map(ahead), agendaSet: fc.boolean() }),
    { maxLength: 3 },
  ),
  lastHeldSessionHasNextStep: fc.boolean(),
  actions: fc.array(
    fc.record({
      dueAt: fc.option(fc.integer({ min: -24 * 90, max: 24 * 90 }).map(ahead)),
      status: fc.constantFrom<ActionStatus>('open', 'done', 'renegotiated', 'dropped'),
    }),
    { maxLength: 8 },
  ),
  pulses: fc.array(
    fc.record({
      at: fc.double({ min: 0, max: 200, noNaN: true }).map(ago),
      score: fc.integer({ min: 1, max: 5 }),
    }),
    { maxLength: 12 },
  ),
});

describe('computeMomentum: invariants', () => {
  it('is never on track with two or more overdue actions', () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const momentum = computeMomentum(facts, NOW);
        if (momentum.metrics.overdueActions >= 2) expect(momentum.state).toBe('at-risk');
      }),
    );
  });

  it('is never on track with a next step missing', () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const momentum = computeMomentum(facts, NOW);
        if (momentum.metrics.nextStepMissing) expect(momentum.state).not.toBe('on-track');
      }),
    );
  });

  it('is on track exactly when there is no reason against it', () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const momentum = computeMomentum(facts, NOW);
        expect(momentum.state === 'on-track').toBe(momentum.reasons.length === 0);
      }),
    );
  });

  it('never gets better when an overdue action is added', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.integer({ min: 1, max: 24 * 60 }), (facts, hoursLate) => {
        const before = computeMomentum(facts, NOW);
        const after = computeMomentum(
          { ...facts, actions: [...facts.actions, { dueAt: ahead(-hoursLate), status: 'open' }] },
          NOW,
        );
        expect(after.metrics.overdueActions).toBe(before.metrics.overdueActions + 1);
        expect(rank[after.state]).toBeGreaterThanOrEqual(rank[before.state]);
      }),
    );
  });
});
