import { describe, expect, it } from 'vitest';
import { buildSponsorReport, type SponsorInput } from './sponsor-report';
import { guard, guardCount } from './suppress';

const stages = (counts: number[]) =>
  (
    [
      'applied',
      'matched',
      'first-session',
      'active-day-30',
      'active-day-90',
      'completed',
      'ended-early',
    ] as const
  ).map((stage, i) => ({ stage, count: guardCount(counts[i] ?? 0) }));

const base = (overrides: Partial<SponsorInput> = {}): SponsorInput => ({
  funnel: {
    stages: stages([40, 30, 28, 25, 20, 12, 3]),
    timing: { daysToMatch: guard(30, null), daysToFirstSession: guard(28, null) },
    earlyEndings: { total: guardCount(3), reasons: [] },
  },
  pulse: [
    {
      month: '2027-03',
      people: guard(3, 3),
      relationship: guard(3, 4),
      progress: guard(3, 4),
      recommendShare: guard(3, 1),
    },
    {
      month: '2027-04',
      people: guard(24, 24),
      relationship: guard(24, 4.2),
      progress: guard(24, 3.8),
      recommendShare: guard(24, 0.875),
    },
  ],
  goalAttainment: {
    withProgressData: guardCount(20),
    improved: guardCount(15),
    improvedShare: guard(20, 0.75),
    averageChange: guard(20, 1.4),
    goalMet: { yes: guardCount(8), partly: guardCount(4), no: guardCount(2) },
    metShare: guard(14, 12 / 14),
  },
  effect: {
    randomised: true,
    label: null,
    measures: [
      {
        measure: 'promoted at 12 months',
        effect: {
          difference: 13,
          low: 4,
          high: 22,
          matched: 30,
          waiting: 10,
          randomised: true,
          sentence: '+13 points, likely between +4 and +22',
        },
        reason: null,
      },
    ],
  },
  ...overrides,
});

describe('buildSponsorReport', () => {
  it('orders the four levels and says each in plain words', () => {
    const report = buildSponsorReport(base());
    expect(report.sections.map((s) => s.level)).toEqual(['reaction', 'learning', 'behaviour', 'results']);
    const [reaction, learning, behaviour, results] = report.sections;
    expect(reaction?.sentences[0]).toBe(
      'In 2027-04, 24 people answered the pulse: how it is going averaged 4.2 of 5, and 87.5% would recommend it.',
    );
    expect(learning?.sentences[0]).toContain('75% of 20 members');
    expect(behaviour?.sentences[0]).toBe('40 people applied and 30 were matched; 28 had a first session.');
    expect(behaviour?.sentences[2]).toBe('12 completed; fewer than 5 ended early.');
    const fewCompleted = buildSponsorReport(
      base({ funnel: { ...base().funnel, stages: stages([40, 30, 28, 25, 20, 2, 3]) } }),
    );
    expect(fewCompleted.sections[2]?.sentences[2]).toBe('Fewer than 5 completed; fewer than 5 ended early.');
    expect(results?.sentences[0]).toContain('+13 points, likely between +4 and +22');
  });

  it('keeps withheld figures withheld: no bar drawn as zero, no number in the figures', () => {
    const report = buildSponsorReport(base());
    const earlyBar = report.charts.funnel.find((bar) => bar.label === 'Ended early');
    expect(earlyBar?.count).toBeNull();
    const march = report.sections[0]?.figures.find((f) => f.measure.includes('2027-03'));
    expect(march).toMatchObject({ number: null, value: 'fewer than 5' });
    expect(report.charts.pulse.map((p) => p.month)).toEqual(['2027-04']);
    const goals = report.charts.goals.map((g) => g.count);
    expect(goals).toEqual([8, null, null]);
  });

  it('says when the comparison was not randomised, and when nothing was imported', () => {
    const notRandom = buildSponsorReport(
      base({
        effect: { ...base().effect, randomised: false, label: 'not randomised: may reflect who applied' },
      }),
    );
    expect(notRandom.sections[3]?.sentences.at(-1)).toContain('There was no lottery');
    const none = buildSponsorReport(base({ effect: { randomised: false, label: null, measures: [] } }));
    expect(none.sections[3]?.sentences).toEqual(['No outcome columns have been imported yet.']);
  });

  it('adds the before/after 360 to learning when the program has it', () => {
    const report = buildSponsorReport(
      base({ change360: { members: guardCount(6), meanChange: guard(6, 0.8) } }),
    );
    const learning = report.sections[1];
    expect(learning?.figures.find((f) => f.measure.startsWith('360'))).toMatchObject({
      value: '0.8',
      n: '6',
    });
    expect(learning?.sentences.at(-1)).toContain('+0.8 points higher');
  });
});
