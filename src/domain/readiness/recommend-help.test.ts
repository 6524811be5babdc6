import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HelpKind } from './help-kinds';
import { type ReadinessAnswers, readinessAnswersSchema } from './readiness-answers';
import { answerLabel, readinessQuestions, readinessScaleLabels } from './readiness-questions';
import { recommendHelp } from './recommend-help';

// Neutral on every statement (3 = "somewhat like me") and the most ordinary context, so each profile below
// states only what makes that person who they are.
const neutral: ReadinessAnswers = {
  knowFrameworks: 3,
  wantPlaybook: 3,
  wantDirectAdvice: 3,
  whoNotWhat: 3,
  stuckDespiteKnowing: 3,
  adviceNotEnough: 3,
  findOwnAnswers: 3,
  newToArea: 3,
  fewPeers: 3,
  learnFromPeers: 3,
  oneNarrowProblem: 3,
  careerStage: 'mid',
  recentTransition: 'none',
  recurringFeedback: 'no',
  internalWork: 'open',
  budget: 'company',
  time: 'regular',
  topic: 'not-sure',
  wellbeing: false,
};

type Profile = {
  name: string;
  answers: Partial<ReadinessAnswers>;
  /** Every kind recommended, in order; the first is the primary. */
  kinds: HelpKind[];
  /** Reasons the first recommendation must cite, by question id. */
  citesFirst?: string[];
};

const profiles: Profile[] = [
  {
    name: 'early-career PM who wants to learn pricing',
    answers: {
      careerStage: 'early',
      wantPlaybook: 5,
      wantDirectAdvice: 4,
      newToArea: 4,
      knowFrameworks: 2,
      topic: 'craft',
    },
    kinds: ['mentor'],
    citesFirst: ['careerStage', 'wantPlaybook', 'topic'],
  },
  {
    name: 'new VP who keeps hearing the same feedback',
    answers: {
      careerStage: 'exec',
      recentTransition: 'new-level',
      recurringFeedback: 'same',
      knowFrameworks: 5,
      whoNotWhat: 4,
      stuckDespiteKnowing: 4,
      internalWork: 'ready',
    },
    kinds: ['coach'],
    citesFirst: ['recurringFeedback', 'recentTransition', 'internalWork'],
  },
  {
    name: 'director ready for inner work but with no budget or access to a coach',
    answers: {
      careerStage: 'lead',
      whoNotWhat: 5,
      stuckDespiteKnowing: 4,
      recurringFeedback: 'same',
      internalWork: 'ready',
      budget: 'free-only',
    },
    kinds: ['self-coaching', 'peer-group'],
    citesFirst: ['budget', 'whoNotWhat'],
  },
  {
    name: 'director ready for inner work but with almost no time',
    answers: {
      careerStage: 'lead',
      whoNotWhat: 5,
      stuckDespiteKnowing: 5,
      internalWork: 'ready',
      time: 'very-little',
    },
    kinds: ['self-coaching', 'peer-group'],
    citesFirst: ['time'],
  },
  {
    name: 'new VP in crisis: professional support first, coaching may follow',
    answers: {
      careerStage: 'exec',
      recentTransition: 'new-level',
      whoNotWhat: 5,
      internalWork: 'ready',
      wellbeing: true,
    },
    kinds: ['professional-support', 'coach'],
    citesFirst: ['wellbeing'],
  },
  {
    name: 'crisis signal with otherwise neutral answers: professional support alone',
    answers: { wellbeing: true },
    kinds: ['professional-support'],
    citesFirst: ['wellbeing'],
  },
  {
    name: 'senior leader with no peers, feeling alone at the top',
    answers: {
      careerStage: 'exec',
      fewPeers: 5,
      learnFromPeers: 4,
      whoNotWhat: 4,
      knowFrameworks: 4,
    },
    kinds: ['peer-group', 'coach'],
    citesFirst: ['fewPeers', 'learnFromPeers', 'careerStage'],
  },
  {
    name: 'PM who needs expert help getting through a SOC 2 audit',
    answers: { topic: 'expert-question', oneNarrowProblem: 5, wantDirectAdvice: 4 },
    kinds: ['advisor'],
    citesFirst: ['topic', 'oneNarrowProblem', 'wantDirectAdvice'],
  },
  {
    name: 'CPO who wants an expert view on a usage-based pricing model',
    answers: { careerStage: 'exec', topic: 'expert-question', oneNarrowProblem: 4, knowFrameworks: 5 },
    kinds: ['advisor'],
    citesFirst: ['topic'],
  },
  {
    name: 'wants tactical advice but signed up for coaching: mentor first, coaching later',
    answers: {
      recentTransition: 'new-level',
      recurringFeedback: 'same',
      wantDirectAdvice: 5,
      wantPlaybook: 4,
      findOwnAnswers: 1,
      internalWork: 'not-now',
    },
    kinds: ['mentor', 'coach'],
    citesFirst: ['internalWork', 'wantDirectAdvice'],
  },
  {
    name: 'wants answers, not inner work, and has no budget: a volunteer mentor and peers, coaching later',
    answers: {
      recurringFeedback: 'same',
      whoNotWhat: 4,
      wantDirectAdvice: 5,
      internalWork: 'not-now',
      budget: 'free-only',
    },
    kinds: ['mentor', 'peer-group', 'coach'],
    citesFirst: ['internalWork'],
  },
  {
    name: 'designer moving into product management',
    answers: {
      careerStage: 'early',
      recentTransition: 'career-change',
      newToArea: 5,
      wantPlaybook: 4,
      topic: 'career',
    },
    kinds: ['mentor'],
    citesFirst: ['newToArea'],
  },
  {
    name: 'PM moved onto a growth team who loves comparing notes',
    answers: {
      recentTransition: 'new-domain',
      newToArea: 5,
      wantPlaybook: 4,
      learnFromPeers: 5,
      fewPeers: 4,
      topic: 'craft',
    },
    kinds: ['mentor', 'peer-group'],
    citesFirst: ['recentTransition'],
  },
  {
    name: 'early-career PM with no budget: a volunteer mentor plus peers',
    answers: { careerStage: 'early', wantPlaybook: 5, newToArea: 5, budget: 'free-only' },
    kinds: ['mentor', 'peer-group'],
  },
  {
    name: 'first-time CPO at a startup, reflective and without peers',
    answers: {
      careerStage: 'exec',
      recentTransition: 'new-level',
      fewPeers: 5,
      whoNotWhat: 5,
      findOwnAnswers: 5,
      internalWork: 'ready',
    },
    kinds: ['coach', 'peer-group'],
  },
  {
    name: 'senior PM fighting self-doubt, company pays',
    answers: { topic: 'self', whoNotWhat: 4, adviceNotEnough: 4, findOwnAnswers: 4, internalWork: 'ready' },
    kinds: ['coach'],
    citesFirst: ['topic', 'adviceNotEnough'],
  },
  {
    name: 'early PM with one narrow analytics question who also wants a playbook',
    answers: { careerStage: 'early', wantPlaybook: 4, topic: 'expert-question', oneNarrowProblem: 4 },
    kinds: ['advisor', 'mentor'],
  },
  {
    name: 'leader who moved from a big company to a startup and feels stuck',
    answers: {
      careerStage: 'lead',
      recentTransition: 'new-company',
      knowFrameworks: 5,
      stuckDespiteKnowing: 5,
      adviceNotEnough: 4,
    },
    kinds: ['coach'],
  },
  {
    name: 'undecided: no answer points anywhere, so start with self-coaching',
    answers: {},
    kinds: ['self-coaching'],
    citesFirst: ['topic'],
  },
  {
    name: 'crisis signal with no budget: professional support, then free help',
    answers: {
      wellbeing: true,
      budget: 'free-only',
      whoNotWhat: 5,
      internalWork: 'ready',
      careerStage: 'early',
    },
    kinds: ['professional-support', 'self-coaching', 'peer-group'],
    citesFirst: ['wellbeing'],
  },
];

