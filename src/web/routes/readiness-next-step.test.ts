import { describe, expect, it } from 'vitest';
import { helpKinds } from '../../domain/readiness/help-kinds';
import { nextStepFor } from './readiness-next-step';

describe('readiness result next step', () => {
  it.each([
    ['mentor', 'Find a mentor', '/guides?kind=mentor'],
    ['coach', 'Find a coach', '/guides?kind=coach'],
    ['self-coaching', 'Start your journal', '/journal'],
  ] as const)('%s → %s (%s)', (kind, label, to) => {
    expect(nextStepFor(kind)).toEqual({ label, to });
  });
  it('sends nobody needing professional support to the directory', () => {
    expect(nextStepFor('professional-support')).toBeNull();
  });
  it('gives every other kind a step', () => {
    for (const kind of helpKinds.filter((k) => k !== 'professional-support')) {
      expect(nextStepFor(kind)?.to).toMatch(/^\//);
    }
  });
});
