import { describe, expect, it } from 'vitest';
import { questionsIn, type ThreadMessage, unansweredQuestions } from './unanswered-questions';

const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 10, day, hour));
let next = 0;
const msg = (authorId: string, body: string, createdAt: Date): ThreadMessage => ({
  id: `m${++next}`,
  authorId,
  body,
  createdAt,
});

describe('questionsIn', () => {
  it.each([
    ['Should I push back on the Q3 roadmap?', 'Should I push back on the Q3 roadmap?'],
    ['Thanks for today. Could you send the pricing doc?', 'Could you send the pricing doc?'],
    ['Two things. Is Tuesday ok? And who owns the launch?', 'Is Tuesday ok? And who owns the launch?'],
    ['Thanks, that helped!', null],
    ['See https://example.test/doc?id=3 for the plan.', null],
    ['???', null],
    ['Did it land ("yes or no?")', 'Did it land ("yes or no?")'],
    ['', null],
  ])('%j → %j', (body, expected) => {
    expect(questionsIn(body)).toBe(expected);
  });

  it('shortens a very long question to 200 characters', () => {
    const text = questionsIn(`${'Why '.repeat(80)}?`);
    expect(text?.length).toBe(200);
    expect(text?.endsWith('…')).toBe(true);
  });
});

describe('unansweredQuestions', () => {
  const until = at(20);

  it('keeps a question the other person has not written after', () => {
    const question = msg('mia', 'Should I take the platform role?', at(10));
    expect(unansweredQuestions([question], { since: null, until })).toEqual([
      { id: question.id, authorId: 'mia', text: 'Should I take the platform role?' },
    ]);
  });

  it('drops a question once the other person writes back', () => {
    const messages = [msg('mia', 'Should I take it?', at(10)), msg('gus', 'Let us talk it through.', at(11))];
    expect(unansweredQuestions(messages, { since: null, until })).toEqual([]);
  });

  it('does not count the asker’s own follow-up as an answer', () => {
    const messages = [msg('mia', 'Should I take it?', at(10)), msg('mia', 'Also: by Friday?', at(11))];
    expect(unansweredQuestions(messages, { since: null, until }).map((q) => q.text)).toEqual([
      'Should I take it?',
      'Also: by Friday?',
    ]);
  });

  it('keeps both sides’ open questions, in the order they were asked, whatever the input order', () => {
    const first = msg('gus', 'How did the review go?', at(9));
    const reply = msg('mia', 'Well. Can we cover hiring next time?', at(10));
    expect(unansweredQuestions([reply, first], { since: null, until }).map((q) => q.id)).toEqual([reply.id]);
  });

  it('looks only inside the window: older questions were for an earlier session, later ones for a later one', () => {
    const old = msg('mia', 'Old question?', at(1));
    const late = msg('mia', 'Asked after the session started?', at(21));
    const current = msg('mia', 'Current question?', at(15));
    expect(unansweredQuestions([old, late, current], { since: at(5), until }).map((q) => q.id)).toEqual([
      current.id,
    ]);
  });

  it('counts an answer only if it came before the session', () => {
    const question = msg('mia', 'Is the offer fair?', at(19));
    const answerAfter = msg('gus', 'Yes, take it.', at(22));
    expect(unansweredQuestions([question, answerAfter], { since: null, until })).toHaveLength(1);
  });
});
