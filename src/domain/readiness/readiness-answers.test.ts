import { describe, expect, it } from 'vitest';
import { type ReadinessAnswers, readinessAnswersSchema } from './readiness-answers';
import { readinessQuestions } from './readiness-questions';

const valid: ReadinessAnswers = {
  knowFrameworks: 4,
  wantPlaybook: 2,
  wantDirectAdvice: 3,
  whoNotWhat: 5,
  stuckDespiteKnowing: 4,
  adviceNotEnough: 3,
  findOwnAnswers: 4,
  newToArea: 1,
  fewPeers: 5,
  learnFromPeers: 3,
  oneNarrowProblem: 1,
  careerStage: 'exec',
  recentTransition: 'new-level',
  recurringFeedback: 'same',
  internalWork: 'ready',
  budget: 'company',
  time: 'regular',
  topic: 'leadership',
  wellbeing: false,
};

const firstMessage = (input: unknown) => {
  const result = readinessAnswersSchema.safeParse(input);
  return result.success
    ? undefined
    : { path: result.error.issues[0]?.path, message: result.error.issues[0]?.message };
};

describe('readinessAnswersSchema', () => {
  it('accepts a complete set of answers', () => {
    expect(readinessAnswersSchema.parse(valid)).toEqual(valid);
  });

  it('has exactly one answer per question, of the type the question asks for', () => {
    const shape = readinessAnswersSchema.shape;
    expect(Object.keys(shape).sort()).toEqual(readinessQuestions.map((q) => q.id).sort());
    for (const question of readinessQuestions) {
      const sample =
        question.kind === 'scale' ? 3 : question.kind === 'yes-no' ? true : question.options?.[0]?.value;
      expect(readinessAnswersSchema.safeParse({ ...valid, [question.id]: sample }).success).toBe(true);
      for (const option of question.options ?? []) {
        expect(readinessAnswersSchema.safeParse({ ...valid, [question.id]: option.value }).success).toBe(
          true,
        );
      }
    }
  });

  it.each([
    {
      name: 'a missing answer',
      input: { ...valid, careerStage: undefined },
      field: 'careerStage',
      says: /required/,
    },
    {
      name: 'an unknown option',
      input: { ...valid, budget: 'maybe' },
      field: 'budget',
      says: /one of: company/,
    },
    { name: 'a scale above 5', input: { ...valid, fewPeers: 6 }, field: 'fewPeers', says: /from 1 to 5/ },
    { name: 'a scale below 1', input: { ...valid, newToArea: 0 }, field: 'newToArea', says: /from 1 to 5/ },
    {
      name: 'a fractional scale',
      input: { ...valid, whoNotWhat: 3.5 },
      field: 'whoNotWhat',
      says: /whole number/,
    },
    {
      name: 'a scale sent as text',
      input: { ...valid, wantPlaybook: '4' },
      field: 'wantPlaybook',
      says: /whole/,
    },
    {
      name: 'yes-no sent as text',
      input: { ...valid, wellbeing: 'yes' },
      field: 'wellbeing',
      says: /true \(yes\)/,
    },
    {
      name: 'a missing yes-no',
      input: { ...valid, wellbeing: undefined },
      field: 'wellbeing',
      says: /required/,
    },
  ])('rejects $name with a message that names the field', ({ input, field, says }) => {
    const issue = firstMessage(input);
    expect(issue?.path).toEqual([field]);
    expect(issue?.message).toMatch(new RegExp(`^${field} `));
    expect(issue?.message).toMatch(says);
  });

  it('reports every wrong field at once', () => {
    const result = readinessAnswersSchema.safeParse({ ...valid, topic: 'x', time: 'x', knowFrameworks: 9 });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(['topic', 'time', 'knowFrameworks']));
  });

  it('rejects something that is not an object', () => {
    expect(readinessAnswersSchema.safeParse('all fives').success).toBe(false);
  });
});
