import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { guideProfiles, introRequests, user } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import { getIntro } from './load-intros';
import { formatWhen } from './request-intro';
import type { IntroView, RespondIntroInput } from './schemas';

async function loadForUpdate(db: Db, introId: string) {
  const [row] = await db.select().from(introRequests).where(eq(introRequests.id, introId));
  return row;
}

async function mailMember(db: Db, mailer: Mailer, intro: IntroView, subject: string, text: string) {
  const [member] = await db.select({ email: user.email }).from(user).where(eq(user.id, intro.member.userId));
  if (member) await mailer.send({ to: member.email, subject, text });
}

// The guide answers: accept with a time, propose another, or decline with a reason. Answering is
// activity, and the first answer sets the reply time that the directory shows as reliability.
export async function respondToIntro(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  introId: string,
  input: RespondIntroInput,
  now: Date,
): Promise<IntroView> {
  const row = await loadForUpdate(db, introId);
  if (!row || row.guideId !== actor.userId) throw notFound('intro request');
  if (row.status !== 'requested') {
    throw new Problem(409, 'intro-already-answered', `This intro request is already ${row.status}.`);
  }
  if (input.action !== 'decline' && new Date(input.time).getTime() <= now.getTime()) {
    throw new Problem(422, 'time-in-past', 'time: must be in the future', 'time');
  }
  // The slot the member picked stays held only when the intro is accepted at that very time; any other
  // answer frees it for other members (a proposed time is not held).
  const keepsSlot = input.action === 'accept' && row.slotStart?.getTime() === new Date(input.time).getTime();
  const slot = keepsSlot ? {} : { slotStart: null, slotEnd: null };
  const changes =
    input.action === 'accept'
      ? { status: 'accepted' as const, scheduledAt: new Date(input.time), guideNote: input.note, ...slot }
      : input.action === 'propose'
        ? {
            status: 'new-time-proposed' as const,
            guideProposedAt: new Date(input.time),
            guideNote: input.note,
            ...slot,
          }
        : { status: 'declined' as const, declineReason: input.reason, ...slot };
  const intro = await db.transaction(async (tx) => {
    const updated = await tx
      .update(introRequests)
      .set({ ...changes, respondedAt: row.respondedAt ?? now, updatedAt: now })
      .where(and(eq(introRequests.id, introId), eq(introRequests.status, 'requested')))
      .returning({ id: introRequests.id });
    if (updated.length === 0)
      throw new Problem(409, 'intro-already-answered', 'This intro request was just answered.');
    await tx.update(guideProfiles).set({ lastActiveAt: now }).where(eq(guideProfiles.userId, actor.userId));
    return getIntro(tx, actor, introId);
  });
  const [member] = await db
    .select({ timeZone: user.timeZone })
    .from(user)
    .where(eq(user.id, intro.member.userId));
  const zone = member?.timeZone ?? 'UTC';
  const text =
    input.action === 'accept'
      ? `${actor.name} accepted your intro request for ${formatWhen(input.time, zone)}.`
      : input.action === 'propose'
        ? `${actor.name} proposed another time for your intro: ${formatWhen(input.time, zone)}. Accept it from your intro requests.`
        : `${actor.name} declined your intro request: "${input.reason}". Other guides on your shortlist are worth a try.`;
  await mailMember(db, mailer, intro, `Your intro request with ${actor.name}`, text);
  return intro;
}

// The member takes the time the guide proposed.
export async function acceptProposedTime(
  db: Db,
  actor: Actor,
  introId: string,
  now: Date,
): Promise<IntroView> {
  const row = await loadForUpdate(db, introId);
  if (!row || row.memberId !== actor.userId) throw notFound('intro request');
  if (row.status !== 'new-time-proposed' || !row.guideProposedAt) {
    throw new Problem(409, 'no-proposed-time', 'The guide has not proposed another time for this intro.');
  }
  await db
    .update(introRequests)
    .set({ status: 'accepted', scheduledAt: row.guideProposedAt, updatedAt: now })
    .where(eq(introRequests.id, introId));
  return getIntro(db, actor, introId);
}

// A guide who misses an accepted intro gets a no-show on their record; counted once per intro.
export async function reportIntroNoShow(
  db: Db,
  actor: Actor,
  introId: string,
  now: Date,
): Promise<IntroView> {
  const row = await loadForUpdate(db, introId);
  if (!row || row.memberId !== actor.userId) throw notFound('intro request');
  if (row.status !== 'accepted' || !row.scheduledAt || row.scheduledAt.getTime() > now.getTime()) {
    throw new Problem(
      409,
      'intro-not-held-yet',
      'Only an accepted intro whose time has passed can be reported.',
    );
  }
  if (row.guideNoShow) return getIntro(db, actor, introId);
  await db.transaction(async (tx) => {
    await tx
      .update(introRequests)
      .set({ guideNoShow: now, updatedAt: now })
      .where(eq(introRequests.id, introId));
    await tx
      .update(guideProfiles)
      .set({ noShows: sql`${guideProfiles.noShows} + 1` })
      .where(eq(guideProfiles.userId, row.guideId));
  });
  return getIntro(db, actor, introId);
}
