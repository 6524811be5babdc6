import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { cohorts, programAdmins } from '../db/schema';
import { notFound } from '../http/problem';

// Program data is for the program's admins. Anyone else gets a 404, so a program's existence is not
// revealed. Admins see applications, matches, states and counts — never private content (PRODUCT.md §3).
export async function requireProgramAdmin(db: Db | Tx, actor: Actor, programId: string): Promise<void> {
  const [row] = await db
    .select({ userId: programAdmins.userId })
    .from(programAdmins)
    .where(and(eq(programAdmins.programId, programId), eq(programAdmins.userId, actor.userId)));
  if (!row) throw notFound('program');
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
