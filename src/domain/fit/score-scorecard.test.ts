import { describe, expect, it } from 'vitest';
import { compareScorecards, type FitVerdict, type ScorecardAnswers, scoreScorecard } from './score-scorecard';
import { guideQuestionsFor } from './scorecard';

const allYes: ScorecardAnswers['fit'] = {
  clicked: 'yes',
  'safe-to-be-honest': 'yes',
  'made-me-think': 'yes',
  energized: 'yes',
};

type Case = { name: string; answers: ScorecardAnswers; verdict: FitVerdict; score: number | null };

const cases: Case[] = [
  { name: 'yes to everything', answers: { fit: allYes, redFlags: [] }, verdict: 'strong-fit', score: 100 },
  {
    name: 'mostly yes, one unsure',
    answers: { fit: { ...allYes, 'made-me-think': 'partly' }, redFlags: [] },
    verdict: 'strong-fit',
    score: 88,
  },
  {
    name: 'good answers but one red flag',
    answers: { fit: allYes, redFlags: ['advice-instead-of-questions'] },
    verdict: 'possible-fit',
    score: 75,
  },
  {
    name: 'two red flags outweigh good answers',
    answers: { fit: allYes, redFlags: ['talked-more-than-listened', 'predetermined-outcome'] },
    verdict: 'poor-fit',
    score: 50,
  },
  {
    name: 'did not feel safe as a red flag',
    answers: { fit: allYes, redFlags: ['did-not-feel-safe'] },
    verdict: 'poor-fit',
    score: 49,
  },
  {
    name: 'not safe to be honest',
    answers: { fit: { ...allYes, 'safe-to-be-honest': 'no' }, redFlags: [] },
    verdict: 'poor-fit',
    score: 49,
  },
  {
    name: 'lukewarm all round',
    answers: {
      fit: {
        clicked: 'partly',
        'safe-to-be-honest': 'partly',
        'made-me-think': 'partly',
        energized: 'partly',
      },
      redFlags: [],
    },
    verdict: 'possible-fit',
    score: 50,
  },
  {
    name: 'did not click and left deflated',
    answers: {
      fit: { clicked: 'no', 'safe-to-be-honest': 'partly', 'made-me-think': 'partly', energized: 'no' },
      redFlags: [],
    },
    verdict: 'poor-fit',
    score: 25,
  },
  {
    name: 'half answered',
    answers: { fit: { clicked: 'yes', energized: 'yes' }, redFlags: [] },
    verdict: 'incomplete',
    score: 100,
  },
  { name: 'nothing answered', answers: { fit: {}, redFlags: [] }, verdict: 'incomplete', score: null },
  {
    name: 'half answered but already unsafe',
    answers: { fit: { clicked: 'yes' }, redFlags: ['did-not-feel-safe'] },
    verdict: 'poor-fit',
    score: 49,
  },
];

describe('scoreScorecard', () => {
  it.each([
    [[], 100],
    [['advice-instead-of-questions'], 75],
    [['advice-instead-of-questions', 'talked-more-than-listened'], 50],
    [['did-not-feel-safe'], 49],
  ] as const)('red flags %o lower a perfect score to %i', (flags, score) => {
    expect(scoreScorecard({ fit: allYes, redFlags: [...flags] }).score).toBe(score);
  });

  it.each(cases)('$name → $verdict ($score)', ({ answers, verdict, score }) => {
    const result = scoreScorecard(answers);
    expect(result.verdict).toBe(verdict);
    expect(result.score).toBe(score);
  });

  it('summarises what went well and what did not', () => {
    const result = scoreScorecard({
      fit: { clicked: 'yes', 'safe-to-be-honest': 'yes', 'made-me-think': 'no', energized: 'yes' },
      redFlags: ['advice-instead-of-questions'],
    });
    expect(result).toMatchObject({
      verdict: 'possible-fit',
      score: 50,
      strengths: ['clicked', 'safe-to-be-honest', 'energized'],
      concerns: ['made-me-think'],
      redFlags: ['advice-instead-of-questions'],
      unanswered: [],
    });
    expect(result.summary).toBe(
      'Possible fit: it clicked, you felt safe being honest and you left energized, but the questions did not shift your thinking. Red flag: they gave advice instead of asking questions. Compare it with your other intros before deciding.',
    );
  });

  it('says how much is left when unfinished', () => {
    const result = scoreScorecard({ fit: { clicked: 'yes' }, redFlags: [] });
    expect(result.unanswered).toEqual(['safe-to-be-honest', 'made-me-think', 'energized']);
    expect(result.summary).toMatch(/answer 3 more questions/);
  });

  it('lists the candidate questions still without notes', () => {
    const result = scoreScorecard({
      fit: allYes,
      redFlags: [],
      guideAnswers: {
        'what-it-means-to-you': 'Helping people find their own answers',
        'style-and-structure': '  ',
      },
    });
    expect(result.missingGuideAnswers).toEqual(['style-and-structure', 'background-and-clients']);
  });
});

describe('compareScorecards', () => {
  it('puts the strongest fit first and poor fits last', () => {
    const ranked = compareScorecards([
      { id: 'poor', answers: { fit: allYes, redFlags: ['did-not-feel-safe'] } },
      { id: 'half', answers: { fit: { clicked: 'yes' }, redFlags: [] } },
      { id: 'good', answers: { fit: { ...allYes, energized: 'partly' }, redFlags: [] } },
      { id: 'best', answers: { fit: allYes, redFlags: [] } },
      { id: 'flagged', answers: { fit: allYes, redFlags: ['talked-more-than-listened'] } },
    ]);
    expect(ranked.map((c) => c.id)).toEqual(['best', 'good', 'flagged', 'half', 'poor']);
  });
});

describe('guideQuestionsFor', () => {
  it.each([
    { kind: 'coaching' as const, first: 'What is coaching to you?' },
    { kind: 'mentoring' as const, first: 'What is mentoring to you?' },
  ])('asks in $kind terms', ({ kind, first }) => {
    const questions = guideQuestionsFor(kind);
    expect(questions.map((q) => q.id)).toEqual([
      'what-it-means-to-you',
      'style-and-structure',
      'background-and-clients',
    ]);
    expect(questions[0]?.question).toBe(first);
  });
});
