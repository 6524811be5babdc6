import { and, eq } from 'drizzle-orm';
import {
  checkPreferences,
  type GuidePreference,
  rankingToPreferences,
} from '../../domain/programs/guide-preferences';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { guidePreferences } from '../db/schema';
import { Problem } from '../http/problem';
import { requireCohortGuide } from '../policies/programs';
import type { GuideApplicantsView, GuidePreferencesInput } from './guide-preference-schemas';
import { listGuideApplicants } from './list-guide-applicants';

// A guide saves their own ranking or scores of the applicants who fit them; it replaces what they saved
// before (an empty list clears it, so their side goes back to the fit). Every item is checked first: an
// applicant who does not fit them, one named twice, a score outside 0..1 is a 422 naming the item, and
// nothing is written.
export async function saveGuidePreferences(
  db: Db,
  actor: Actor,
  cohortId: string,
  input: GuidePreferencesInput,
  now: Date,
): Promise<GuideApplicantsView> {
  const { guideApplicationId } = await requireCohortGuide(db, actor, cohortId);
  const fitting = await listGuideApplicants(db, actor, cohortId, now);
  const allowed = new Set(fitting.applicants.map((a) => a.memberApplicationId));
  const items: GuidePreference[] =
    input.by === 'rank'
      ? rankingToPreferences(input.ranking)
      : input.scores.map((s) => ({ memberApplicationId: s.memberApplicationId, score: s.score, rank: null }));
  const field = input.by === 'rank' ? 'ranking' : 'scores';
  const problems = checkPreferences(items, allowed).map((p) => ({
    field: p.item.replace('items', field),
    message: p.message,
  }));
  if (problems.length > 0) {
    throw new Problem(
      422,
      'invalid-preferences',
      `Nothing was saved: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
      problems[0]?.field,
      problems,
    );
  }
  await db.transaction(async (tx) => {
    await tx
      .delete(guidePreferences)
      .where(
        and(
          eq(guidePreferences.cohortId, cohortId),
          eq(guidePreferences.guideApplicationId, guideApplicationId),
        ),
      );
    if (items.length > 0)
      await tx.insert(guidePreferences).values(
        items.map((item) => ({
          cohortId,
          guideApplicationId,
          memberApplicationId: item.memberApplicationId,
          score: item.score,
          rank: item.rank,
          updatedAt: now,
        })),
      );
  });
  return listGuideApplicants(db, actor, cohortId, now);
}
