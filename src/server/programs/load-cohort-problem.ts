import { and, eq, sql } from 'drizzle-orm';
import type { GuideApplicationProfile, MemberApplicationProfile } from '../../domain/programs/application';
import {
  buildMatchingProblem,
  type CohortProblem,
  type GuideApplication,
  type MemberApplication,
} from '../../domain/programs/build-matching-problem';
import { guideScoresPerEdge } from '../../domain/programs/guide-preferences';
import type { Db } from '../db/client';
import { applications, guidePreferences, matchOverrides, user } from '../db/schema';

export type LoadedCohortProblem = {
  members: MemberApplication[];
  guides: GuideApplication[];
  problem: CohortProblem;
  /** Per edge, the guide's side for stable mode: their own score where they gave one, else the fit;
   * undefined when no guide of the cohort answered. */
  guideScore: Float64Array | undefined;
};

/**
 * A cohort's matching problem as of `now`: its confirmed members and guides (in a stable order, so the
 * same cohort gives the same problem) and the admin's pins and blocks. Callers check permission first.
 */
export async function loadCohortProblem(db: Db, cohortId: string, now: Date): Promise<LoadedCohortProblem> {
  // Only people who confirmed they joined are matched; the rest are listed on the run (getMatchRun).
  // Someone their organization's identity provider deactivated (SCIM) is left out; their application
  // stays, so they are matched again if they come back.
  const rows = await db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.cohortId, cohortId),
        eq(applications.status, 'confirmed'),
        sql`not exists (select 1 from ${user} where ${user.id} = ${applications.confirmedBy} and ${user.deactivatedAt} is not null)`,
      ),
    )
    .orderBy(applications.createdAt, applications.email);
  const members: MemberApplication[] = [];
  const guides: GuideApplication[] = [];
  for (const row of rows) {
    if (row.profile.role === 'member')
      members.push({ id: row.id, name: row.name, profile: row.profile as MemberApplicationProfile });
    else guides.push({ id: row.id, name: row.name, profile: row.profile as GuideApplicationProfile });
  }
  const overrides = await db.select().from(matchOverrides).where(eq(matchOverrides.cohortId, cohortId));
  const problem = buildMatchingProblem(members, guides, overrides, now);
  const preferences = await db
    .select({
      guide: guidePreferences.guideApplicationId,
      member: guidePreferences.memberApplicationId,
      score: guidePreferences.score,
    })
    .from(guidePreferences)
    .where(eq(guidePreferences.cohortId, cohortId));
  const own = new Map(preferences.map((p) => [`${p.member}|${p.guide}`, p.score]));
  const guideScore =
    own.size === 0
      ? undefined
      : guideScoresPerEdge(
          {
            mentee: problem.input.edgeMentee,
            mentor: problem.input.edgeMentor,
            fit: problem.input.edgeScore,
          },
          (i, j) => own.get(`${members[i]?.id}|${guides[j]?.id}`),
        );
  return { members, guides, problem, guideScore };
}
