import { READINESS_AGREE_AT, READINESS_DISAGREE_AT } from '../settings/readiness';
import type { ReadinessAnswers, ReadinessQuestionId } from './readiness-answers';

// Which answers point to which kind of help, and why. Self-coaching and professional support are not scored
// here: recommendHelp derives them (self-coaching replaces coaching when it is out of reach; professional
// support follows the wellbeing answer alone).

export type ScoredHelpKind = 'mentor' | 'coach' | 'advisor' | 'peer-group';

export type ReadinessRule = {
  kind: ScoredHelpKind;
  questionId: ReadinessQuestionId;
  applies: (answers: ReadinessAnswers) => boolean;
  points: number;
  why: string;
};

const agrees = (score: number) => score >= READINESS_AGREE_AT;
const disagrees = (score: number) => score <= READINESS_DISAGREE_AT;

export const readinessRules: readonly ReadinessRule[] = [
  // Mentor: learning the craft from someone who has done it.
  {
    kind: 'mentor',
    questionId: 'wantPlaybook',
    applies: (a) => agrees(a.wantPlaybook),
    points: 2,
    why: 'You want to see how the work is done by someone who has done it. Passing that on is what a mentor does.',
  },
  {
    kind: 'mentor',
    questionId: 'newToArea',
    applies: (a) => agrees(a.newToArea),
    points: 2,
    why: 'When an area is new to you, the quickest start is someone who already knows its ground.',
  },
  {
    kind: 'mentor',
    questionId: 'careerStage',
    applies: (a) => a.careerStage === 'early',
    points: 2,
    why: 'Early on, most growth comes from learning the craft, and a mentor teaches the craft.',
  },
  {
    kind: 'mentor',
    questionId: 'wantDirectAdvice',
    applies: (a) => agrees(a.wantDirectAdvice),
    points: 1,
    why: 'You want specific advice. A mentor gives it, where a coach mostly asks questions.',
  },
  {
    kind: 'mentor',
    questionId: 'recentTransition',
    applies: (a) => a.recentTransition === 'new-domain',
    points: 1,
    why: 'Right after a move into a new area, someone who has been there saves you the most time.',
  },
  {
    kind: 'mentor',
    questionId: 'knowFrameworks',
    applies: (a) => disagrees(a.knowFrameworks),
    points: 1,
    why: 'You are still learning the frameworks of your role. Those are best picked up from someone who uses them.',
  },
  {
    kind: 'mentor',
    questionId: 'findOwnAnswers',
    applies: (a) => disagrees(a.findOwnAnswers),
    points: 1,
    why: 'You would rather be given answers than find them through questions, which suits mentoring better than coaching.',
  },
  {
    kind: 'mentor',
    questionId: 'topic',
    applies: (a) => a.topic === 'craft',
    points: 1,
    why: 'A product skill is learned fastest from someone who practises it and can show you their own work.',
  },
  {
    kind: 'mentor',
    questionId: 'internalWork',
    applies: (a) => a.internalWork === 'not-now',
    points: 1,
    why: 'You want practical answers right now. A mentor gives them; coaching works best once you want to look inward.',
  },

  // Coach: the challenge is who you are more than what you know.
  {
    kind: 'coach',
    questionId: 'knowFrameworks',
    applies: (a) => agrees(a.knowFrameworks),
    points: 1,
    why: 'You already know the frameworks, so more of them is unlikely to be what moves you forward.',
  },
  {
    kind: 'coach',
    questionId: 'whoNotWhat',
    applies: (a) => agrees(a.whoNotWhat),
    points: 2,
    why: 'Your challenge is about who you are more than what you know. That is the ground coaching covers.',
  },
  {
    kind: 'coach',
    questionId: 'stuckDespiteKnowing',
    applies: (a) => agrees(a.stuckDespiteKnowing),
    points: 2,
    why: 'Feeling stuck while knowing what good looks like usually means the block is not a lack of knowledge.',
  },
  {
    kind: 'coach',
    questionId: 'adviceNotEnough',
    applies: (a) => agrees(a.adviceNotEnough),
    points: 1,
    why: 'Good advice has not been enough. A coach works on what advice does not reach.',
  },
  {
    kind: 'coach',
    questionId: 'findOwnAnswers',
    applies: (a) => agrees(a.findOwnAnswers),
    points: 1,
    why: 'You want to find your own answers, and a coach helps with questions rather than instructions.',
  },
  {
    kind: 'coach',
    questionId: 'recurringFeedback',
    applies: (a) => a.recurringFeedback === 'same',
    points: 2,
    why: 'The same feedback coming back points to a pattern in how you work, and coaching is built for patterns.',
  },
  {
    kind: 'coach',
    questionId: 'recentTransition',
    applies: (a) => a.recentTransition === 'new-level',
    points: 2,
    why: 'Stepping up a level is when the approach that got you here stops working, a classic moment for coaching.',
  },
  {
    kind: 'coach',
    questionId: 'recentTransition',
    applies: (a) => a.recentTransition === 'new-company' || a.recentTransition === 'career-change',
    points: 1,
    why: 'A big change of setting often asks for a new way of working, not only new knowledge.',
  },
  {
    kind: 'coach',
    questionId: 'internalWork',
    applies: (a) => a.internalWork === 'ready',
    points: 2,
    why: 'You are ready to look at yourself, not only your skills, and that readiness is what makes coaching work.',
  },
  {
    kind: 'coach',
    questionId: 'careerStage',
    applies: (a) => a.careerStage === 'exec',
    points: 1,
    why: 'At executive level the next step is usually about how you lead rather than what you know.',
  },
  {
    kind: 'coach',
    questionId: 'topic',
    applies: (a) => a.topic === 'self' || a.topic === 'leadership',
    points: 1,
    why: 'Confidence, stress, leading and influencing people all depend on how you show up, which is what coaching works on.',
  },

  // Advisor: expert guidance on one narrow topic.
  {
    kind: 'advisor',
    questionId: 'topic',
    applies: (a) => a.topic === 'expert-question',
    points: 3,
    why: 'You have one narrow, expert question. Someone who knows that topic deeply can answer it in a few conversations.',
  },
  {
    kind: 'advisor',
    questionId: 'oneNarrowProblem',
    applies: (a) => agrees(a.oneNarrowProblem),
    points: 2,
    why: 'You need help with one well-defined problem rather than an ongoing relationship.',
  },
  {
    kind: 'advisor',
    questionId: 'wantDirectAdvice',
    applies: (a) =>
      agrees(a.wantDirectAdvice) && (a.topic === 'expert-question' || agrees(a.oneNarrowProblem)),
    points: 1,
    why: 'You want a clear answer to a specific question, and that is what an expert advisor gives.',
  },

  // Peer group: community, candour, and free.
  {
    kind: 'peer-group',
    questionId: 'fewPeers',
    applies: (a) => agrees(a.fewPeers),
    points: 2,
    why: 'With few people at your level to talk to candidly, peers from other companies can fill that gap.',
  },
  {
    kind: 'peer-group',
    questionId: 'learnFromPeers',
    applies: (a) => agrees(a.learnFromPeers),
    points: 2,
    why: 'You learn from comparing notes with people who face the same problems, which is what a peer group is for.',
  },
  {
    kind: 'peer-group',
    questionId: 'careerStage',
    applies: (a) => a.careerStage === 'exec' || a.careerStage === 'lead',
    points: 1,
    why: 'The more senior the role, the fewer candid conversations it offers; a circle of peers at your level helps.',
  },
  {
    kind: 'peer-group',
    questionId: 'budget',
    applies: (a) => a.budget === 'free-only',
    points: 3,
    why: 'A peer group costs nothing but time, and gives back about as much as you bring to it.',
  },
];
