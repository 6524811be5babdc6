import { describe, expect, it } from 'vitest';
import { checkSessionClose, type NextStep, type SessionOutcome } from './check-session-close';

describe('checkSessionClose', () => {
  it.each<{ name: string; outcome: SessionOutcome; nextSteps: NextStep[]; ok: boolean }>([
    {
      name: 'held with a practical step',
      outcome: 'held',
      nextSteps: [{ kind: 'practical', text: 'Talk to my manager about scope' }],
      ok: true,
    },
    {
      name: 'held with a reflective step',
      outcome: 'held',
      nextSteps: [{ kind: 'reflective', text: 'What am I protecting by saying yes to everything?' }],
      ok: true,
    },
    {
      name: 'held with several steps',
      outcome: 'held',
      nextSteps: [
        { kind: 'practical', text: 'a' },
        { kind: 'reflective', text: 'b' },
      ],
      ok: true,
    },
    { name: 'held without a step', outcome: 'held', nextSteps: [], ok: false },
    {
      name: 'held with only a blank step',
      outcome: 'held',
      nextSteps: [{ kind: 'practical', text: '   ' }],
      ok: false,
    },
    { name: 'cancelled without a step', outcome: 'cancelled', nextSteps: [], ok: true },
    { name: 'a no-show without a step', outcome: 'no-show', nextSteps: [], ok: true },
  ])('$name → ok: $ok', ({ outcome, nextSteps, ok }) => {
    const check = checkSessionClose({ outcome, nextSteps });
    expect(check.ok).toBe(ok);
    expect(check.reasons.map((r) => r.code)).toEqual(ok ? [] : ['next-step-missing']);
  });

  it('explains what counts as a next step', () => {
    const [reason] = checkSessionClose({ outcome: 'held', nextSteps: [] }).reasons;
    expect(reason?.message).toMatch(/practical/);
    expect(reason?.message).toMatch(/think through/);
  });
});
