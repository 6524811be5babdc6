import type { Db } from '../../src/server/db/client';
import { relationships, sessions, user } from '../../src/server/db/schema';

export type SeededPair = { id: string; memberId: string; guideId: string };

/**
 * An active mentoring pair of a cohort written straight to the database (member and guide as new
 * people), for reads that need many pairs with chosen facts rather than the journey to each.
 */
export async function insertCohortPair(
  db: Db,
  pair: {
    cohortId: string;
    memberId: string;
    guideId: string;
    memberName: string;
    guideName: string;
    createdAt: Date;
    acceptedAt: Date;
  },
): Promise<SeededPair> {
  await db.insert(user).values([
    { id: pair.memberId, name: pair.memberName, email: `${pair.memberId}@example.test` },
    { id: pair.guideId, name: pair.guideName, email: `${pair.guideId}@example.test` },
  ]);
  const [rel] = await db
    .insert(relationships)
    .values({
      memberId: pair.memberId,
      guideId: pair.guideId,
      invitedBy: pair.memberId,
      inviteeEmail: `${pair.guideId}@example.test`,
      inviteTokenHash: `token-${pair.memberId}-${Date.now()}`,
      kind: 'mentoring',
      framing: 'time-framed',
      status: 'active',
      createdAt: pair.createdAt,
      acceptedAt: pair.acceptedAt,
      cohortId: pair.cohortId,
    })
    .returning({ id: relationships.id });
  return { id: rel?.id ?? '', memberId: pair.memberId, guideId: pair.guideId };
}

/** An hour-long regular session of the pair starting at `startsAt`, booked by the member. */
export async function insertPairSession(
  db: Db,
  pair: SeededPair,
  startsAt: Date,
  status: 'held' | 'scheduled' | 'cancelled' | 'no-show',
  createdAt: Date,
): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({
      relationshipId: pair.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      bookedTimeZone: 'UTC',
      template: 'regular',
      status,
      createdBy: pair.memberId,
      createdAt,
    })
    .returning({ id: sessions.id });
  return row?.id ?? '';
}
