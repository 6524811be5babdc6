import { describe, expect, it } from 'vitest';
import { checkFeedbackQuestion, type FeedbackQuestionIssueCode } from './check-feedback-question';

type Case = { text: string; issues: FeedbackQuestionIssueCode[] };

const cases: Case[] = [
  // good: one moment, one impression
  { text: "In Tuesday's review, did I come across as confident, or defensive when challenged?", issues: [] },
  { text: 'During the pricing meeting, did I sound open to the sales team, or set on my plan?', issues: [] },
  { text: 'When I pushed back on the deadline yesterday, how did that land with you?', issues: [] },
  { text: "In this morning's standup, did I seem rushed when I gave my update?", issues: [] },
  { text: 'In our 1:1 last week, did you feel heard when you raised the hiring concern?', issues: [] },
  { text: 'During the demo, did I look engaged while the CTO asked questions? Or distracted?', issues: [] },
  { text: "I'm curious whether I seemed dismissive of Ana's idea in Friday's brainstorm.", issues: [] },
  // vague
  { text: 'Any feedback?', issues: ['vague', 'no-specific-moment'] },
  { text: 'How am I doing?', issues: ['vague', 'no-specific-moment'] },
  { text: 'How did I do in the meeting?', issues: ['vague'] },
  { text: 'How was my presentation?', issues: ['vague'] },
  { text: 'What can I improve after the offsite?', issues: ['vague'] },
  { text: 'Any thoughts on how I handled the roadmap review?', issues: ['vague'] },
  // no moment
  { text: 'Do I come across as confident, or defensive when challenged?', issues: ['no-specific-moment'] },
  { text: 'Do people find me approachable?', issues: ['no-specific-moment'] },
  // several questions
  {
    text: 'In the planning session, did I seem calm? Did I listen enough? Was my tone too sharp?',
    issues: ['several-questions'],
  },
  {
    text: "In yesterday's review, did I sound confident and how did the VP react to me?",
    issues: ['several-questions'],
  },
  // leading
  { text: "Don't you think I was great in the board meeting?", issues: ['leading'] },
  { text: 'In the demo I came across as really confident, right?', issues: ['leading'] },
  { text: "Wasn't it clear in today's session that I sounded confident?", issues: ['leading'] },
  // facts rather than impression
  { text: "In Tuesday's review, did I cover all the metrics?", issues: ['about-facts-not-impression'] },
  { text: 'During the demo, did I finish on time?', issues: ['about-facts-not-impression'] },
  {
    text: "What did I say about the deadline in yesterday's planning?",
    issues: ['about-facts-not-impression'],
  },
  // too long
  {
    text: 'In the quarterly business review on Thursday afternoon, when the finance director questioned our churn forecast and the assumptions behind the expansion revenue numbers we had modelled for the enterprise segment over the next three years, did I come across as defensive or as open to their concerns?',
    issues: ['too-long'],
  },
  // no question at all
  { text: 'Please tell me about my presentation on Tuesday.', issues: ['no-question'] },
  { text: 'Give me feedback on the sprint review.', issues: ['vague'] },
  { text: '', issues: ['no-specific-moment', 'no-question'] },
];

describe('checkFeedbackQuestion', () => {
  it.each(cases)('"$text" → $issues', ({ text, issues }) => {
    const check = checkFeedbackQuestion(text);
    expect(check.issues.map((issue) => issue.code)).toEqual(issues);
    expect(check.ok).toBe(issues.length === 0);
    for (const issue of check.issues) {
      expect(issue.message).not.toBe('');
      expect(issue.suggestion).not.toBe('');
    }
  });

  it('counts questions and words', () => {
    const check = checkFeedbackQuestion('In the retro, did I seem tense? Did I interrupt Sam?');
    expect(check.questionCount).toBe(2);
    expect(check.wordCount).toBe(11);
  });

  it('quotes the vague phrase back', () => {
    const [issue] = checkFeedbackQuestion('Any feedback on the launch?').issues;
    expect(issue?.message).toContain('Any feedback');
  });
});
