import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { introRequests } from '../db/schema';
import { loadGuide } from '../guide-profiles/get-guide-profile';
import { notFound, Problem } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import { getIntro } from './load-intros';
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
): Promise<IntroView> {
  if (input.guideId === actor.userId) throw notFound('guide');
  const guide = await loadGuide(db, input.guideId);
  // A paused guide is hidden from search; a direct request must not reach them either.
  if (guide.profile.status !== 'active') throw notFound('guide');
  const past = input.proposedTimes.findIndex((time) => new Date(time).getTime() <= now.getTime());
  if (past !== -1) {
    throw new Problem(
      422,
      'time-in-past',
      `proposedTimes.${past}: must be in the future`,
      `proposedTimes.${past}`,
    );
  }
  const intro = await db.transaction(async (tx) => {
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
        proposedTimes: input.proposedTimes.map((time) => new Date(time).toISOString()),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: introRequests.id });
    if (!row) throw new Error('insert returned no intro request');
    return getIntro(tx, actor, row.id);
  });
  await mailer.send({
    to: guide.email,
    subject: `${actor.name} would like a free intro session`,
    text: [
      `${actor.name} wrote: "${input.message}"`,
      `Times they proposed:\n${intro.proposedTimes.map((time) => `- ${formatWhen(time, guide.profile.timeZone)}`).join('\n')}`,
      'Accept one, propose another time, or decline with a short reason from your intro requests in Corner.',
    ].join('\n\n'),
  });
  return intro;
}
