import type { RelationshipKind } from '../agreements/vocabulary';

// The intro-session scorecard as data: the gut-check questions after a free intro session, the
// questions to ask the candidate during it, and the red flags to watch for.

export type FitAnswer = 'yes' | 'partly' | 'no';

export type FitQuestionId = 'clicked' | 'safe-to-be-honest' | 'made-me-think' | 'energized';

export type FitQuestion = {
  id: FitQuestionId;
  question: string;
  /** How each answer reads on screen for this question. */
  answerLabels: Record<FitAnswer, string>;
  /** How a "yes" and a "no" read inside a summary sentence. */
  whenYes: string;
  whenNo: string;
};

export const fitQuestions: FitQuestion[] = [
  {
    id: 'clicked',
    question: 'Did it click?',
    answerLabels: { yes: 'Yes, it felt right', partly: 'Not sure', no: 'No, it did not' },
    whenYes: 'it clicked',
    whenNo: 'it did not click',
  },
  {
    id: 'safe-to-be-honest',
    question: 'Did you feel safe being honest, even about the uncomfortable parts?',
    answerLabels: { yes: 'Yes', partly: 'Somewhat', no: 'No' },
    whenYes: 'you felt safe being honest',
    whenNo: 'you did not feel safe being honest',
  },
  {
    id: 'made-me-think',
    question: 'Did their questions make you see your situation differently?',
    answerLabels: { yes: 'Yes', partly: 'A little', no: 'No' },
    whenYes: 'the questions made you think differently',
    whenNo: 'the questions did not shift your thinking',
  },
  {
    id: 'energized',
    question: 'How did you feel afterwards?',
    answerLabels: { yes: 'Energized', partly: 'Neither', no: 'Deflated' },
    whenYes: 'you left energized',
    whenNo: 'you left deflated',
  },
];

export type GuideQuestionId = 'what-it-means-to-you' | 'style-and-structure' | 'background-and-clients';

export type GuideQuestion = {
  id: GuideQuestionId;
  /** Asked in the candidate's own terms: coaching, mentoring, or working as peers. */
  question: Record<RelationshipKind, string>;
  listenFor: string;
};

export const guideQuestions: GuideQuestion[] = [
  {
    id: 'what-it-means-to-you',
    question: {
      coaching: 'What is coaching to you?',
      mentoring: 'What is mentoring to you?',
      peer: 'What do you hope to get from working as peers, and to give?',
    },
    listenFor:
      'Whether they help you find your own answers or mostly hand out theirs, and whether that is what you want.',
  },
  {
    id: 'style-and-structure',
    question: {
      coaching: 'What is your style, and how structured are your sessions?',
      mentoring: 'What is your style, and how structured are your sessions?',
      peer: 'How would you like our sessions to run?',
    },
    listenFor:
      'A set programme, sessions led by whatever you bring, or a mix; supportive or challenging. None is right in general, only for you.',
  },
  {
    id: 'background-and-clients',
    question: {
      coaching: 'What is your background, and who do you usually work with?',
      mentoring: 'What is your background, and who do you usually work with?',
      peer: 'What are you working on, and what is hard for you right now?',
    },
    listenFor:
      'Relevant experience helps, but a different background can be an advantage: it keeps the conversation on your thinking rather than theirs.',
  },
];

export type RedFlagId =
  | 'talked-more-than-listened'
  | 'advice-instead-of-questions'
  | 'did-not-feel-safe'
  | 'predetermined-outcome';

export type RedFlag = { id: RedFlagId; label: string; inSummary: string };

export const redFlags: RedFlag[] = [
  {
    id: 'talked-more-than-listened',
    label: 'They talked more than they listened',
    inSummary: 'they talked more than they listened',
  },
  {
    id: 'advice-instead-of-questions',
    label: 'They gave advice instead of asking questions',
    inSummary: 'they gave advice instead of asking questions',
  },
  { id: 'did-not-feel-safe', label: "I didn't feel safe", inSummary: 'you did not feel safe' },
  {
    id: 'predetermined-outcome',
    label: 'They seemed to have an outcome in mind for me already',
    inSummary: 'they seemed to have an outcome in mind for you',
  },
];

export const guideQuestionsFor = (
  kind: RelationshipKind,
): { id: GuideQuestionId; question: string; listenFor: string }[] =>
  guideQuestions.map((q) => ({ id: q.id, question: q.question[kind], listenFor: q.listenFor }));

/** How a stored fit answer reads for its own question ("yes" to "How did you feel afterwards?" is "Energized"). */
export const fitAnswerLabel = (questionId: FitQuestionId, answer: string | undefined): string => {
  if (answer === undefined) return 'Not answered';
  const labels: Record<string, string> = fitQuestions.find((q) => q.id === questionId)?.answerLabels ?? {};
  return labels[answer] ?? answer;
};
