import { desc, eq, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { introRequests, user } from '../db/schema';
import { notFound } from '../http/problem';
import type { IntroView } from './schemas';

const memberUser = alias(user, 'intro_member');
const guideUser = alias(user, 'intro_guide');

async function selectIntros(db: Db | Tx, where: SQL | undefined): Promise<IntroView[]> {
  const rows = await db
    .select({ intro: introRequests, memberName: memberUser.name, guideName: guideUser.name })
    .from(introRequests)
    .innerJoin(memberUser, eq(memberUser.id, introRequests.memberId))
    .innerJoin(guideUser, eq(guideUser.id, introRequests.guideId))
    .where(where)
    .orderBy(desc(introRequests.createdAt));
  return rows.map(({ intro, memberName, guideName }) => ({
    id: intro.id,
    member: { userId: intro.memberId, name: memberName },
    guide: { userId: intro.guideId, name: guideName },
    message: intro.message,
    proposedTimes: intro.proposedTimes,
    slot:
      intro.slotStart && intro.slotEnd
        ? { start: intro.slotStart.toISOString(), end: intro.slotEnd.toISOString() }
        : null,
    status: intro.status,
    scheduledAt: intro.scheduledAt?.toISOString() ?? null,
    guideProposedAt: intro.guideProposedAt?.toISOString() ?? null,
    guideNote: intro.guideNote,
    declineReason: intro.declineReason,
    guideNoShow: intro.guideNoShow !== null,
    createdAt: intro.createdAt.toISOString(),
    respondedAt: intro.respondedAt?.toISOString() ?? null,
  }));
}

// Both sides of an intro see its status; nobody else learns it exists.
export async function getIntro(db: Db | Tx, actor: Actor, introId: string): Promise<IntroView> {
  const [intro] = await selectIntros(db, eq(introRequests.id, introId));
  if (!intro || (intro.member.userId !== actor.userId && intro.guide.userId !== actor.userId)) {
    throw notFound('intro request');
  }
  return intro;
}

export async function listIntros(
  db: Db,
  actor: Actor,
): Promise<{ sent: IntroView[]; received: IntroView[] }> {
  const all = await selectIntros(
    db,
    or(eq(introRequests.memberId, actor.userId), eq(introRequests.guideId, actor.userId)),
  );
  return {
    sent: all.filter((intro) => intro.member.userId === actor.userId),
    received: all.filter((intro) => intro.guide.userId === actor.userId),
  };
}
