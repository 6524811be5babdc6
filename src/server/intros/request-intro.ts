import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { introRequests } from '../db/schema';
import { loadGuide } from '../guide-profiles/get-guide-profile';
import { notFound, Problem } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import { isOverlapViolation } from '../scheduling/book-slot';
import { type BusyReader, readBusy } from '../scheduling/busy-reader';
import { getIntro } from './load-intros';
import { freshIntroSlots, type IntroSlot, IntroSlotTakenProblem, pickIntroSlot } from './pick-intro-slot';
import type { CreateIntroInput, IntroView } from './schemas';

export function formatWhen(iso: string | Date, timeZone: string): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return `${date.toLocaleString('en-GB', { timeZone, dateStyle: 'full', timeStyle: 'short' })} (${timeZone})`;
}

export async function requestIntro(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  input: CreateIntroInput,
  now: Date,
  busyReader: BusyReader = readBusy,
): Promise<IntroView> {
  if (input.guideId === actor.userId) throw notFound('guide');
  const guide = await loadGuide(db, input.guideId);
  // A paused guide is hidden from search; a direct request must not reach them either.
  if (guide.profile.status !== 'active') throw notFound('guide');
  const proposedTimes = input.proposedTimes ?? [];
  const past = proposedTimes.findIndex((time) => new Date(time).getTime() <= now.getTime());
  if (past !== -1) {
    throw new Problem(
      422,
      'time-in-past',
      `proposedTimes.${past}: must be in the future`,
      `proposedTimes.${past}`,
    );
  }
  const slot: IntroSlot | null = input.slotStart
    ? await pickIntroSlot(db, actor.userId, input.guideId, input.slotStart, now, busyReader)
    : null;
  const intro = await db
    .transaction(async (tx) => {
      const [open] = await tx
        .select({ id: introRequests.id })
        .from(introRequests)
        .where(
          and(
            eq(introRequests.memberId, actor.userId),
            eq(introRequests.guideId, input.guideId),
            inArray(introRequests.status, ['requested', 'new-time-proposed']),
          ),
        );
      if (open) {
        throw new Problem(
          409,
          'intro-already-open',
          'You already have an open intro request with this guide.',
          'guideId',
        );
      }
      const [row] = await tx
        .insert(introRequests)
        .values({
          memberId: actor.userId,
          guideId: input.guideId,
          message: input.message,
          proposedTimes: slot
            ? [slot.start.toISOString()]
            : proposedTimes.map((time) => new Date(time).toISOString()),
          slotStart: slot?.start ?? null,
          slotEnd: slot?.end ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: introRequests.id });
      if (!row) throw new Error('insert returned no intro request');
      return getIntro(tx, actor, row.id);
    })
    .catch(async (error: unknown) => {
      // Another member's request took the same slot between the check and the insert.
      if (slot && isOverlapViolation(error)) {
        throw new IntroSlotTakenProblem(
          await freshIntroSlots(db, actor.userId, input.guideId, slot.start, now, busyReader),
        );
      }
      throw error;
    });
  await mailer.send({
    to: guide.email,
    subject: `${actor.name} would like a free intro session`,
    text: [
      `${actor.name} wrote: "${input.message}"`,
      `${slot ? 'They picked one of your open intro times' : 'Times they proposed'}:\n${intro.proposedTimes.map((time) => `- ${formatWhen(time, guide.profile.timeZone)}`).join('\n')}`,
      'Accept one, propose another time, or decline with a short reason from your intro requests in Corner.',
    ].join('\n\n'),
  });
  return intro;
}
