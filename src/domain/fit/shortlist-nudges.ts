import {
  COMMIT_TOO_EARLY_MAX_INTROS,
  GIVE_UP_TOO_EARLY_MAX_INTROS,
  SHORTLIST_MAX_CANDIDATES,
  SHORTLIST_MIN_CANDIDATES,
} from '../settings/fit';

export type ShortlistNudgeCode =
  | 'committed-without-intro'
  | 'committed-after-one'
  | 'gave-up-after-one-poor-fit'
  | 'grow-shortlist'
  | 'shortlist-too-long'
  | 'book-intros'
  | 'talk-to-more'
  | 'all-poor-fits'
  | 'ready-to-decide';

export type ShortlistNudge = { code: ShortlistNudgeCode; level: 'info' | 'warning'; message: string };

export type ShortlistState = {
  /** Candidates on the shortlist, including those already met. */
  shortlistSize: number;
  introsHeld: number;
  /** Intros whose scorecard came out a poor fit. */
  poorFits: number;
  /** The member has committed to one of them. */
  chosen: boolean;
};

const range = `${SHORTLIST_MIN_CANDIDATES}–${SHORTLIST_MAX_CANDIDATES}`;

/**
 * Fit is personal and hard to judge from one conversation, so the member is nudged to meet a few
 * candidates: not to settle on the first, and not to give up after one that felt wrong.
 */
export const shortlistNudges = (state: ShortlistState): ShortlistNudge[] => {
  const introsHeld = Math.max(0, state.introsHeld);
  const shortlistSize = Math.max(state.shortlistSize, introsHeld);
  const poorFits = Math.min(Math.max(0, state.poorFits), introsHeld);
  const waiting = shortlistSize - introsHeld;

  if (state.chosen) {
    if (introsHeld === 0) {
      return [
        {
          code: 'committed-without-intro',
          level: 'warning',
          message: `You committed without a single intro session. Fit matters as much as expertise: a free intro with ${range} candidates is the best protection against a poor match.`,
        },
      ];
    }
    if (introsHeld <= COMMIT_TOO_EARLY_MAX_INTROS) {
      return [
        {
          code: 'committed-after-one',
          level: 'warning',
          message: `You committed after ${introsHeld === 1 ? 'one intro' : `${introsHeld} intros`}. If you have any doubt, talk to ${SHORTLIST_MIN_CANDIDATES - introsHeld} more before the first session; comparing is the only way to know it really clicked.`,
        },
      ];
    }
    return [];
  }

  const nudges: ShortlistNudge[] = [];
  if (
    introsHeld > 0 &&
    introsHeld <= GIVE_UP_TOO_EARLY_MAX_INTROS &&
    poorFits === introsHeld &&
    waiting === 0
  ) {
    nudges.push({
      code: 'gave-up-after-one-poor-fit',
      level: 'warning',
      message:
        'One intro that did not feel right says little about the next one. Fit is personal: add a few more candidates and keep going.',
    });
  } else if (shortlistSize < SHORTLIST_MIN_CANDIDATES) {
    nudges.push({
      code: 'grow-shortlist',
      level: 'info',
      message: `Add candidates until you have ${range} on your shortlist, so you can compare before deciding.`,
    });
  }
  if (shortlistSize > SHORTLIST_MAX_CANDIDATES) {
    nudges.push({
      code: 'shortlist-too-long',
      level: 'info',
      message: `With ${shortlistSize} candidates, comparing gets hard. Keep the ${SHORTLIST_MAX_CANDIDATES} who look most promising.`,
    });
  }
  if (introsHeld === 0 && shortlistSize > 0) {
    nudges.push({
      code: 'book-intros',
      level: 'info',
      message:
        'Book a free intro session with the people on your shortlist; a sample session tells you more than a profile.',
    });
  } else if (introsHeld > 0 && introsHeld < SHORTLIST_MIN_CANDIDATES && waiting > 0) {
    nudges.push({
      code: 'talk-to-more',
      level: 'info',
      message: `You have met ${introsHeld} of ${shortlistSize}. Meet at least ${SHORTLIST_MIN_CANDIDATES} before deciding${poorFits > 0 ? '; a poor fit along the way is normal' : ''}.`,
    });
  } else if (introsHeld >= SHORTLIST_MIN_CANDIDATES && poorFits >= introsHeld) {
    nudges.push({
      code: 'all-poor-fits',
      level: 'info',
      message:
        'None of the intros felt right. Look again at what you need: perhaps a mentor rather than a coach, or another style. The readiness check can help.',
    });
  } else if (introsHeld >= SHORTLIST_MIN_CANDIDATES) {
    nudges.push({
      code: 'ready-to-decide',
      level: 'info',
      message: `You have met ${introsHeld} candidates. Compare the scorecards side by side and choose the one you trust.`,
    });
  }
  return nudges;
};
