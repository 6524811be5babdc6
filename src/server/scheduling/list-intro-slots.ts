import { and, eq } from 'drizzle-orm';
import { INTRO_SESSION_MINUTES } from '../../domain/settings/scheduling';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { guideProfiles } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import { type BusyReader, readBusy } from './busy-reader';
import { checkRange, computeSlots, type HiddenReason, type SlotsAnswer } from './list-slots';

export type IntroSlotsAnswer = Pick<
  SlotsAnswer,
  'slots' | 'hidden' | 'byAgreement' | 'sessionMinutes' | 'zones'
>;

// Anyone signed in may see a guide's open intro times, so the guide's side says only that their times cannot
// be offered: which calendar failed, since when and why is the guide's business, not a stranger's.
function privateToGuide(hidden: HiddenReason, guideId: string): HiddenReason {
  if (hidden.userId !== guideId) return hidden;
  return {
    who: hidden.who,
    userId: hidden.userId,
    reason: `${hidden.who}’s open times cannot be offered right now.`,
  };
}

/**
 * GET /guides/{guideId}/intro-slots: the times an intro with an active guide could take, from the guide's
 * hours and rules and both people's busy time only, with the intro's own notice and length.
 */
export async function listIntroSlots(
  db: Db,
  actor: Actor,
  guideId: string,
  range: { from: Date; to: Date },
  now: Date,
  busyReader: BusyReader = readBusy,
): Promise<IntroSlotsAnswer> {
  checkRange(range);
  if (guideId === actor.userId) {
    throw new Problem(
      422,
      'invalid-input',
      'guideId: an intro is with another guide, not yourself',
      'guideId',
    );
  }
  const [profile] = await db
    .select({ userId: guideProfiles.userId })
    .from(guideProfiles)
    .where(and(eq(guideProfiles.userId, guideId), eq(guideProfiles.status, 'active')));
  if (!profile) throw notFound('guide');
  const answer = await computeSlots(
    db,
    {
      guideId,
      otherId: actor.userId,
      range,
      now,
      notice: 'intro',
      sessionMinutes: INTRO_SESSION_MINUTES,
      byAgreementHow:
        'Propose up to five times in an intro request (POST /api/v1/intros); the guide accepts one of them.',
    },
    busyReader,
  );
  return { ...answer, hidden: answer.hidden.map((hidden) => privateToGuide(hidden, guideId)) };
}
