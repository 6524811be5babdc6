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

// Reliability is measured from what guides actually do: how fast they answer intro requests, intros
// they missed, and when they last did anything in Corner.
export async function loadReliability(
  db: Db | Tx,
  guideIds: readonly string[],
): Promise<Map<string, Reliability>> {
  if (guideIds.length === 0) return new Map();
  const ids = [...guideIds];
  const [replies, profiles] = await Promise.all([
    db
      .select({
        guideId: introRequests.guideId,
        medianSeconds: sql<
          string | null
        >`percentile_cont(0.5) within group (order by extract(epoch from ${introRequests.respondedAt} - ${introRequests.createdAt}))`,
        answered: sql<number>`count(*)::int`,
      })
      .from(introRequests)
      .where(and(inArray(introRequests.guideId, ids), isNotNull(introRequests.respondedAt)))
      .groupBy(introRequests.guideId),
    db
      .select({
        userId: guideProfiles.userId,
        noShows: guideProfiles.noShows,
        lastActiveAt: guideProfiles.lastActiveAt,
      })
      .from(guideProfiles)
      .where(inArray(guideProfiles.userId, ids)),
  ]);
  const byGuide = new Map(replies.map((row) => [row.guideId, row]));
  return new Map(
    profiles.map((profile) => {
      const reply = byGuide.get(profile.userId);
      const median = reply?.medianSeconds == null ? null : Number(reply.medianSeconds);
      return [
        profile.userId,
        {
          medianReplyHours: median === null ? null : Math.round((median / SECONDS_PER_HOUR) * 10) / 10,
          introRequestsAnswered: reply?.answered ?? 0,
          noShows: profile.noShows,
          lastActiveAt: new Date(profile.lastActiveAt).toISOString(),
        },
      ];
    }),
  );
}
