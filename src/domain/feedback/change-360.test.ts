import { describe, expect, it } from 'vitest';
import { type Answer360, changePerQuestion, overallChange } from './change-360';

const calm = 'In our team meetings, how calm did I stay when challenged?';
const listen = 'When you raised a concern, did I listen before answering?';
const rate = (round: Answer360['round'], rating: number | null, text: string | null = null): Answer360 => ({
  question: calm,
  scale: true,
  round,
  rating,
  text,
});

describe('change per question in a before/after 360', () => {
  it('gives the mean before, the mean after and their difference for a scale question', () => {
    const [change] = changePerQuestion([
      rate('before', 2),
      rate('before', 3),
      rate('before', null),
      rate('after', 4),
      rate('after', 4, 'Much calmer lately'),
      rate('after', 5),
    ]);
    expect(change?.before).toEqual({ asked: 3, answered: 2, mean: 2.5, texts: [] });
    expect(change?.after).toEqual({ asked: 3, answered: 3, mean: 4.33, texts: ['Much calmer lately'] });
    expect(change?.difference).toBe(1.83);
  });

  it('has no difference until both rounds have a rating', () => {
    const [change] = changePerQuestion([rate('before', 3), rate('after', null)]);
    expect(change?.after.mean).toBeNull();
    expect(change?.difference).toBeNull();
  });

  it('sets the words of a text question side by side, without a number', () => {
    const text = (round: Answer360['round'], words: string | null): Answer360 => ({
      question: listen,
      scale: false,
      round,
      rating: null,
      text: words,
    });
    const [change] = changePerQuestion([text('before', 'Not really'), text('after', 'Yes, mostly')]);
    expect(change).toMatchObject({
      scale: false,
      difference: null,
      before: { answered: 1, mean: null, texts: ['Not really'] },
      after: { answered: 1, mean: null, texts: ['Yes, mostly'] },
    });
  });

  it('keeps one row per question, matched on its text whatever the case or spaces', () => {
    const changes = changePerQuestion([
      rate('before', 1),
      { ...rate('after', 3), question: `  ${calm.toUpperCase()} ` },
      { question: listen, scale: false, round: 'before', rating: null, text: 'Sometimes' },
    ]);
    expect(changes.map((c) => c.question)).toEqual([calm, listen]);
    expect(changes[0]?.difference).toBe(2);
  });

  it('averages a member’s overall change over the scale questions with a difference', () => {
    const other = (round: Answer360['round'], rating: number): Answer360 => ({
      ...rate(round, rating),
      question: 'How clearly did I explain decisions in the planning meeting?',
    });
    const changes = changePerQuestion([
      rate('before', 2),
      rate('after', 4),
      other('before', 4),
      other('after', 3),
    ]);
    expect(overallChange(changes)).toBe(0.5);
    expect(overallChange(changePerQuestion([rate('before', 2)]))).toBeNull();
  });
});
