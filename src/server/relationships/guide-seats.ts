import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { relationships } from '../db/schema';

// Seats a guide holds: active relationships plus proposals still waiting for answers, so a program
// cannot propose more pairs than the guide could ever take if everyone said yes.
export async function countHeldSeats(
  db: Db | Tx,
  guideIds: readonly string[],
  cohortId?: string,
): Promise<Map<string, number>> {
  const counts = new Map(guideIds.map((id) => [id, 0]));
  if (guideIds.length === 0) return counts;
  const rows = await db
    .select({ guideId: relationships.guideId, n: count() })
    .from(relationships)
    .where(
      and(
        inArray(relationships.guideId, [...guideIds]),
        inArray(relationships.status, ['active', 'proposed']),
        cohortId === undefined ? undefined : eq(relationships.cohortId, cohortId),
      ),
    )
    .groupBy(relationships.guideId);
  for (const row of rows) if (row.guideId) counts.set(row.guideId, row.n);
  return counts;
}
