import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { checkGoal, type GoalIssueCode } from './check-goal';

const today = '2025-01-15';

type Case = { title: string; targetDate?: string; issues: GoalIssueCode[] };

// Issue codes in the order the checker reports them: wording first, then the date.
const cases: Case[] = [
  // Vague learning wishes: no finish line, whatever the date.
  { title: 'get better at strategy', issues: ['vague-learning-wish', 'no-date'] },
  { title: 'Learn growth', issues: ['vague-learning-wish', 'no-date'] },
  { title: 'Understand pricing', issues: ['vague-learning-wish', 'no-date'] },
  { title: 'Improve my communication', issues: ['vague-learning-wish', 'no-date'] },
  { title: 'Be a better leader', issues: ['vague-learning-wish', 'no-date'] },
  { title: 'Be more strategic', issues: ['vague-learning-wish', 'no-date'] },
  { title: 'Get better at stakeholder management by June 30', issues: ['vague-learning-wish'] },
  { title: 'Level up my SQL by April', issues: ['vague-learning-wish'] },
  {
    title: 'Learn how to run discovery interviews',
    targetDate: '2025-05-31',
    issues: ['vague-learning-wish'],
  },
  { title: 'Become a more confident presenter in the next 3 months', issues: ['vague-learning-wish'] },
  { title: 'Develop my executive presence before the reorg', issues: ['vague-learning-wish', 'no-date'] },
  { title: 'Master product analytics within six months', issues: ['vague-learning-wish'] },
  {
    title: 'Strengthen stakeholder management skills this year',
    issues: ['vague-learning-wish', 'horizon-outside-sweet-spot'],
  },
  { title: 'Get more comfortable with pricing conversations', issues: ['vague-learning-wish', 'no-date'] },

  // Something real, but nothing to count or check.
  { title: 'Own the onboarding roadmap', issues: ['no-measurable-result', 'no-date'] },
  { title: 'Improve onboarding by May 31', issues: ['no-measurable-result'] },
  { title: 'Reduce churn by the end of Q3', issues: ['no-measurable-result', 'horizon-outside-sweet-spot'] },
  { title: 'Have better 1:1s with my team by May 31', issues: ['no-measurable-result'] },
  {
    title: 'Make the platform team more autonomous',
    targetDate: '2025-06-15',
    issues: ['no-measurable-result'],
  },
  {
    title: 'Focus on retention for the enterprise segment',
    targetDate: '2025-05-01',
    issues: ['no-measurable-result'],
  },

  // Measurable, but no date anywhere.
  { title: 'Ship enough experiments to lift activation by 10%', issues: ['no-date'] },
  { title: 'Reduce time-to-value from 7 days to 2 days', issues: ['no-date'] },
  { title: 'Run 3 experiments a week on the signup funnel', issues: ['no-date'] },
  { title: 'Get promoted to group product manager', issues: ['no-date'] },

  // Too close: a task, not a growth goal.
  { title: 'Launch the new pricing page by Friday', issues: ['horizon-too-short'] },
  { title: 'Lift trial-to-paid conversion 2 points by the end of this month', issues: ['horizon-too-short'] },
  {
    title: 'Ship the redesign to lift NPS by 5 points',
    targetDate: '2025-02-01',
    issues: ['horizon-too-short'],
  },
  {
    title: 'Publish the Q4 retro write-up for the whole org',
    targetDate: '2024-12-20',
    issues: ['horizon-too-short'],
  },

  // Too far: a direction, not a goal.
  { title: 'Grow weekly active teams from 200 to 500 by 2027', issues: ['horizon-too-long'] },
  { title: 'Become VP of Product in 18 months', issues: ['horizon-too-long'] },
  {
    title: 'Ship the redesign to lift NPS by 5 points',
    targetDate: '2026-06-01',
    issues: ['horizon-too-long'],
  },

  // Measurable and dated, but outside the 3 to 6 month sweet spot: a gentle hint only.
  { title: 'Run 12 customer interviews in the next 8 weeks', issues: ['horizon-outside-sweet-spot'] },
  { title: 'Reduce churn from 4% to 3% in Q3', issues: ['horizon-outside-sweet-spot'] },
  { title: 'Get promoted to group PM by EOY', issues: ['horizon-outside-sweet-spot'] },
  { title: 'Hire two senior PMs', targetDate: '2025-03-01', issues: ['horizon-outside-sweet-spot'] },

  // Too little to go on.
  { title: 'Ship v2', issues: ['too-short-to-judge', 'no-date'] },
  { title: '   ', targetDate: '2025-05-31', issues: ['too-short-to-judge'] },

  // Good goals: an observable action, a measurable result, a date 3 to 6 months out.
  { title: 'Ship enough experiments to lift activation by 10% by June 30', issues: [] },
  {
    title: 'Write and get approval for a three-year product vision that aligns three teams within six months',
    issues: [],
  },
  { title: 'Drive a 5% increase in monetization within 4 months', issues: [] },
  { title: 'Reduce time-to-value from 7 days to 2 days by May 31', issues: [] },
  { title: 'Improve onboarding completion from 40% to 55% by May 31', issues: [] },
  { title: 'Hire two senior PMs by mid-May', issues: [] },
  { title: 'Pass the SOC 2 Type II audit by H1', issues: [] },
  { title: 'Present the Q2 roadmap to the board and get sign-off by 2025-06-30', issues: [] },
  { title: 'Launch self-serve billing for teams', targetDate: '2025-06-01', issues: [] },
  { title: 'Get the CFO to approve the usage-based pricing proposal by the end of April', issues: [] },
  { title: 'Run 3 experiments a week until June 30', issues: [] },
  { title: 'Double the number of activated workspaces in Q2', issues: [] },
];

