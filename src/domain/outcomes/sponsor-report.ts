import { type Effect, NOT_RANDOMISED } from './effect';
import type { Funnel, FunnelStage } from './funnel';
import type { GoalAttainment } from './goal-attainment';
import type { Guarded } from './suppress';

/** The outcomes answer, as the sponsor report needs it (the server's Outcomes type fits this shape). */
export type SponsorInput = {
  funnel: Funnel;
  pulse: {
    month: string;
    people: Guarded<number>;
    relationship: Guarded<number>;
    progress: Guarded<number>;
    recommendShare: Guarded<number>;
  }[];
  goalAttainment: GoalAttainment;
  effect: {
    randomised: boolean;
    label: string | null;
    measures: { measure: string; effect: Effect | null; reason: string | null }[];
  };
  /** The before/after 360: members with ratings in both rounds and their mean change (1–5 scale). */
  change360?: { members: Guarded<number>; meanChange: Guarded<number> };
};

export const sponsorLevels = ['reaction', 'learning', 'behaviour', 'results'] as const;
export type SponsorLevel = (typeof sponsorLevels)[number];

/**
 * One figure of the report: `number` is the figure as the outcomes answer has it (shares in percent),
 * null when withheld or missing; `value` and `n` are what a reader sees ("fewer than 5" when withheld).
 */
export type SponsorFigure = {
  measure: string;
  number: number | null;
  value: string;
  n: string;
  note: string;
};

export type SponsorSection = {
  level: SponsorLevel;
  title: string;
  question: string;
  sentences: string[];
  figures: SponsorFigure[];
};

export type SponsorReport = {
  sections: SponsorSection[];
  /** Chart data: withheld bars are null (drawn as "fewer than 5", never as zero). */
  charts: {
    funnel: { label: string; count: number | null }[];
    pulse: { month: string; relationship: number; progress: number }[];
    goals: { label: string; count: number | null }[];
    effects: { measure: string; difference: number; low: number; high: number; unit: string }[];
  };
};

export const levelTitles: Record<SponsorLevel, { title: string; question: string }> = {
  reaction: { title: 'Reaction', question: 'How do people find it?' },
  learning: { title: 'Learning', question: 'Are people moving towards their goals?' },
  behaviour: { title: 'Behaviour', question: 'Do pairs meet and keep going?' },
  results: { title: 'Results', question: 'What changed for matched people?' },
};

export const stageLabels: Record<FunnelStage, string> = {
  applied: 'Applied',
  matched: 'Matched',
  'first-session': 'Had a first session',
  'active-day-30': 'Active at day 30',
  'active-day-90': 'Active at day 90',
  completed: 'Completed',
  'ended-early': 'Ended early',
};

const WITHHELD_NOTE = 'withheld: too few people to show without pointing at someone';
const numberOf = (g: Guarded<number>) => (g.suppressed ? null : g.value);
const text = (g: Guarded<number>, format: (n: number) => string = String) =>
  g.suppressed ? g.label : format(g.value);
const percent = (share: number) => Math.round(share * 1000) / 10;
const percentText = (g: Guarded<number>) => text(g, (s) => `${percent(s)}%`);

function figure(measure: string, g: Guarded<number>, n: Guarded<number>, note: string, asShare = false) {
  const number = g.suppressed ? null : asShare ? percent(g.value) : g.value;
  return {
    measure,
    number,
    value: asShare ? percentText(g) : text(g),
    n: text(n),
    note: g.suppressed ? WITHHELD_NOTE : note,
  };
}

// Built only from the outcomes answer, so every figure is an aggregate that already passed the
// "fewer than 5" guard; nothing here can reach a person's own answers.
export function buildSponsorReport(o: SponsorInput): SponsorReport {
  return {
    sections: [reaction(o), learning(o), behaviour(o), results(o)],
    charts: {
      funnel: o.funnel.stages.map((s) => ({ label: stageLabels[s.stage], count: numberOf(s.count) })),
      pulse: o.pulse.flatMap((p) =>
        p.relationship.suppressed || p.progress.suppressed
          ? []
          : [{ month: p.month, relationship: p.relationship.value, progress: p.progress.value }],
      ),
      goals: [
        { label: 'Goal met', count: numberOf(o.goalAttainment.goalMet.yes) },
        { label: 'Partly met', count: numberOf(o.goalAttainment.goalMet.partly) },
        { label: 'Not met', count: numberOf(o.goalAttainment.goalMet.no) },
      ],
      effects: o.effect.measures.flatMap((m) =>
        m.effect
          ? [{ measure: m.measure, ...interval(m.effect), unit: isPoints(m.effect) ? 'points' : '' }]
          : [],
      ),
    },
  };
}

const interval = (e: Effect) => ({ difference: e.difference, low: e.low, high: e.high });
const isPoints = (e: Effect) => /points?,/.test(e.sentence);

