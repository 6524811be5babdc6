import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, matchOverrides } from '../db/schema';
import { Problem } from '../http/problem';
import { requireCohortAdmin } from '../policies/programs';

// Pin a pair (always matched on the next run), block it (never matched) or clear the decision.
export async function setOverride(
  db: Db,
  actor: Actor,
  cohortId: string,
  input: { memberApplicationId: string; guideApplicationId: string; decision: 'pin' | 'block' | 'clear' },
): Promise<void> {
  await requireCohortAdmin(db, actor, cohortId);
  const ids = [input.memberApplicationId, input.guideApplicationId];
  const found = await db
    .select({ id: applications.id, role: applications.role })
    .from(applications)
    .where(and(eq(applications.cohortId, cohortId), inArray(applications.id, ids)));
  const roleOf = new Map(found.map((row) => [row.id, row.role]));
  if (roleOf.get(input.memberApplicationId) !== 'member') {
    throw new Problem(
      422,
      'unknown-application',
      'That member is not in this cohort.',
      'memberApplicationId',
    );
  }
  if (roleOf.get(input.guideApplicationId) !== 'guide') {
    throw new Problem(422, 'unknown-application', 'That guide is not in this cohort.', 'guideApplicationId');
  }
  const pair = and(
    eq(matchOverrides.memberApplicationId, input.memberApplicationId),
    eq(matchOverrides.guideApplicationId, input.guideApplicationId),
  );
  await db.transaction(async (tx) => {
    await tx.delete(matchOverrides).where(pair);
    if (input.decision !== 'clear') {
      // A member can be pinned to one guide only: a new pin replaces the old one.
      if (input.decision === 'pin') {
        await tx
          .delete(matchOverrides)
          .where(
            and(
              eq(matchOverrides.memberApplicationId, input.memberApplicationId),
              eq(matchOverrides.decision, 'pin'),
            ),
          );
      }
      await tx.insert(matchOverrides).values({ cohortId, ...input, decision: input.decision });
    }
  });
}
