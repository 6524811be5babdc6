import type { ReadinessAnswers } from '../../domain/readiness/readiness-answers';

// The demo cast: realistic product people at different points, so every screen has something true to show.
export const DEMO_PASSWORD = 'corner-demo-2026';

type DemoGoal = {
  title: string;
  category: 'iq' | 'eq' | 'internal';
  monthsOut: number | null;
  motivation: string;
  signs: string[];
  // One score list per check-in, oldest first; one score per sign.
  checkIns: { daysAgo: number; scores: number[]; note: string }[];
};

export type DemoPerson = {
  name: string;
  email: string;
  timeZone: string;
  readiness: ReadinessAnswers;
  goals: DemoGoal[];
};

const neutral = {
  knowFrameworks: 3,
  wantPlaybook: 3,
  wantDirectAdvice: 3,
  whoNotWhat: 2,
  stuckDespiteKnowing: 2,
  adviceNotEnough: 2,
  findOwnAnswers: 3,
  newToArea: 2,
  fewPeers: 2,
  learnFromPeers: 3,
  oneNarrowProblem: 2,
  careerStage: 'mid',
  recentTransition: 'none',
  recurringFeedback: 'no',
  internalWork: 'open',
  budget: 'company',
  time: 'regular',
  topic: 'craft',
  wellbeing: false,
} satisfies ReadinessAnswers;

export const demoPeople: DemoPerson[] = [
  {
    name: 'Maya Chen',
    email: 'maya@demo.corner',
    timeZone: 'America/New_York',
    readiness: {
      ...neutral,
      knowFrameworks: 1,
      wantPlaybook: 5,
      wantDirectAdvice: 5,
      newToArea: 5,
      careerStage: 'early',
      recentTransition: 'new-domain',
      internalWork: 'not-now',
      topic: 'craft',
    },
    goals: [
      {
        title: 'Run three pricing experiments and lift paid conversion on the Team plan by 5%',
        category: 'iq',
        monthsOut: 4,
        motivation:
          'I moved to the monetization team in September and want to earn my seat at pricing reviews.',
        signs: ['I can explain our pricing logic without notes', 'Experiments shipped on schedule'],
        checkIns: [
          {
            daysAgo: 42,
            scores: [3, 2],
            note: 'Read the last two pricing reviews. Lots I do not follow yet.',
          },
          { daysAgo: 28, scores: [4, 4], note: 'First experiment designed with help from the analyst.' },
          {
            daysAgo: 14,
            scores: [6, 5],
            note: 'Experiment one is live. Presented the hypothesis at the review.',
          },
          { daysAgo: 3, scores: [7, 6], note: 'Early read: +2% on trials. Second test in design.' },
        ],
      },
    ],
  },
  {
    name: 'Daniel Okafor',
    email: 'daniel@demo.corner',
    timeZone: 'Europe/London',
    readiness: {
      ...neutral,
      knowFrameworks: 5,
      whoNotWhat: 5,
      stuckDespiteKnowing: 4,
      adviceNotEnough: 5,
      findOwnAnswers: 4,
      fewPeers: 4,
      careerStage: 'exec',
      recentTransition: 'new-level',
      recurringFeedback: 'same',
      internalWork: 'ready',
      topic: 'leadership',
    },
    goals: [
      {
        title: 'Have my three directors rate our 1:1s at least 8 out of 10 for candour by the end of Q2',
        category: 'eq',
        monthsOut: 5,
        motivation: 'Twice now I have heard that people wait for my opinion instead of giving theirs.',
        signs: ['I ask before I tell in 1:1s', 'Directors bring disagreements to me early'],
        checkIns: [
          {
            daysAgo: 35,
            scores: [3, 3],
            note: 'Noticed I answered my own questions four times in one meeting.',
          },
          {
            daysAgo: 21,
            scores: [5, 3],
            note: 'Tried waiting ten seconds after asking. Awkward, but it worked.',
          },
          {
            daysAgo: 7,
            scores: [6, 5],
            note: 'Priya pushed back on the roadmap in our 1:1 instead of after it.',
          },
        ],
      },
    ],
  },
  {
    name: 'Priya Raman',
    email: 'priya@demo.corner',
    timeZone: 'Asia/Kolkata',
    readiness: {
      ...neutral,
      knowFrameworks: 4,
      learnFromPeers: 5,
      findOwnAnswers: 4,
      fewPeers: 4,
      careerStage: 'lead',
      budget: 'free-only',
      internalWork: 'open',
    },
    goals: [
      {
        title: 'get better at strategy',
        category: 'iq',
        monthsOut: null,
        motivation: 'Everyone says strategy is the next step for me.',
        signs: [],
        checkIns: [],
      },
      {
        title: 'Write and get approval for a two-year platform vision that three teams plan against',
        category: 'iq',
        monthsOut: 5,
        motivation: 'Our teams keep re-litigating priorities every quarter.',
        signs: ['Teams cite the vision in planning', 'Leadership signed off'],
        checkIns: [{ daysAgo: 10, scores: [2, 1], note: 'Outline done; interviewed two team leads.' }],
      },
    ],
  },
];
