import { count, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { guidePreferences } from '../db/schema';
import { requireCohortAdmin } from '../policies/programs';
import type { GuideAnswersView } from './guide-preference-schemas';
import { loadCohortProblem } from './load-cohort-problem';

// An admin sees, per guide, how many of the applicants who fit them the guide scored or ranked — a count,
// never the scores: a guide's opinion of a member is theirs, and the admin does not need it to run matching.
export async function listGuideAnswers(
  db: Db,
  actor: Actor,
  cohortId: string,
  now: Date,
): Promise<GuideAnswersView> {
  await requireCohortAdmin(db, actor, cohortId);
  const { guides, problem } = await loadCohortProblem(db, cohortId, now);
  const answered = new Map(
    (
      await db
        .select({ guide: guidePreferences.guideApplicationId, answered: count() })
        .from(guidePreferences)
        .where(eq(guidePreferences.cohortId, cohortId))
        .groupBy(guidePreferences.guideApplicationId)
    ).map((row) => [row.guide, Number(row.answered)]),
  );
  const fitting = new Array<number>(guides.length).fill(0);
  for (const j of problem.input.edgeMentor) fitting[j] = (fitting[j] ?? 0) + 1;
  return {
    guides: guides.map((guide, j) => ({
      guideApplicationId: guide.id,
      name: guide.name,
      fitting: fitting[j] ?? 0,
      answered: answered.get(guide.id) ?? 0,
    })),
  };
}
