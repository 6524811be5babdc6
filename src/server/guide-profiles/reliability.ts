import { and, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { guideProfiles, introRequests, relationships } from '../db/schema';
import type { Reliability } from './schemas';

const SECONDS_PER_HOUR = 3600;

// Active relationships per guide, for "capacity left".
export async function countActiveRelationships(
  db: Db | Tx,
  guideIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map(guideIds.map((id) => [id, 0]));
  if (guideIds.length === 0) return counts;
  const rows = await db
    .select({ guideId: relationships.guideId, n: count() })
    .from(relationships)
    .where(and(inArray(relationships.guideId, [...guideIds]), eq(relationships.status, 'active')))
    .groupBy(relationships.guideId);
  for (const row of rows) if (row.guideId) counts.set(row.guideId, row.n);
  return counts;
}

export type ReplyTimes = Pick<Reliability, 'medianReplyHours' | 'introRequestsAnswered'>;

// How fast guides answer intro requests, for callers that already hold the profile rows (the
// directory) and so need only this part of reliability.
export async function loadReplyTimes(
  db: Db | Tx,
  guideIds: readonly string[],
): Promise<Map<string, ReplyTimes>> {
  if (guideIds.length === 0) return new Map();
  const rows = await db
    .select({
      guideId: introRequests.guideId,
      medianSeconds: sql<
        string | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${introRequests.respondedAt} - ${introRequests.createdAt}))`,
      answered: sql<number>`count(*)::int`,
    })
    .from(introRequests)
    .where(and(inArray(introRequests.guideId, [...guideIds]), isNotNull(introRequests.respondedAt)))
    .groupBy(introRequests.guideId);
  return new Map(
    rows.map((row) => {
      const median = row.medianSeconds == null ? null : Number(row.medianSeconds);
      return [
        row.guideId,
        {
          medianReplyHours: median === null ? null : Math.round((median / SECONDS_PER_HOUR) * 10) / 10,
          introRequestsAnswered: row.answered,
        },
      ];
    }),
  );
}

/** A guide's reliability from their profile row and their reply times (none yet: unknown, 0). */
export function reliabilityOf(
  profile: { noShows: number; lastActiveAt: Date | string },
  replies: ReplyTimes | undefined,
): Reliability {
  return {
    medianReplyHours: replies?.medianReplyHours ?? null,
    introRequestsAnswered: replies?.introRequestsAnswered ?? 0,
    noShows: profile.noShows,
    lastActiveAt: new Date(profile.lastActiveAt).toISOString(),
  };
}

// Reliability is measured from what guides actually do: how fast they answer intro requests, intros
// they missed, and when they last did anything in Corner.
export async function loadReliability(
  db: Db | Tx,
  guideIds: readonly string[],
): Promise<Map<string, Reliability>> {
  if (guideIds.length === 0) return new Map();
  const ids = [...guideIds];
  const [replies, profiles] = await Promise.all([
    loadReplyTimes(db, ids),
    db
      .select({
        userId: guideProfiles.userId,
        noShows: guideProfiles.noShows,
        lastActiveAt: guideProfiles.lastActiveAt,
      })
      .from(guideProfiles)
      .where(inArray(guideProfiles.userId, ids)),
  ]);
  return new Map(
    profiles.map((profile) => [profile.userId, reliabilityOf(profile, replies.get(profile.userId))]),
  );
}