function reaction(o: SponsorInput): SponsorSection {
  const figures = o.pulse.flatMap((p) => [
    figure(`How it is going (1–5), ${p.month}`, p.relationship, p.people, 'average pulse answer'),
    figure(`Progress to the goal (1–5), ${p.month}`, p.progress, p.people, 'average pulse answer'),
    figure(`Would recommend (%), ${p.month}`, p.recommendShare, p.people, 'share answering yes', true),
  ]);
  const latest = [...o.pulse].reverse().find((p) => !p.people.suppressed);
  const sentences = latest
    ? [
        `In ${latest.month}, ${text(latest.people)} people answered the pulse: how it is going averaged ` +
          `${text(latest.relationship)} of 5, and ${percentText(latest.recommendShare)} would recommend it.`,
      ]
    : ['No month has pulse answers from 5 or more people yet.'];
  return { level: 'reaction', ...levelTitles.reaction, sentences, figures };
}

function learning(o: SponsorInput): SponsorSection {
  const g = o.goalAttainment;
  const answered = sumGuarded([g.goalMet.yes, g.goalMet.partly, g.goalMet.no]);
  const figures = [
    figure('Members with progress check-ins', g.withProgressData, g.withProgressData, 'two or more'),
    figure('Signs of progress improved (%)', g.improvedShare, g.withProgressData, 'latest above first', true),
    figure('Average change in signs (1–10)', g.averageChange, g.withProgressData, 'first to latest check-in'),
    figure('Goal met', g.goalMet.yes, g.goalMet.yes, 'closing retrospective'),
    figure('Goal partly met', g.goalMet.partly, g.goalMet.partly, 'closing retrospective'),
    figure('Goal not met', g.goalMet.no, g.goalMet.no, 'closing retrospective'),
    figure('Goal met or partly met (%)', g.metShare, answered, 'of answered retrospectives', true),
    ...(o.change360
      ? [
          figure(
            '360 rating change (1–5)',
            o.change360.meanChange,
            o.change360.members,
            'same givers, same questions, start to end',
          ),
        ]
      : []),
  ];
  const sentences = [
    g.improvedShare.suppressed
      ? 'Fewer than 5 members have two progress check-ins, so progress is not shown yet.'
      : `${percentText(g.improvedShare)} of ${text(g.withProgressData)} members rated their signs of ` +
        'progress higher at their latest check-in than at their first.',
    g.metShare.suppressed
      ? 'Fewer than 5 closing retrospectives answered whether the goal was met.'
      : `${percentText(g.metShare)} of closing retrospectives say the goal was met or partly met.`,
  ];
  if (o.change360 && !o.change360.meanChange.suppressed) {
    const change = o.change360.meanChange.value;
    sentences.push(
      `Asked again at the end, the same givers rated ${text(o.change360.members)} members ` +
        `${change >= 0 ? '+' : ''}${change} points higher on average (1–5 scale) than at the start.`,
    );
  }
  return { level: 'learning', ...levelTitles.learning, sentences, figures };
}

// The people behind "goal met / partly / no" together; withheld when any part is (its size is unknown).
function sumGuarded(parts: Guarded<number>[]): Guarded<number> {
  let total = 0;
  for (const part of parts) {
    if (part.suppressed) return part;
    total += part.value;
  }
  return { suppressed: false, value: total };
}

function behaviour(o: SponsorInput): SponsorSection {
  const count = (stage: FunnelStage) =>
    o.funnel.stages.find((s) => s.stage === stage)?.count ?? { suppressed: true, label: 'unknown' };
  const figures = o.funnel.stages.map((s) =>
    figure(stageLabels[s.stage], s.count, s.count, 'people at this stage'),
  );
  const sentences = [
    `${text(count('applied'))} people applied and ${text(count('matched'))} were matched; ` +
      `${text(count('first-session'))} had a first session.`,
    `${text(count('active-day-30'))} were still active at day 30 and ${text(count('active-day-90'))} ` +
      'at day 90.',
    `${text(count('completed'))} completed; ${text(count('ended-early'))} ended early.`,
  ];
  return { level: 'behaviour', ...levelTitles.behaviour, sentences: sentences.map(capitalise), figures };
}

function results(o: SponsorInput): SponsorSection {
  const figures: SponsorFigure[] = o.effect.measures.map((m) =>
    m.effect
      ? {
          measure: `${m.measure}: difference, matched minus not matched`,
          number: m.effect.difference,
          value: String(m.effect.difference),
          n: `${m.effect.matched} matched, ${m.effect.waiting} not matched`,
          note: `${m.effect.sentence}; 95% interval ${m.effect.low} to ${m.effect.high}`,
        }
      : { measure: m.measure, number: null, value: 'not shown', n: '', note: m.reason ?? '' },
  );
  const sentences =
    o.effect.measures.length === 0
      ? ['No outcome columns have been imported yet.']
      : o.effect.measures.map((m) =>
          m.effect
            ? `${m.measure}: matched people differ by ${m.effect.sentence}, with 95% confidence.`
            : `${m.measure}: not shown. ${m.reason ?? ''}`.trim(),
        );
  if (!o.effect.randomised && o.effect.measures.length > 0) {
    sentences.push(
      `There was no lottery, so the comparison is ${NOT_RANDOMISED}: the difference may not be caused ` +
        'by the program.',
    );
  }
  return { level: 'results', ...levelTitles.results, sentences, figures };
}

// A sentence may open with a withheld count ("fewer than 5 completed").
const capitalise = (sentence: string) => sentence.charAt(0).toUpperCase() + sentence.slice(1);