describe('checkGoal', () => {
  it.each(cases)('"$title" (target $targetDate) → $issues', ({ title, targetDate, issues }) => {
    const check = checkGoal({ title, targetDate: targetDate ?? null, today });
    expect(check.issues.map((issue) => issue.code)).toEqual(issues);
    expect(check.ok).toBe(check.issues.every((issue) => issue.severity === 'hint'));
    for (const issue of check.issues) {
      expect(issue.message.length).toBeGreaterThan(20);
      expect(issue.suggestion.length).toBeGreaterThan(20);
    }
  });

  it('rejects "get better at strategy" with a reason and a strategy rewrite', () => {
    const check = checkGoal({ title: 'get better at strategy', targetDate: null, today });
    expect(check.ok).toBe(false);
    const wish = check.issues.find((issue) => issue.code === 'vague-learning-wish');
    expect(wish?.severity).toBe('problem');
    expect(wish?.message).toContain('"get better at"');
    expect(wish?.message).toMatch(/no finish line/);
    expect(wish?.suggestion).toContain(check.rewritePattern);
    expect(check.rewritePattern).toMatch(/^<Do something observable> so that <measurable result> by <date>$/);
    expect(check.example).toBe(
      'Write and get approval for a 3-year product vision that aligns three teams by May 31',
    );
  });

  it.each([
    { title: 'Understand pricing', example: /pricing experiments/ },
    { title: 'Improve my communication', example: /Present the quarterly product review/ },
    { title: 'Be a better leader', example: /team leads/ },
    { title: 'Learn growth', example: /lift activation/ },
    { title: 'Get better at hiring', example: /Hire two senior PMs/ },
    { title: 'Feel less like an impostor in exec meetings', example: /confidence/ },
  ])('adapts the worked example to the topic of "$title"', ({ title, example }) => {
    expect(checkGoal({ title, targetDate: null, today }).example).toMatch(example);
  });

  it('uses the goal’s own date in the example when it sits in the sweet spot, and a suggested one otherwise', () => {
    expect(checkGoal({ title: 'Learn growth', targetDate: '2025-06-10', today }).example).toMatch(
      /by June 10$/,
    );
    expect(checkGoal({ title: 'Learn growth', targetDate: '2025-02-10', today }).example).toMatch(
      /by May 31$/,
    );
    expect(checkGoal({ title: 'Learn growth', targetDate: null, today: '2025-10-02' }).example).toMatch(
      /by February 28, 2026$/,
    );
  });

  it('reports the date found in the title, and measures the horizon from the target date when both exist', () => {
    const check = checkGoal({ title: 'Lift activation by 10% by June 30', targetDate: '2025-04-15', today });
    expect(check.detectedDate).toBe('2025-06-30');
    expect(check.horizonDays).toBe(90);
    const fromTitle = checkGoal({ title: 'Lift activation by 10% by June 30', targetDate: null, today });
    expect(fromTitle.horizonDays).toBe(166);
    const none = checkGoal({ title: 'Lift activation by 10%', targetDate: null, today });
    expect(none).toMatchObject({ detectedDate: null, horizonDays: null });
  });

  it('does not count the numbers in a date as a measurable result', () => {
    const codes = (title: string) => checkGoal({ title, targetDate: null, today }).issues.map((i) => i.code);
    expect(codes('Own the activation funnel within six months')).toEqual(['no-measurable-result']);
    expect(codes('Own the activation funnel by June 30')).toEqual(['no-measurable-result']);
    expect(codes('Own the activation funnel by Q3 2025')).toEqual([
      'no-measurable-result',
      'horizon-outside-sweet-spot',
    ]);
  });

  it('says a past date has passed rather than that it is close', () => {
    const check = checkGoal({
      title: 'Ship the redesign to lift NPS by 5 points',
      targetDate: '2024-11-01',
      today,
    });
    expect(check.horizonDays).toBe(-75);
    expect(check.issues[0]?.message).toMatch(/already passed/);
  });

  it('takes a different horizon when a program sets one', () => {
    const title = 'Ship the redesign to lift NPS by 5 points';
    const strict = { minMonths: 2, sweetSpotMinMonths: 3, sweetSpotMaxMonths: 4, maxMonths: 5 };
    const codes = (targetDate: string) =>
      checkGoal({ title, targetDate, today }, strict).issues.map((i) => i.code);
    expect(codes('2025-03-01')).toEqual(['horizon-too-short']);
    expect(codes('2025-05-20')).toEqual(['horizon-outside-sweet-spot']);
    expect(codes('2025-07-01')).toEqual(['horizon-too-long']);
  });

  it('rejects a malformed date instead of guessing', () => {
    expect(() => checkGoal({ title: 'Lift activation by 10%', targetDate: '30/06/2025', today })).toThrow(
      RangeError,
    );
    expect(() =>
      checkGoal({ title: 'Lift activation by 10%', targetDate: null, today: 'yesterday' }),
    ).toThrow(RangeError);
  });
});

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const horizonCodes = (title: string, from: string, to: Temporal.PlainDate) =>
  checkGoal({ title, targetDate: to.toString(), today: from })
    .issues.map((issue) => issue.code)
    .filter((code) => code.startsWith('horizon'));

describe('checkGoal, for any day', () => {
  const title = 'Ship enough experiments to lift activation by 10%';

  it('finds nothing to say about the horizon 3 to 6 months out', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 3, max: 6 }), (from, months) => {
        expect(horizonCodes(title, from, Temporal.PlainDate.from(from).add({ months }))).toEqual([]);
      }),
    );
  });

  it('calls a date under a month away too short, and one over a year away too long', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 1, max: 900 }),
        (from, soon, extra) => {
          const start = Temporal.PlainDate.from(from);
          expect(horizonCodes(title, from, start.add({ days: soon }))).toEqual(['horizon-too-short']);
          expect(horizonCodes(title, from, start.add({ months: 12, days: extra }))).toEqual([
            'horizon-too-long',
          ]);
        },
      ),
    );
  });

  it('is ok exactly when no issue is a problem, and horizonDays counts the days to the target', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -400, max: 900 }), (from, offset) => {
        const target = Temporal.PlainDate.from(from).add({ days: offset });
        const check = checkGoal({ title, targetDate: target.toString(), today: from });
        expect(check.horizonDays).toBe(offset);
        expect(check.ok).toBe(!check.issues.some((issue) => issue.severity === 'problem'));
      }),
    );
  });
});
