import { count, eq, inArray } from 'drizzle-orm';
import { defaultAgreementTerms } from '../../domain/agreements/agreement-terms';
import { mayRunPrograms } from '../../domain/orgs/org-roles';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, cohorts, programAdmins, programs } from '../db/schema';
import { Problem } from '../http/problem';
import { requireOrgRole } from '../policies/orgs';
import { requireCohortAdmin, requireProgramAdmin } from '../policies/programs';
import type { CreateCohortInput } from './schemas';

// Who may create programs (PROGRAM_CREATORS): anyone signed in, or the addresses on a list. Either
// way a program reaches only people who confirm they joined it (see answer-participation.ts).
export type ProgramCreators = { mode: 'anyone' } | { mode: 'allowlist'; emails: readonly string[] };

export const mayCreatePrograms = (creators: ProgramCreators, actor: Actor) =>
  creators.mode === 'anyone' || creators.emails.includes(actor.email.toLowerCase());

// Programs and cohorts: the person who creates a program is its first admin.
export async function createProgram(
  db: Db,
  actor: Actor,
  input: { name: string; description: string; organization?: string },
  creators: ProgramCreators = { mode: 'anyone' },
) {
  if (!mayCreatePrograms(creators, actor)) {
    throw new Problem(
      403,
      'program-creation-restricted',
      'On this Corner only the people the operator listed can create programs. Ask them to add your address, or ask a program admin to invite you.',
    );
  }
  return db.transaction(async (tx) => {
    const { organization, ...fields } = input;
    const org = organization
      ? await requireOrgRole(
          tx,
          actor,
          organization,
          mayRunPrograms,
          'Only coordinators, admins and owners of this organization can create its programs.',
        )
      : null;
    const [program] = await tx
      .insert(programs)
      .values({ ...fields, organizationId: org?.org.id ?? null })
      .returning();
    if (!program) throw new Error('insert returned no program');
    await tx.insert(programAdmins).values({ programId: program.id, userId: actor.userId });
    await recordAuditEvent(tx, {
      actor: actor.userId,
      action: 'program.created',
      target: `program:${program.id}`,
      programId: program.id,
    });
    await recordAuditEvent(tx, {
      actor: actor.userId,
      action: 'program-admin.added',
      target: `user:${actor.userId}`,
      programId: program.id,
    });
    return {
      id: program.id,
      name: program.name,
      description: program.description,
      organizationId: program.organizationId,
      cohorts: 0,
    };
  });
}

export async function listMyPrograms(db: Db, actor: Actor) {
  const rows = await db
    .select({
      id: programs.id,
      name: programs.name,
      description: programs.description,
      organizationId: programs.organizationId,
    })
    .from(programs)
    .innerJoin(programAdmins, eq(programAdmins.programId, programs.id))
    .where(eq(programAdmins.userId, actor.userId))
    .orderBy(programs.createdAt);
  if (rows.length === 0) return [];
  const counts = await db
    .select({ programId: cohorts.programId, n: count() })
    .from(cohorts)
    .where(
      inArray(
        cohorts.programId,
        rows.map((row) => row.id),
      ),
    )
    .groupBy(cohorts.programId);
  const byProgram = new Map(counts.map((row) => [row.programId, row.n]));
  return rows.map((row) => ({ ...row, cohorts: byProgram.get(row.id) ?? 0 }));
}

export async function createCohort(db: Db, actor: Actor, programId: string, input: CreateCohortInput) {
  await requireProgramAdmin(db, actor, programId);
  const { defaultAgreement, ...rest } = input;
  const [cohort] = await db
    .insert(cohorts)
    .values({
      ...rest,
      programId,
      defaultAgreement: defaultAgreement ?? defaultAgreementTerms(input.defaultKind),
    })
    .returning();
  if (!cohort) throw new Error('insert returned no cohort');
  return getCohort(db, actor, cohort.id);
}

export async function listCohorts(db: Db, actor: Actor, programId: string) {
  await requireProgramAdmin(db, actor, programId);
  const rows = await db
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(eq(cohorts.programId, programId))
    .orderBy(cohorts.startsOn);
  return Promise.all(rows.map((row) => getCohort(db, actor, row.id)));
}

export async function getCohort(db: Db, actor: Actor, cohortId: string) {
  const cohort = await requireCohortAdmin(db, actor, cohortId);
  const rows = await db
    .select({ role: applications.role, profile: applications.profile, status: applications.status })
    .from(applications)
    .where(eq(applications.cohortId, cohortId));
  const guides = rows.filter((row) => row.role === 'guide');
  return {
    id: cohort.id,
    programId: cohort.programId,
    name: cohort.name,
    applicationsOpen: cohort.applicationsOpen,
    applicationsClose: cohort.applicationsClose,
    matchingOn: cohort.matchingOn,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    defaultKind: cohort.defaultKind,
    defaultFraming: cohort.defaultFraming,
    sessionsPerMonthTarget: cohort.sessionsPerMonthTarget,
    members: rows.length - guides.length,
    guides: guides.length,
    pendingMembers: rows.filter((row) => row.role === 'member' && row.status === 'pending').length,
    pendingGuides: guides.filter((row) => row.status === 'pending').length,
    guideSeats: guides.reduce(
      (sum, row) => sum + (row.profile.role === 'guide' ? row.profile.capacity : 0),
      0,
    ),
  };
}
