import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { drawLottery, isOversubscribed } from '../../domain/outcomes/lottery';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, cohortLotteries } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import { requireCohortAdmin } from '../policies/programs';

export type LotteryRecord = {
  seed: string;
  seats: number;
  selected: string[];
  waiting: string[];
  drawnAt: string;
  /** Re-drawing from the recorded seed over the recorded candidates gives the same split. */
  reproduces: boolean;
};

// Who is matched this round in an oversubscribed cohort, by a recorded lottery over its member
// applications; those left waiting form the comparison group of the effect estimate.
export async function drawCohortLottery(
  db: Db,
  actor: Actor,
  cohortId: string,
  input: { seats: number; seed?: string | undefined },
  now: Date,
): Promise<LotteryRecord> {
  await requireCohortAdmin(db, actor, cohortId);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(cohortLotteries).where(eq(cohortLotteries.cohortId, cohortId));
    if (existing) {
      throw new Problem(
        409,
        'lottery-already-drawn',
        'This cohort’s lottery was already drawn; it is kept as drawn.',
      );
    }
    const candidates = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.cohortId, cohortId),
          eq(applications.role, 'member'),
          ne(applications.status, 'declined'),
        ),
      );
    if (!isOversubscribed(candidates.length, input.seats)) {
      throw new Problem(
        409,
        'not-oversubscribed',
        `A lottery is only for a cohort with more applicants than seats: ${candidates.length} applied for ${input.seats} seats, so everyone can be matched.`,
        'seats',
      );
    }
    const draw = drawLottery(
      candidates.map((c) => c.id),
      input.seats,
      input.seed ?? randomUUID(),
    );
    await tx
      .insert(cohortLotteries)
      .values({ cohortId, ...draw, seats: input.seats, drawnBy: actor.userId, drawnAt: now });
    return { ...draw, seats: input.seats, drawnAt: now.toISOString(), reproduces: true };
  });
}

export async function getCohortLottery(db: Db, actor: Actor, cohortId: string): Promise<LotteryRecord> {
  await requireCohortAdmin(db, actor, cohortId);
  const [row] = await db.select().from(cohortLotteries).where(eq(cohortLotteries.cohortId, cohortId));
  if (!row) throw notFound('lottery for this cohort');
  const again = drawLottery([...row.selected, ...row.waiting], row.seats, row.seed);
  return {
    seed: row.seed,
    seats: row.seats,
    selected: row.selected,
    waiting: row.waiting,
    drawnAt: row.drawnAt.toISOString(),
    reproduces: JSON.stringify(again.selected) === JSON.stringify([...row.selected].sort()),
  };
}
