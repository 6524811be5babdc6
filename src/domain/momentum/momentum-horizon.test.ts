import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cadences, relationshipFramings } from '../agreements/vocabulary';
import { type ActionStatus, computeMomentum, type RelationshipFacts } from './compute-momentum';
import { momentumStableUntil } from './momentum-horizon';

const NOW = '2025-06-15T12:00:00Z';
const nowMs = Date.parse(NOW);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (days: number): string => new Date(nowMs - days * DAY).toISOString();
const ahead = (hours: number): string => new Date(nowMs + hours * HOUR).toISOString();

const steady: RelationshipFacts = {
  cadence: 'weekly',
  framing: 'time-framed',
  startedAt: ago(120),
  heldSessions: [ago(2), ago(9)],
  upcomingSessions: [],
  lastHeldSessionHasNextStep: true,
  actions: [],
  pulses: [],
};

describe('momentumStableUntil', () => {
  const cases: { name: string; facts: Partial<RelationshipFacts>; until: string | null }[] = [
    {
      name: 'the next limit after the last session (weekly: 7 + 4 days)',
      facts: {},
      until: ago(2 - 11),
    },
    {
      name: 'an open action falling due comes first',
      facts: { actions: [{ dueAt: ahead(5), status: 'open' }] },
      until: ahead(5),
    },
    {
      name: 'a done action waits on nothing',
      facts: { actions: [{ dueAt: ahead(5), status: 'done' }] },
      until: ago(2 - 11),
    },
    {
      name: 'a session without agenda matters from 48 hours before it',
      facts: { upcomingSessions: [{ startsAt: ahead(60), agendaSet: false }] },
      until: ahead(12),
    },
    {
      name: 'nothing pending long after the last session',
      facts: { startedAt: ago(400), heldSessions: [ago(300)] },
      until: null,
    },
  ];
  for (const { name, facts, until } of cases) {
    it(name, () => {
      const result = momentumStableUntil({ ...steady, ...facts }, NOW);
      expect(result === null ? null : new Date(result).toISOString()).toBe(until);
    });
  }
});

const factsArbitrary: fc.Arbitrary<RelationshipFacts> = fc.record({
  cadence: fc.constantFrom(...cadences),
  framing: fc.constantFrom(...relationshipFramings),
  startedAt: fc.double({ min: 0, max: 200, noNaN: true }).map(ago),
  heldSessions: fc.array(fc.double({ min: -10, max: 200, noNaN: true }).map(ago), { maxLength: 20 }),
  upcomingSessions: fc.array(
    fc.record({ startsAt: fc.integer({ min: -48, max: 24 * 20 }).map(ahead), agendaSet: fc.boolean() }),
    { maxLength: 3 },
  ),
  lastHeldSessionHasNextStep: fc.boolean(),
  actions: fc.array(
    fc.record({
      dueAt: fc.option(fc.integer({ min: -24 * 30, max: 24 * 60 }).map(ahead)),
      status: fc.constantFrom<ActionStatus>('open', 'done', 'renegotiated', 'dropped'),
    }),
    { maxLength: 6 },
  ),
  pulses: fc.array(
    fc.record({
      at: fc.double({ min: -10, max: 100, noNaN: true }).map(ago),
      score: fc.integer({ min: 1, max: 5 }),
    }),
    { maxLength: 10 },
  ),
});

describe('momentumStableUntil: invariants', () => {
  it('the state and the window count hold from now until the instant it names', () => {
    fc.assert(
      fc.property(
        factsArbitrary,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (facts, f) => {
          const until = momentumStableUntil(facts, NOW);
          const end = until === null ? nowMs + 400 * DAY : Date.parse(until);
          expect(end).toBeGreaterThanOrEqual(nowMs);
          const before = computeMomentum(facts, NOW);
          for (const at of [nowMs + Math.floor((end - nowMs) * f), end - 1]) {
            if (at < nowMs) continue;
            const later = computeMomentum(facts, new Date(at).toISOString());
            expect(later.state).toBe(before.state);
            expect(later.metrics.sessionsLast30Days).toBe(before.metrics.sessionsLast30Days);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
