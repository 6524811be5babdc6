import { and, eq, gt, isNotNull, lt, or } from 'drizzle-orm';
import { INTRO_SESSION_MINUTES } from '../../domain/settings/scheduling';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { guideProfiles, introRequests } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import { type BusyInterval, type BusyReader, readBusy } from './busy-reader';
import { checkRange, computeSlots, type HiddenReason, type SlotsAnswer, type SlotsRange } from './list-slots';

export type IntroSlotsAnswer = Pick<
  SlotsAnswer,
  'slots' | 'hidden' | 'byAgreement' | 'sessionMinutes' | 'zones'
>;

const INTRO_MS = INTRO_SESSION_MINUTES * 60_000;

// Anyone signed in may see a guide's open intro times, so the guide's side says only that their times cannot
// be offered and since when: which calendar failed and why is the guide's business, not a stranger's.
function privateToGuide(hidden: HiddenReason, guideId: string): HiddenReason {
  if (hidden.userId !== guideId) return hidden;
  return {
    who: hidden.who,
    userId: hidden.userId,
    reason: `${hidden.who}’s open times cannot be offered right now.`,
    ...(hidden.since ? { since: hidden.since } : {}),
  };
}

/**
 * The guide's intro time already spoken for: a slot another member picked (held while the guide answers)
 * and every accepted intro. Intros are not sessions, so the session rules cannot see them.
 */
async function heldIntroTimes(db: Db | Tx, guideId: string, window: SlotsRange): Promise<BusyInterval[]> {
  const rows = await db
    .select({
      slotStart: introRequests.slotStart,
      slotEnd: introRequests.slotEnd,
      scheduledAt: introRequests.scheduledAt,
    })
    .from(introRequests)
    .where(
      and(
        eq(introRequests.guideId, guideId),
        or(
          and(eq(introRequests.status, 'requested'), isNotNull(introRequests.slotStart)),
          and(eq(introRequests.status, 'accepted'), isNotNull(introRequests.scheduledAt)),
        ),
        or(
          and(lt(introRequests.slotStart, window.to), gt(introRequests.slotEnd, window.from)),
          and(
            lt(introRequests.scheduledAt, window.to),
            gt(introRequests.scheduledAt, new Date(window.from.getTime() - INTRO_MS)),
          ),
        ),
      ),
    );
  return rows.flatMap((row): BusyInterval[] => {
    // An accepted intro keeps its slot only when accepted at that time (respondToIntro drops it otherwise).
    if (row.slotStart && row.slotEnd) {
      return [{ start: row.slotStart, end: row.slotEnd }];
    }
    if (row.scheduledAt) {
      return [{ start: row.scheduledAt, end: new Date(row.scheduledAt.getTime() + INTRO_MS) }];
    }
    return [];
  });
}

/** The busy reader with the guide's held intro times added to the guide's busy time. */
function withHeldIntros(busyReader: BusyReader, guideId: string): BusyReader {
  return async (db, userIds, window, now) => {
    const answer = await busyReader(db, userIds, window, now);
    const held = await heldIntroTimes(db, guideId, window);
    if (held.length === 0) return answer;
    const busy = new Map(answer.busy);
    busy.set(guideId, [...(busy.get(guideId) ?? []), ...held]);
    return { ...answer, busy };
  };
}

/** The open intro times between a guide and one person, without the request checks (requestIntro reuses it). */
export async function computeIntroSlots(
  db: Db | Tx,
  askerId: string,
  guideId: string,
  range: SlotsRange,
  now: Date,
  busyReader: BusyReader = readBusy,
): Promise<IntroSlotsAnswer> {
  const answer = await computeSlots(
    db,
    {
      guideId,
      otherId: askerId,
      range,
      now,
      notice: 'intro',
      sessionMinutes: INTRO_SESSION_MINUTES,
      byAgreementHow:
        'Propose up to five times in an intro request (POST /api/v1/intros); the guide accepts one of them.',
    },
    withHeldIntros(busyReader, guideId),
  );
  return { ...answer, hidden: answer.hidden.map((hidden) => privateToGuide(hidden, guideId)) };
}

/**
 * GET /guides/{guideId}/intro-slots: the times an intro with an active guide could take, from the guide's
 * hours and rules and both people's busy time only, with the intro's own notice and length.
 */
export async function listIntroSlots(
  db: Db,
  actor: Actor,
  guideId: string,
  range: SlotsRange,
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
  return computeIntroSlots(db, actor.userId, guideId, range, now, busyReader);
}
