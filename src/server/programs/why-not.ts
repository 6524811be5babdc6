import { and, eq } from 'drizzle-orm';
import { indexPairEdges } from '../../domain/matching/pair-edges';
import { whyNot } from '../../domain/matching/why-not';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, matchRuns } from '../db/schema';
import { Problem } from '../http/problem';
import { requireCohortAdmin } from '../policies/programs';
import { loadCohortProblem } from './load-cohort-problem';

export type WhyNotView = {
  mode: 'optimal' | 'stable' | 'fair';
  memberName: string;
  guideName: string;
  reason: string;
  change: string | null;
};

// "Why not this guide?" for a member of a run: the run's own assignment and stored prices, over the
// cohort's pairs as they are now (so a pair that became impossible since says so).
export async function explainWhyNot(
  db: Db,
  actor: Actor,
  cohortId: string,
  runId: string,
  memberApplicationId: string,
  guideApplicationId: string,
  now: Date,
): Promise<WhyNotView> {
  await requireCohortAdmin(db, actor, cohortId);
  const [run] = await db
    .select()
    .from(matchRuns)
    .where(and(eq(matchRuns.id, runId), eq(matchRuns.cohortId, cohortId)));
  if (!run) throw new Problem(404, 'not-found', 'No match run with that id.');
  const { members, guides, problem, guideScore } = await loadCohortProblem(db, cohortId, now);
  const mentee = members.findIndex((member) => member.id === memberApplicationId);
  const mentor = guides.findIndex((guide) => guide.id === guideApplicationId);
  if (mentee < 0 || mentor < 0) {
    const [known] = await db
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.cohortId, cohortId),
          eq(applications.id, mentee < 0 ? memberApplicationId : guideApplicationId),
        ),
      );
    const which = mentee < 0 ? 'member' : 'guide';
    throw new Problem(
      known ? 409 : 404,
      known ? 'not-matchable' : 'not-found',
      known
        ? `That ${which} has not confirmed joining this cohort, so matching leaves them out.`
        : `No ${which} application with that id in this cohort.`,
    );
  }

  const menteeIndex = new Map(members.map((member, k) => [member.id, k]));
  const mentorIndex = new Map(guides.map((guide, k) => [guide.id, k]));
  const { input } = problem;
  const { edgeOf } = indexPairEdges(input);
  const menteeEdge = new Int32Array(input.menteeCount).fill(-1);
  for (const match of run.matches) {
    const i = menteeIndex.get(match.memberApplicationId);
    const j = mentorIndex.get(match.guideApplicationId);
    if (i === undefined || j === undefined) continue;
    menteeEdge[i] = edgeOf(i, j);
  }
  const answer = whyNot({
    input,
    ...(guideScore ? { guideScore } : {}),
    // The cohort page speaks of fits as percentages, as the match list does.
    formatFit: (value) => `${Math.round(value * 100)}%`,
    mode: run.mode,
    menteeEdge,
    constraints: problem.constraints,
    threshold: run.proof?.threshold ?? null,
    mentee,
    mentor,
    menteeName: (i) => members[i]?.name ?? 'someone',
    mentorName: (j) => guides[j]?.name ?? 'someone',
  });
  return {
    mode: run.mode,
    memberName: members[mentee]?.name ?? '',
    guideName: guides[mentor]?.name ?? '',
    ...answer,
  };
}
