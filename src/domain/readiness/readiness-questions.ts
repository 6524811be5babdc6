// The readiness check as data, so the web UI, the API and the MCP tool render and validate the same questions.
// Option lists are `as const` because the answer schema derives its enums from them.

export type ReadinessQuestionOption = { value: string; label: string };

export type ReadinessQuestion = {
  id: string;
  section: 'self-assessment' | 'context';
  prompt: string;
  help?: string;
  kind: 'scale' | 'choice' | 'yes-no';
  options?: readonly ReadinessQuestionOption[];
};

/** Labels of the 1..5 agreement scale used by every 'scale' question. */
export const readinessScaleLabels = [
  { value: 1, label: 'Not at all like me' },
  { value: 2, label: 'A little like me' },
  { value: 3, label: 'Somewhat like me' },
  { value: 4, label: 'Mostly like me' },
  { value: 5, label: 'Very much like me' },
] as const;

/** Labels of the answers to 'yes-no' questions, whose values are booleans. */
export const readinessYesNoLabels = { yes: 'Yes', no: 'No' } as const;

export const careerStageOptions = [
  { value: 'early', label: 'Early: up to about three years in product' },
  { value: 'mid', label: 'Established: product manager or senior product manager' },
  { value: 'lead', label: 'Leading others: group PM, director or head of product' },
  { value: 'exec', label: 'Executive: VP, CPO or founder' },
] as const;

export const recentTransitionOptions = [
  { value: 'none', label: 'No big change lately' },
  { value: 'new-domain', label: 'I moved into a new area (for example growth, pricing or platform)' },
  {
    value: 'new-level',
    label: 'I stepped up a level (for example first time managing, or now leading leaders)',
  },
  { value: 'new-company', label: 'I changed company, industry or company stage' },
  { value: 'career-change', label: 'I am changing careers, or thinking about it' },
] as const;

export const recurringFeedbackOptions = [
  { value: 'no', label: 'Not really' },
  { value: 'some', label: 'A few themes come up now and then' },
  { value: 'same', label: 'Yes: I keep hearing the same thing, and it has not changed' },
] as const;

export const internalWorkOptions = [
  { value: 'not-now', label: 'Not right now: I want practical answers' },
  { value: 'open', label: 'Open to it, if it helps' },
  { value: 'ready', label: 'Yes: I sense the next step is more about me than about my skills' },
] as const;

export const budgetOptions = [
  { value: 'company', label: 'My company would pay for it' },
  { value: 'self', label: 'I can pay for it myself' },
  { value: 'free-only', label: 'No: for now it has to be free or volunteer-run' },
] as const;

export const timeOptions = [
  { value: 'regular', label: 'An hour or more every week or two, plus some time in between' },
  { value: 'monthly', label: 'About an hour a month' },
  { value: 'very-little', label: 'Very little at the moment' },
] as const;

export const topicOptions = [
  { value: 'craft', label: 'A product skill: strategy, discovery, growth, pricing, execution' },
  {
    value: 'expert-question',
    label: 'One narrow expert question (for example SOC 2, a pricing model, a data platform)',
  },
  { value: 'leadership', label: 'Leading people, influence and communication' },
  { value: 'career', label: 'My career: direction, next role, a change' },
  { value: 'self', label: 'How I work: confidence, stress, balance, the way I show up' },
  { value: 'not-sure', label: 'I am not sure yet' },
] as const;

