import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { problemReports, relationships } from '../db/schema';
import { notFound } from '../http/problem';
import { problemReportPolicy } from '../policies/problem-reports';
import { loadPeople } from '../relationships/load-relationship';
import { presentProblemReport } from './present';

const pairColumns = {
  id: relationships.id,
  memberId: relationships.memberId,
  guideId: relationships.guideId,
};

/** The problems the cohort's pairs reported to the program, newest first. */
export async function listProblemReports(db: Db, actor: Actor, cohortId: string) {
  await problemReportPolicy.requireReader(db, actor, cohortId);
  const rows = await db
    .select({ report: problemReports, rel: pairColumns })
    .from(problemReports)
    .innerJoin(relationships, eq(relationships.id, problemReports.relationshipId))
    .where(eq(relationships.cohortId, cohortId))
    .orderBy(desc(problemReports.createdAt), desc(problemReports.id));
  const names = await loadPeople(
    db,
    rows.flatMap((row) => [row.rel.memberId, row.rel.guideId]),
  );
  return rows.map((row) => presentProblemReport(row.report, row.rel, names));
}

/** An admin has read and dealt with a report; the first review's date stays. */
export async function reviewProblemReport(
  db: Db,
  actor: Actor,
  cohortId: string,
  reportId: string,
  now: Date,
) {
  await problemReportPolicy.requireReader(db, actor, cohortId);
  const [row] = await db
    .select({ report: problemReports, rel: pairColumns })
    .from(problemReports)
    .innerJoin(relationships, eq(relationships.id, problemReports.relationshipId))
    .where(and(eq(problemReports.id, reportId), eq(relationships.cohortId, cohortId)));
  if (!row) throw notFound('problem report');
  const [updated] = await db
    .update(problemReports)
    .set({ reviewedAt: now })
    .where(and(eq(problemReports.id, reportId), isNull(problemReports.reviewedAt)))
    .returning();
  const names = await loadPeople(db, [row.rel.memberId, row.rel.guideId]);
  return presentProblemReport(updated ?? row.report, row.rel, names);
}