const questionIds = new Set(readinessQuestions.map((q) => q.id));

const labelOf = (answers: ReadinessAnswers, questionId: string) => {
  const question = readinessQuestions.find((q) => q.id === questionId);
  const key = readinessAnswersSchema.keyof().parse(questionId);
  return question ? answerLabel(question, answers[key]) : undefined;
};

const expectWellFormed = (answers: ReadinessAnswers) => {
  const { recommendations, summary } = recommendHelp(answers);
  expect(recommendations.length).toBeGreaterThan(0);
  expect(summary.length).toBeGreaterThan(0);
  expect(recommendations[0]?.fit).toBe('primary');
  expect(recommendations.slice(1).every((r) => r.fit === 'also')).toBe(true);
  expect(new Set(recommendations.map((r) => r.kind)).size).toBe(recommendations.length);
  for (const recommendation of recommendations) {
    expect(recommendation.reasons.length).toBeGreaterThan(0);
    for (const reason of recommendation.reasons) {
      expect(questionIds.has(reason.questionId)).toBe(true);
      expect(reason.answer).toBe(labelOf(answers, reason.questionId));
      expect(reason.why.length).toBeGreaterThan(0);
    }
  }
};

describe('recommendHelp', () => {
  it.each(profiles)('$name', ({ answers, kinds, citesFirst }) => {
    const full = { ...neutral, ...answers };
    const result = recommendHelp(full);
    expect(result.recommendations.map((r) => r.kind)).toEqual(kinds);
    expect(result.recommendations[0]?.fit).toBe('primary');
    const cited = result.recommendations[0]?.reasons.map((r) => r.questionId) ?? [];
    expect(cited).toEqual(expect.arrayContaining(citesFirst ?? []));
    expectWellFormed(full);
  });

  it('says plainly and kindly that professional support is the right first step', () => {
    const { recommendations, summary } = recommendHelp({ ...neutral, wellbeing: true });
    const first = recommendations[0];
    expect(first?.headline).toMatch(/therapist|professional support/i);
    expect(first?.explanation).toMatch(/therapist/i);
    expect(first?.explanation).toMatch(/emergency|crisis line/i);
    expect(first?.reasons[0]).toMatchObject({ questionId: 'wellbeing', answer: 'Yes' });
    expect(summary).toMatch(/^Please start with professional support/);
  });

  it('keeps coaching on the list for later when the member wants practical answers now', () => {
    const profile = profiles.find((p) => p.name.startsWith('wants tactical advice'));
    const result = recommendHelp({ ...neutral, ...profile?.answers });
    const coach = result.recommendations.find((r) => r.kind === 'coach');
    expect(coach?.fit).toBe('also');
    expect(coach?.headline).toMatch(/once you want to look inward/);
    expect(coach?.explanation).toMatch(/mentor first/);
    expect(result.summary).toBe(
      'A mentor looks like the best fit for you right now. Coaching can come later, once you want to look inward.',
    );
  });

  it('shows the human label of each answer, not its stored value', () => {
    const result = recommendHelp({ ...neutral, careerStage: 'early', wantPlaybook: 5, newToArea: 4 });
    const reasons = result.recommendations[0]?.reasons ?? [];
    expect(reasons).toContainEqual(
      expect.objectContaining({ questionId: 'wantPlaybook', answer: 'Very much like me' }),
    );
    expect(reasons).toContainEqual(
      expect.objectContaining({
        questionId: 'careerStage',
        answer: 'Early: up to about three years in product',
      }),
    );
  });

  it('summarizes the primary and the others in one sentence', () => {
    const profile = profiles.find((p) => p.name.startsWith('senior leader'));
    const { summary } = recommendHelp({ ...neutral, ...profile?.answers });
    expect(summary).toBe('A peer group looks like the best fit for you right now, with a coach alongside.');
  });
});

