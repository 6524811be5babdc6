import { and, eq } from 'drizzle-orm';
import { isOrgRole, mayManageMembers } from '../../domain/orgs/org-roles';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { applications, cohorts, member, programAdmins, programs } from '../db/schema';
import { notFound } from '../http/problem';

// Program data is for the program's admins. Anyone else gets a 404, so a program's existence is not
// revealed. Admins see applications, matches, states and counts — never private content (PRODUCT.md §3).
// The owners and admins of the organization that runs a program are its admins too.
export async function requireProgramAdmin(db: Db | Tx, actor: Actor, programId: string): Promise<void> {
  const [row] = await db
    .select({ userId: programAdmins.userId })
    .from(programAdmins)
    .where(and(eq(programAdmins.programId, programId), eq(programAdmins.userId, actor.userId)));
  if (row) return;
  const [viaOrg] = await db
    .select({ role: member.role })
    .from(programs)
    .innerJoin(
      member,
      and(eq(member.organizationId, programs.organizationId), eq(member.userId, actor.userId)),
    )
    .where(eq(programs.id, programId));
  if (!viaOrg || !isOrgRole(viaOrg.role) || !mayManageMembers(viaOrg.role)) {
    throw notFound('program');
  }
}

export async function requireCohortAdmin(db: Db | Tx, actor: Actor, cohortId: string) {
  const [cohort] = await db.select().from(cohorts).where(eq(cohorts.id, cohortId));
  if (!cohort) throw notFound('cohort');
  try {
    await requireProgramAdmin(db, actor, cohort.programId);
  } catch {
    throw notFound('cohort');
  }
  return cohort;
}

/**
 * The actor's own confirmed guide application in a cohort: only that guide reads the applicants who fit
 * them and writes their own preferences. Anyone else — another guide, a member, an admin, a stranger —
 * gets the same 404, so whether someone guides in a cohort is not revealed.
 */
export async function requireCohortGuide(db: Db | Tx, actor: Actor, cohortId: string) {
  const [row] = await db
    .select({ cohort: cohorts, guideApplicationId: applications.id, guideName: applications.name })
    .from(applications)
    .innerJoin(cohorts, eq(cohorts.id, applications.cohortId))
    .where(
      and(
        eq(applications.cohortId, cohortId),
        eq(applications.role, 'guide'),
        eq(applications.status, 'confirmed'),
        eq(applications.confirmedBy, actor.userId),
      ),
    );
  if (!row) throw notFound('cohort');
  return row;
}
