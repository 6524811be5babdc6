import { OUTREACH_ESCALATION_CALL_MINUTES } from '../settings/asks';
import { OUTREACH_APPLY_NUDGE_DAYS, OUTREACH_CIRCLE_BACK_NUDGE_DAYS } from '../settings/directory';

export type OutreachStage =
  | 'drafted'
  | 'sent'
  | 'replied'
  | 'applied'
  | 'circled-back'
  | 'escalated'
  | 'recurring';
export type OutreachNudgeCode = 'apply-the-advice' | 'circle-back' | 'offer-something-back' | 'escalate';
export type OutreachNudge = { code: OutreachNudgeCode; message: string };

export type OutreachState = {
  stage: OutreachStage;
  /** When each stage was reached, as ISO instants. */
  stageDates: Partial<Record<OutreachStage, string>>;
  /** What the member offered the expert in return, if anything. */
  offeredBack: string;
  now: Date;
};

const DAY_MS = 86_400_000;
const daysSince = (iso: string | undefined, now: Date): number =>
  iso === undefined ? 0 : Math.floor((now.getTime() - new Date(iso).getTime()) / DAY_MS);
const order: OutreachStage[] = [
  'drafted',
  'sent',
  'replied',
  'applied',
  'circled-back',
  'escalated',
  'recurring',
];
const reached = (stage: OutreachStage, target: OutreachStage) =>
  order.indexOf(stage) >= order.indexOf(target);

/**
 * Keeps an outside expert's goodwill growing: use the advice, tell them what came of it, give
 * something back, and only then ask for a little more of their time.
 */
export const outreachNudges = (state: OutreachState): OutreachNudge[] => {
  const nudges: OutreachNudge[] = [];
  if (
    state.stage === 'replied' &&
    daysSince(state.stageDates.replied, state.now) >= OUTREACH_APPLY_NUDGE_DAYS
  ) {
    nudges.push({
      code: 'apply-the-advice',
      message:
        'They replied a while ago. Put their advice to work, even in a small way, so you have something to report back.',
    });
  }
  if (
    state.stage === 'applied' &&
    daysSince(state.stageDates.applied, state.now) >= OUTREACH_CIRCLE_BACK_NUDGE_DAYS
  ) {
    nudges.push({
      code: 'circle-back',
      message:
        'You applied their advice: tell them what you did and what happened. Few people ever do, and experts remember those who do.',
    });
  }
  if (reached(state.stage, 'replied') && state.offeredBack.trim() === '') {
    nudges.push({
      code: 'offer-something-back',
      message:
        'You have not offered anything back yet: a useful link, an intro, feedback on their work, or sharing their idea with credit.',
    });
  }
  if (state.stage === 'circled-back') {
    nudges.push({
      code: 'escalate',
      message: `They have seen their advice used. Now a ${OUTREACH_ESCALATION_CALL_MINUTES}-minute call on one specific question is a fair next ask.`,
    });
  }
  return nudges;
};
