import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, cohorts, guidePreferences } from '../db/schema';
import { requireCohortGuide } from '../policies/programs';
import type { GuideApplicantsView, MyGuideCohortsView } from './guide-preference-schemas';
import { loadCohortProblem } from './load-cohort-problem';

// A guide in a cohort sees the applicants who fit them (the cohort problem's allowed pairs with them),
// each with the fit and what the member wrote in their application for matching: goal, skill gaps,
// leanings, languages, formats, time zone and seniority — never their e-mail or organization (the
// organization only rules pairs out), nor anything from a relationship (PRODUCT.md §3).
export async function listGuideApplicants(
  db: Db,
  actor: Actor,
  cohortId: string,
  now: Date,
): Promise<GuideApplicantsView> {
  const { cohort, guideApplicationId } = await requireCohortGuide(db, actor, cohortId);
  const { members, guides, problem } = await loadCohortProblem(db, cohortId, now);
  const own = new Map(
    (
      await db
        .select()
        .from(guidePreferences)
        .where(
          and(
            eq(guidePreferences.cohortId, cohortId),
            eq(guidePreferences.guideApplicationId, guideApplicationId),
          ),
        )
    ).map((row) => [row.memberApplicationId, row]),
  );
  const mentor = guides.findIndex((guide) => guide.id === guideApplicationId);
  const { edgeMentee, edgeMentor, edgeScore } = problem.input;
  const applicants: GuideApplicantsView['applicants'] = [];
  for (let e = 0; e < edgeMentor.length; e++) {
    if (mentor < 0 || edgeMentor[e] !== mentor) continue;
    const member = members[edgeMentee[e] ?? -1];
    if (!member) continue;
    const { profile } = member;
    const saved = own.get(member.id);
    applicants.push({
      memberApplicationId: member.id,
      name: member.name,
      fit: edgeScore[e] ?? 0,
      why: problem.edgeWhy[e] ?? [],
      goal: profile.goal,
      skillGaps: profile.skillGaps.map((gap) => gap.area),
      style: profile.style,
      structure: profile.structure,
      seniority: profile.seniority,
      languages: profile.languages,
      formats: profile.formats,
      timeZone: profile.timeZone,
      score: saved?.score ?? null,
      rank: saved?.rank ?? null,
    });
  }
  // Ranked first in the guide's order, then scored ones by score, then the rest by fit.
  applicants.sort(
    (a, b) =>
      (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
      (b.score ?? -1) - (a.score ?? -1) ||
      b.fit - a.fit ||
      a.name.localeCompare(b.name),
  );
  const updated = [...own.values()].map((row) => row.updatedAt.getTime());
  return {
    cohortId,
    cohortName: cohort.name,
    applicants,
    answered: applicants.filter((a) => a.score !== null).length,
    savedAt: updated.length > 0 ? new Date(Math.max(...updated)).toISOString() : null,
  };
}

/** The cohorts the actor guides (confirmed), for their navigation: where they can rank applicants. */
export async function listMyGuideCohorts(db: Db, actor: Actor): Promise<MyGuideCohortsView> {
  const rows = await db
    .select({ cohortId: cohorts.id, cohortName: cohorts.name, matchingOn: cohorts.matchingOn })
    .from(applications)
    .innerJoin(cohorts, eq(cohorts.id, applications.cohortId))
    .where(
      and(
        eq(applications.role, 'guide'),
        eq(applications.status, 'confirmed'),
        eq(applications.confirmedBy, actor.userId),
      ),
    )
    .orderBy(cohorts.matchingOn, cohorts.name);
  return { cohorts: rows.map((row) => ({ ...row, matchingOn: String(row.matchingOn) })) };
}