export const readinessQuestions: readonly ReadinessQuestion[] = [
  {
    id: 'knowFrameworks',
    section: 'self-assessment',
    prompt: 'I already know the frameworks and tactics for my role. Knowing what to do is rarely my problem.',
    kind: 'scale',
  },
  {
    id: 'wantPlaybook',
    section: 'self-assessment',
    prompt: 'I would like someone who has done this job to show me how it is done.',
    kind: 'scale',
  },
  {
    id: 'wantDirectAdvice',
    section: 'self-assessment',
    prompt: 'I want direct, specific advice on what to do next.',
    kind: 'scale',
  },
  {
    id: 'whoNotWhat',
    section: 'self-assessment',
    prompt: 'My biggest challenge is more about who I am and how I show up than about what I know.',
    kind: 'scale',
  },
  {
    id: 'stuckDespiteKnowing',
    section: 'self-assessment',
    prompt: 'I feel stuck even though I know, in theory, what good looks like.',
    kind: 'scale',
  },
  {
    id: 'adviceNotEnough',
    section: 'self-assessment',
    prompt: 'I have had good advice and good mentors, and something still seems to be missing.',
    kind: 'scale',
  },
  {
    id: 'findOwnAnswers',
    section: 'self-assessment',
    prompt: 'I would rather work out my own answer with good questions than be handed one.',
    kind: 'scale',
  },
  {
    id: 'newToArea',
    section: 'self-assessment',
    prompt: 'I am new to the area I want to grow in.',
    help: 'For example you just moved into growth, pricing, platform work or people management.',
    kind: 'scale',
  },
  {
    id: 'fewPeers',
    section: 'self-assessment',
    prompt: 'There are few people at my level I can talk to candidly.',
    kind: 'scale',
  },
  {
    id: 'learnFromPeers',
    section: 'self-assessment',
    prompt: 'I would get a lot out of comparing notes with people who face problems like mine.',
    kind: 'scale',
  },
  {
    id: 'oneNarrowProblem',
    section: 'self-assessment',
    prompt:
      'What I need right now is help with one specific, well-defined problem rather than with my growth.',
    kind: 'scale',
  },
  {
    id: 'careerStage',
    section: 'context',
    prompt: 'Where are you in your career?',
    kind: 'choice',
    options: careerStageOptions,
  },
  {
    id: 'recentTransition',
    section: 'context',
    prompt: 'Has your work changed a lot in the last year?',
    kind: 'choice',
    options: recentTransitionOptions,
  },
  {
    id: 'recurringFeedback',
    section: 'context',
    prompt: 'Do you keep getting the same feedback, from different people or in different jobs?',
    kind: 'choice',
    options: recurringFeedbackOptions,
  },
  {
    id: 'internalWork',
    section: 'context',
    prompt:
      'How ready are you to look at yourself (your values, beliefs and habits), not only at your skills?',
    help: 'There is no right answer. Some seasons are for learning the craft, others for looking inward.',
    kind: 'choice',
    options: internalWorkOptions,
  },
  {
    id: 'budget',
    section: 'context',
    prompt: 'Is paid coaching within reach for you right now?',
    help: 'Prices vary a lot, and some employers pay for it. Mentoring is often free.',
    kind: 'choice',
    options: budgetOptions,
  },
  {
    id: 'time',
    section: 'context',
    prompt: 'How much time can you give this over the next few months?',
    kind: 'choice',
    options: timeOptions,
  },
  {
    id: 'topic',
    section: 'context',
    prompt: 'What do you most want help with?',
    kind: 'choice',
    options: topicOptions,
  },
  {
    id: 'wellbeing',
    section: 'context',
    prompt:
      'Is something weighing on you right now that feels bigger than work: low mood that does not lift, anxiety that gets in the way of daily life, exhaustion you cannot recover from, or thoughts of harming yourself?',
    help: 'Your answer is private. It only helps us point you to the right support first.',
    kind: 'yes-no',
  },
];

/** The human label of an answer, as shown next to a recommendation's reasons. */
export const answerLabel = (question: ReadinessQuestion, value: unknown): string => {
  if (question.kind === 'yes-no') return value === true ? readinessYesNoLabels.yes : readinessYesNoLabels.no;
  if (question.kind === 'scale') {
    return readinessScaleLabels.find((step) => step.value === value)?.label ?? String(value);
  }
  return question.options?.find((option) => option.value === value)?.label ?? String(value);
};
