import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ApplicantFacts, computeFunnel, funnelStages, pairOutcome } from './funnel';
import { computeGoalAttainment } from './goal-attainment';
import { spread } from './statistics';
import { guard, guardCount, SUPPRESSED_LABEL } from './suppress';

const NOW = new Date('2027-06-01T00:00:00Z');
const day = (n: number) => Date.parse('2027-01-01T00:00:00Z') + n * 86_400_000;

const pair = (
  over: Partial<NonNullable<ApplicantFacts['pair']>> = {},
): NonNullable<ApplicantFacts['pair']> => ({
  matchedAt: day(10),
  startedAt: day(12),
  firstSessionAt: day(20),
  closedAt: null,
  plannedEndOn: '2027-05-01',
  endReason: null,
  ...over,
});

describe('k-anonymity', () => {
  it.each([
    [0, true],
    [4, true],
    [5, false],
    [120, false],
  ])('a count of %i is suppressed: %s', (count, suppressed) => {
    expect(guardCount(count).suppressed).toBe(suppressed);
  });
  it('says "fewer than 5" instead of the figure', () => {
    expect(guard(3, 4.2)).toEqual({ suppressed: true, label: SUPPRESSED_LABEL });
    expect(SUPPRESSED_LABEL).toBe('fewer than 5');
  });
});

describe('pair outcome', () => {
  it.each([
    ['ongoing', pair(), 'ongoing'],
    ['proposed, never started', pair({ startedAt: null }), 'not-started'],
    ['closed on the planned end', pair({ closedAt: Date.parse('2027-05-01T10:00:00Z') }), 'completed'],
    ['closed before the planned end', pair({ closedAt: day(60) }), 'ended-early'],
    [
      'closed late with a recorded early reason',
      pair({ closedAt: Date.parse('2027-05-02T00:00:00Z'), endReason: 'moved role' }),
      'ended-early',
    ],
  ])('%s', (_, facts, outcome) => {
    expect(pairOutcome(facts)).toBe(outcome);
  });
});

