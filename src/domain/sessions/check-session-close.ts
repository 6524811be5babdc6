import { MIN_NEXT_STEPS_TO_CLOSE } from '../settings/sessions';

export type SessionOutcome = 'held' | 'cancelled' | 'no-show';

export type NextStep = { kind: 'practical' | 'reflective'; text: string };

export type SessionCloseCheck = {
  ok: boolean;
  reasons: { code: 'next-step-missing'; message: string }[];
};

/**
 * A held session always ends with a next step, because the change happens between sessions.
 * A session that did not take place has nothing to follow up.
 */
export const checkSessionClose = ({
  outcome,
  nextSteps,
}: {
  outcome: SessionOutcome;
  nextSteps: NextStep[];
}): SessionCloseCheck => {
  if (outcome !== 'held') return { ok: true, reasons: [] };
  const written = nextSteps.filter((step) => step.text.trim() !== '').length;
  if (written >= MIN_NEXT_STEPS_TO_CLOSE) return { ok: true, reasons: [] };
  const needed = MIN_NEXT_STEPS_TO_CLOSE === 1 ? 'one next step' : `${MIN_NEXT_STEPS_TO_CLOSE} next steps`;
  return {
    ok: false,
    reasons: [
      {
        code: 'next-step-missing',
        message: `Add at least ${needed} before closing: something practical to do (for example, talk to your manager) or a question to think through before you meet again.`,
      },
    ],
  };
};
