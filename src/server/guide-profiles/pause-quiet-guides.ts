import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { QUIET_GUIDE_DAYS } from '../../domain/settings/directory';
import type { Db } from '../db/client';
import { guideProfiles, introRequests, user } from '../db/schema';
import type { Mailer } from '../mail/mailer';

const MS_PER_DAY = 86_400_000;

export type PausedGuide = { guideId: string; email: string; waitingRequests: number };

/**
 * A guide who leaves intro requests unanswered for the quiet period, and has done nothing else in
 * Corner since, is paused from the directory and from matching, and told so by mail with the way back.
 * Members are never left waiting on someone who has gone quiet, and the guide is never dropped silently.
 * Safe to run repeatedly: a paused guide is not paused (or mailed) again.
 */
export async function pauseQuietGuides(db: Db, mailer: Mailer, now: Date): Promise<PausedGuide[]> {
  const cutoff = new Date(now.getTime() - QUIET_GUIDE_DAYS * MS_PER_DAY);
  const paused = await db.transaction(async (tx) => {
    const quiet = await tx
      .select({
        guideId: guideProfiles.userId,
        email: user.email,
        waitingRequests: sql<number>`count(${introRequests.id})::int`,
      })
      .from(guideProfiles)
      .innerJoin(user, eq(user.id, guideProfiles.userId))
      .innerJoin(introRequests, eq(introRequests.guideId, guideProfiles.userId))
      .where(
        and(
          eq(guideProfiles.status, 'active'),
          lt(guideProfiles.lastActiveAt, cutoff),
          eq(introRequests.status, 'requested'),
          lt(introRequests.createdAt, cutoff),
        ),
      )
      .groupBy(guideProfiles.userId, user.email);
    if (quiet.length === 0) return [];
    await tx
      .update(guideProfiles)
      .set({
        status: 'paused',
        pausedAt: now,
        updatedAt: now,
        pausedReason: `No reply to intro requests for ${QUIET_GUIDE_DAYS} days.`,
      })
      .where(
        inArray(
          guideProfiles.userId,
          quiet.map((row) => row.guideId),
        ),
      );
    return quiet;
  });
  // Mail only after the pause is committed, so nobody is told about a change that did not happen.
  for (const guide of paused) {
    await mailer.send({
      to: guide.email,
      subject: 'Your Corner guide profile is paused',
      text: [
        `You have ${guide.waitingRequests} intro request${guide.waitingRequests === 1 ? '' : 's'} waiting for more than ${QUIET_GUIDE_DAYS} days without a reply.`,
        'So that members are not left waiting, your profile no longer appears in the directory or in program matching.',
        'Nothing is lost: reply to the waiting requests and choose "Resume my profile" on your guide profile page to be found again.',
      ].join('\n\n'),
    });
  }
  return paused;
}
