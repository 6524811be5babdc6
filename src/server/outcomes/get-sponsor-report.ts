import { eq } from 'drizzle-orm';
import { buildSponsorReport, type SponsorReport } from '../../domain/outcomes/sponsor-report';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { cohorts, programs } from '../db/schema';
import { getCohortOutcomes } from './get-outcomes';

/** A cohort's sponsor report, built from its outcomes answer (so the same admins, the same "fewer than
 * 5"), with the title it is printed under. */
export async function getCohortSponsorReport(
  db: Db,
  actor: Actor,
  cohortId: string,
  now: Date,
): Promise<{ report: SponsorReport; title: string }> {
  const outcomes = await getCohortOutcomes(db, actor, cohortId, now);
  const [names] = await db
    .select({ cohort: cohorts.name, program: programs.name })
    .from(cohorts)
    .innerJoin(programs, eq(programs.id, cohorts.programId))
    .where(eq(cohorts.id, cohortId));
  return {
    report: buildSponsorReport(outcomes),
    title: `${names?.program ?? 'Program'}, ${names?.cohort ?? 'cohort'}: sponsor report`,
  };
}
