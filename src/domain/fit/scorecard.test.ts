import { describe, expect, it } from 'vitest';
import { fitAnswerLabel } from './scorecard';

describe('fitAnswerLabel', () => {
  it.each([
    ['energized', 'yes', 'Energized'],
    ['energized', 'no', 'Deflated'],
    ['clicked', 'partly', 'Not sure'],
    ['made-me-think', 'partly', 'A little'],
    ['safe-to-be-honest', undefined, 'Not answered'],
  ] as const)('%s %s reads %s', (question, answer, label) => {
    expect(fitAnswerLabel(question, answer)).toBe(label);
  });
});
