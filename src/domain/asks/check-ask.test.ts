import { describe, expect, it } from 'vitest';
import { type AskIssueCode, checkAsk } from './check-ask';
import { composeCircleBack } from './compose-circle-back';

type Case = { name: string; text: string; hook?: string; issues: AskIssueCode[]; questions: number };

const longAsk =
  'I heard your talk on onboarding at Mind the Product last spring and have been thinking about it since. ' +
  'You mentioned the rule that a new user should reach first value in five minutes, and that most teams ' +
  'measure the wrong moment as first value because it is easy to instrument rather than meaningful. ' +
  'In the talk you also showed three products that got this right and one that got it badly wrong, ' +
  'which was very helpful for our team discussion this quarter. ' +
  'Is there a product you think is the best example of that in practice?';

const cases: Case[] = [
  {
    name: 'the model ask: talk, point, one question',
    text: 'I heard your talk on onboarding at Mind the Product. You mentioned the "first value in five minutes" rule. Is there a product you think is the best example of that in practice?',
    issues: [],
    questions: 1,
  },
  {
    name: 'a post and a follow-up on its claim',
    text: 'I read your post on pricing page experiments. You wrote that annual toggles hurt conversion for small buyers. Did that hold for usage-based plans too?',
    issues: [],
    questions: 1,
  },
  {
    name: 'an essay and a request for one example',
    text: "Hi Maya, your essay on strategy memos changed how I draft mine. You argued that a memo should say what we will not do. Which memo you've seen does that best?",
    issues: [],
    questions: 1,
  },
  {
    name: 'a podcast episode and a narrower domain',
    text: 'Loved your podcast episode on growth loops. You described the content loop at Pinterest. Is there a B2B company you think runs a loop like that well?',
    issues: [],
    questions: 1,
  },
  {
    name: 'a keynote detail',
    text: 'I watched your keynote on design critiques. You showed a format that starts with silent reading. How long do you give the silent part?',
    issues: [],
    questions: 1,
  },
  {
    name: 'mentions the recorded hook',
    text: 'Your ProductCon session on activation metrics stuck with me. You said setup completion is a trap. What would you measure instead for a developer tool?',
    hook: 'Talk on activation metrics at ProductCon',
    issues: [],
    questions: 1,
  },
  {
    name: 'mentions the recorded hook in another word form',
    text: 'You wrote about pricing page experiments last year. Did the annual toggle result hold for B2B?',
    hook: 'Experiment on pricing pages',
    issues: [],
    questions: 1,
  },
  {
    name: 'an indirect question without a question mark',
    text: 'I read your piece on churn. I was wondering which cohort cut you look at first.',
    issues: [],
    questions: 1,
  },
  {
    name: 'one question offering two answers',
    text: 'I read your post on OKRs. Do you set OKRs per team? Or per product area?',
    issues: [],
    questions: 1,
  },
  { name: 'far too long', text: longAsk, issues: ['too-long'], questions: 1 },
  {
    name: 'three questions',
    text: 'I read your article on roadmaps. What tool do you use for roadmaps? How often do you update them? Do you share them with customers?',
    issues: ['several-questions'],
    questions: 3,
  },
  {
    name: 'two questions in one sentence',
    text: 'I read your article on roadmaps. How do you decide what goes on it and what do you leave off?',
    issues: ['several-questions'],
    questions: 2,
  },
  {
    name: 'grab coffee',
    text: 'I heard your talk on growth. Can we grab coffee sometime so I can hear more?',
    issues: ['coffee-request'],
    questions: 1,
  },
  {
    name: 'the classic bad ask',
    text: 'Can we grab coffee so I can learn about your career path?',
    issues: ['coffee-request', 'no-specific-hook', 'vague-question'],
    questions: 1,
  },
  {
    name: 'a quick call',
    text: 'Would you be open to a quick call next week? I loved your post on pricing.',
    issues: ['coffee-request'],
    questions: 1,
  },
  {
    name: 'fifteen minutes of their time',
    text: 'I enjoyed your article on discovery. Could you spare 15 minutes for a chat?',
    issues: ['coffee-request'],
    questions: 1,
  },
  {
    name: 'a virtual coffee, asked indirectly',
    text: "Let me know if you'd be up for a virtual coffee. I liked your post on research ops.",
    issues: ['coffee-request'],
    questions: 1,
  },
  {
    name: 'be my mentor',
    text: 'Hi! Will you be my mentor?',
    issues: ['mentor-request', 'no-specific-hook'],
    questions: 1,
  },
  {
    name: 'would you consider mentoring me',
    text: "I've followed your newsletter for years. Would you consider mentoring me?",
    issues: ['mentor-request'],
    questions: 1,
  },
  {
    name: 'looking for a mentor',
    text: "I'm looking for a mentor in growth. I read your book. Would you be interested?",
    issues: ['mentor-request'],
    questions: 1,
  },
  {
    name: 'under your wing',
    text: 'Your talk on leadership was inspiring. Could you take me under your wing?',
    issues: ['mentor-request'],
    questions: 1,
  },
  {
    name: 'no sign of their work',
    text: "Hi, I'm a PM at a fintech startup. Is there a product you think does onboarding best?",
    issues: ['no-specific-hook'],
    questions: 1,
  },
  {
    name: 'a cold generic question',
    text: 'Quick question: which analytics tool do you recommend for a seed-stage team?',
    issues: ['no-specific-hook'],
    questions: 1,
  },
  {
    name: 'the recorded hook is not mentioned',
    text: 'I heard your talk on hiring. Which interview question do you find most telling?',
    hook: 'Article on north star metrics',
    issues: ['no-specific-hook'],
    questions: 1,
  },
  {
    name: 'praise with nothing to answer',
    text: 'I heard your talk on pricing. You mentioned value metrics. It really resonated with me.',
    issues: ['no-question'],
    questions: 0,
  },
  { name: 'just a compliment', text: 'Loved your talk!', issues: ['no-question'], questions: 0 },
  {
    name: 'how do I get better at growth',
    text: 'I read your post on growth. How do I get better at growth?',
    issues: ['vague-question'],
    questions: 1,
  },
  {
    name: 'any advice',
    text: 'I watched your talk on strategy. Any advice for a new PM?',
    issues: ['vague-question'],
    questions: 1,
  },
  {
    name: 'how did you get where you are',
    text: 'You wrote about product sense. How did you get where you are today?',
    issues: ['vague-question'],
    questions: 1,
  },
  {
    name: 'all about me',
    text: "Hi, I'm Sam. I'm a PM with six years of experience, I've led two launches and I manage a small team. My goal is to become a CPO. I read your post on hiring. Which interview question do you find most telling?",
    issues: ['about-me-not-them'],
    questions: 1,
  },
  {
    name: 'everything wrong at once',
    text: "Hi, I'm a new PM and I want to learn everything. Can we hop on a call? Also, what books should I read? And how did you get where you are?",
    issues: ['several-questions', 'coffee-request', 'no-specific-hook', 'vague-question'],
    questions: 3,
  },
  { name: 'an empty draft', text: '', issues: ['no-specific-hook', 'no-question'], questions: 0 },
];