const scaleValue = fc.constantFrom(...readinessScaleLabels.map((step) => step.value));

const answersArbitrary = fc
  .record(
    Object.fromEntries(
      readinessQuestions.map((question) => {
        const arbitrary: fc.Arbitrary<unknown> =
          question.kind === 'scale'
            ? scaleValue
            : question.kind === 'yes-no'
              ? fc.boolean()
              : fc.constantFrom(...(question.options ?? []).map((option) => option.value));
        return [question.id, arbitrary];
      }),
    ),
  )
  .map((raw) => readinessAnswersSchema.parse(raw));

describe('recommendHelp, for any valid answers', () => {
  it('recommends at least one kind, one primary first, each with reasons that point at real answers', () => {
    fc.assert(fc.property(answersArbitrary, (answers) => expectWellFormed(answers)));
  });

  it('puts professional support first whenever the wellbeing answer is yes, and only then', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const kinds = recommendHelp(answers).recommendations.map((r) => r.kind);
        if (answers.wellbeing) expect(kinds[0]).toBe('professional-support');
        else expect(kinds).not.toContain('professional-support');
      }),
    );
  });

  it('never makes coaching the primary for someone not ready to look inward, nor when it is out of reach', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = recommendHelp(answers);
        const coach = result.recommendations.find((r) => r.kind === 'coach');
        if (answers.internalWork === 'not-now') expect(coach?.fit ?? 'also').toBe('also');
        const outOfReach = answers.budget === 'free-only' || answers.time === 'very-little';
        if (outOfReach) expect(coach?.fit ?? 'also').toBe('also');
        if (outOfReach && answers.internalWork !== 'not-now') expect(coach).toBeUndefined();
      }),
    );
  });

  it('pairs self-coaching with a peer group', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const kinds = recommendHelp(answers).recommendations.map((r) => r.kind);
        if (kinds.includes('self-coaching') && kinds.length > 1) expect(kinds).toContain('peer-group');
      }),
    );
  });
});

describe('recommendHelp, weak signals', () => {
  it('does not fall back to coaching for someone who wants practical answers now (found by the property test)', () => {
    const result = recommendHelp({
      knowFrameworks: 4,
      wantPlaybook: 1,
      wantDirectAdvice: 1,
      whoNotWhat: 1,
      stuckDespiteKnowing: 1,
      adviceNotEnough: 1,
      findOwnAnswers: 1,
      newToArea: 1,
      fewPeers: 1,
      learnFromPeers: 1,
      oneNarrowProblem: 1,
      careerStage: 'mid',
      recentTransition: 'none',
      recurringFeedback: 'no',
      internalWork: 'not-now',
      budget: 'company',
      time: 'regular',
      topic: 'self',
      wellbeing: false,
    });
    expect(result.recommendations[0]?.kind).not.toBe('coach');
  });
});
