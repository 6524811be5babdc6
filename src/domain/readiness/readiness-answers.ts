import { z } from 'zod';
import { READINESS_SCALE_MAX, READINESS_SCALE_MIN } from '../settings/readiness';
import {
  budgetOptions,
  careerStageOptions,
  internalWorkOptions,
  recentTransitionOptions,
  recurringFeedbackOptions,
  timeOptions,
  topicOptions,
} from './readiness-questions';

// Each message starts with the field's id, so an API error can be shown next to the right question even when
// the client only reads the message.

const required = (id: string) => `${id} is required.`;

const scale = (id: string) => {
  const message = `${id} must be a whole number from ${READINESS_SCALE_MIN} to ${READINESS_SCALE_MAX}.`;
  return z
    .int({ error: (issue) => (issue.input === undefined ? required(id) : message) })
    .min(READINESS_SCALE_MIN, { error: message })
    .max(READINESS_SCALE_MAX, { error: message });
};

const choice = <const T extends readonly { value: string }[]>(id: string, options: T) => {
  const values = options.map((option) => option.value) as readonly T[number]['value'][];
  const message = `${id} must be one of: ${values.join(', ')}.`;
  return z.enum(values, { error: (issue) => (issue.input === undefined ? required(id) : message) });
};

const yesNo = (id: string) =>
  z.boolean({
    error: (issue) => (issue.input === undefined ? required(id) : `${id} must be true (yes) or false (no).`),
  });

export const readinessAnswersSchema = z.object(
  {
    knowFrameworks: scale('knowFrameworks'),
    wantPlaybook: scale('wantPlaybook'),
    wantDirectAdvice: scale('wantDirectAdvice'),
    whoNotWhat: scale('whoNotWhat'),
    stuckDespiteKnowing: scale('stuckDespiteKnowing'),
    adviceNotEnough: scale('adviceNotEnough'),
    findOwnAnswers: scale('findOwnAnswers'),
    newToArea: scale('newToArea'),
    fewPeers: scale('fewPeers'),
    learnFromPeers: scale('learnFromPeers'),
    oneNarrowProblem: scale('oneNarrowProblem'),
    careerStage: choice('careerStage', careerStageOptions),
    recentTransition: choice('recentTransition', recentTransitionOptions),
    recurringFeedback: choice('recurringFeedback', recurringFeedbackOptions),
    internalWork: choice('internalWork', internalWorkOptions),
    budget: choice('budget', budgetOptions),
    time: choice('time', timeOptions),
    topic: choice('topic', topicOptions),
    wellbeing: yesNo('wellbeing'),
  },
  { error: 'The readiness answers must be an object with one answer per question id.' },
);

export type ReadinessAnswers = z.infer<typeof readinessAnswersSchema>;
export type ReadinessQuestionId = keyof ReadinessAnswers;