describe('funnel', () => {
  const applicants: ApplicantFacts[] = [
    ...Array.from({ length: 6 }, () => ({ appliedAt: day(0), pair: null })),
    // 10 matched after 10 days; 8 had a first session 8 days after starting.
    ...Array.from({ length: 8 }, (_, i) => ({
      appliedAt: day(0),
      pair: pair({
        closedAt: i < 2 ? day(30) : i < 7 ? null : Date.parse('2027-05-01T12:00:00Z'),
        endReason: i < 2 ? 'schedule' : null,
      }),
    })),
    ...Array.from({ length: 2 }, () => ({ appliedAt: day(0), pair: pair({ firstSessionAt: null }) })),
  ];
  const funnel = computeFunnel(applicants, NOW);
  const count = (stage: string) => funnel.stages.find((s) => s.stage === stage)?.count;

  it('counts each stage, suppressing those under 5', () => {
    expect(funnel.stages.map((s) => s.stage)).toEqual([...funnelStages]);
    expect(count('applied')).toEqual({ suppressed: false, value: 16 });
    expect(count('matched')).toEqual({ suppressed: false, value: 10 });
    expect(count('first-session')).toEqual({ suppressed: false, value: 8 });
    // Two closed on day 18 of the pair (before day 30): 8 active at day 30 and day 90.
    expect(count('active-day-30')).toEqual({ suppressed: false, value: 8 });
    expect(count('active-day-90')).toEqual({ suppressed: false, value: 8 });
    expect(count('completed')?.suppressed).toBe(true);
    expect(count('ended-early')?.suppressed).toBe(true);
    expect(funnel.earlyEndings.reasons).toEqual([
      { reason: 'schedule', count: { suppressed: true, label: SUPPRESSED_LABEL } },
    ]);
  });

  it('gives time to match and to the first session as median and middle half', () => {
    expect(funnel.timing.daysToMatch).toEqual({
      suppressed: false,
      value: { median: 10, p25: 10, p75: 10, count: 10 },
    });
    expect(funnel.timing.daysToFirstSession).toEqual({
      suppressed: false,
      value: { median: 8, p25: 8, p75: 8, count: 8 },
    });
  });

  it('does not count a checkpoint that has not come yet', () => {
    const early = computeFunnel(
      Array.from({ length: 5 }, () => ({ appliedAt: day(0), pair: pair() })),
      new Date(day(12) + 40 * 86_400_000),
    );
    expect(early.stages.find((s) => s.stage === 'active-day-30')?.count).toEqual({
      suppressed: false,
      value: 5,
    });
    expect(early.stages.find((s) => s.stage === 'active-day-90')?.count.suppressed).toBe(true);
  });

  it('property: every stage after "matched" is at most "matched", which is at most "applied"', () => {
    const arbPair = fc.option(
      fc.record({
        matchedAt: fc.integer({ min: 0, max: 100 }).map(day),
        startedAt: fc.option(fc.integer({ min: 0, max: 100 }).map(day)),
        firstSessionAt: fc.option(fc.integer({ min: 0, max: 200 }).map(day)),
        closedAt: fc.option(fc.integer({ min: 0, max: 300 }).map(day)),
        plannedEndOn: fc.constant('2027-05-01'),
        endReason: fc.option(fc.constantFrom('schedule', 'fit')),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ appliedAt: fc.constant(day(0)), pair: arbPair }), { maxLength: 60 }),
        (rows) => {
          const raw = new Map<string, number>();
          const f = computeFunnel(rows, NOW);
          for (const s of f.stages) raw.set(s.stage, s.count.suppressed ? -1 : s.count.value);
          const matched = rows.filter((r) => r.pair).length;
          expect(matched).toBeLessThanOrEqual(rows.length);
          for (const stage of [
            'first-session',
            'active-day-30',
            'active-day-90',
            'completed',
            'ended-early',
          ]) {
            expect(raw.get(stage) ?? 0).toBeLessThanOrEqual(matched);
          }
          for (const s of f.stages) if (!s.count.suppressed) expect(s.count.value).toBeGreaterThanOrEqual(5);
        },
      ),
    );
  });
});

describe('spread', () => {
  it.each([
    [[], null],
    [[4], { median: 4, p25: 4, p75: 4, count: 1 }],
    [[1, 2, 3, 4], { median: 2.5, p25: 1.8, p75: 3.3, count: 4 }],
    [[9, 1, 5], { median: 5, p25: 3, p75: 7, count: 3 }],
  ])('%j', (values, expected) => {
    expect(spread(values)).toEqual(expected);
  });
});

describe('goal attainment', () => {
  it('compares first and latest check-in and counts the retrospectives', () => {
    const members = [
      ...Array.from({ length: 4 }, () => ({ firstCheckIn: 3, latestCheckIn: 7, goalMet: 'yes' as const })),
      { firstCheckIn: 6, latestCheckIn: 5, goalMet: 'no' as const },
      { firstCheckIn: 4, latestCheckIn: null, goalMet: 'yes' as const },
      { firstCheckIn: null, latestCheckIn: null, goalMet: null },
    ];
    const result = computeGoalAttainment(members);
    expect(result.withProgressData).toEqual({ suppressed: false, value: 5 });
    expect(result.improved.suppressed).toBe(true);
    expect(result.improvedShare).toEqual({ suppressed: false, value: 0.8 });
    expect(result.averageChange).toEqual({ suppressed: false, value: 3 });
    expect(result.goalMet.yes).toEqual({ suppressed: false, value: 5 });
    expect(result.goalMet.no.suppressed).toBe(true);
    expect(result.metShare).toEqual({ suppressed: false, value: 0.833 });
  });
  it('suppresses everything for a cohort of four', () => {
    const result = computeGoalAttainment(
      Array.from({ length: 4 }, () => ({ firstCheckIn: 1, latestCheckIn: 9, goalMet: 'yes' as const })),
    );
    expect(
      [result.withProgressData, result.averageChange, result.improvedShare, result.metShare].every(
        (g) => g.suppressed,
      ),
    ).toBe(true);
  });
});