describe('checkAsk', () => {
  it.each(cases)('$name → $issues', ({ text, hook, issues, questions }) => {
    const check = checkAsk(text, hook === undefined ? undefined : { hook });
    expect(check.issues.map((issue) => issue.code)).toEqual(issues);
    expect(check.questionCount).toBe(questions);
    expect(check.ok).toBe(issues.length === 0);
    for (const issue of check.issues) {
      expect(issue.message).not.toBe('');
      expect(issue.suggestion).not.toBe('');
    }
  });

  it('passes asks only when they can be answered in under two minutes', () => {
    for (const { text, hook } of cases) {
      const check = checkAsk(text, hook === undefined ? undefined : { hook });
      if (check.ok) expect(check.estimatedSecondsToAnswer).toBeLessThanOrEqual(120);
      else expect(check.issues.length).toBeGreaterThan(0);
    }
  });

  it('counts a meeting or a mentorship as far more than two minutes', () => {
    expect(
      checkAsk('I heard your talk on growth. Can we grab coffee?').estimatedSecondsToAnswer,
    ).toBeGreaterThan(20 * 60);
    expect(checkAsk('I read your book. Will you be my mentor?').estimatedSecondsToAnswer).toBeGreaterThan(
      30 * 60,
    );
  });

  it('estimates more time for more questions', () => {
    const one = checkAsk('I read your post on OKRs. Do you set them per team?');
    const three = checkAsk(
      'I read your post on OKRs. Do you set them per team? Who owns them? How often do you review?',
    );
    expect(three.estimatedSecondsToAnswer).toBeGreaterThan(one.estimatedSecondsToAnswer + 60);
  });

  it('quotes the phrase that asks for a meeting', () => {
    const [issue] = checkAsk('I read your post on pricing. Can we grab a coffee next week?').issues;
    expect(issue?.message).toContain('grab a coffee');
  });
});

describe('composeCircleBack', () => {
  it.each([
    {
      input: { advice: 'value metrics', appliedTo: 'our pricing page', result: 'upgrades rise by 12%' },
      expected:
        'A quick update: I put your advice on value metrics to work on our pricing page, and saw upgrades rise by 12%. Thank you — it made a real difference.',
    },
    {
      input: {
        advice: '  silent reading first. ',
        appliedTo: 'our design critique!',
        result: 'quieter people speak up.',
      },
      expected:
        'A quick update: I put your advice on silent reading first to work on our design critique, and saw quieter people speak up. Thank you — it made a real difference.',
    },
    {
      input: { advice: 'one-page memos', appliedTo: '', result: '  ' },
      expected:
        'A quick update: I put your advice on one-page memos to work on [where you used it], and saw [what happened]. Thank you — it made a real difference.',
    },
  ])('writes "$expected"', ({ input, expected }) => {
    expect(composeCircleBack(input)).toBe(expected);
  });
});
