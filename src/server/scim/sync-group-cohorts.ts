import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ApplicationProfile } from '../../domain/programs/application';
import { groupTarget, type Role } from '../../domain/scim/group-target';
import type { Db, Tx } from '../db/client';
import {
  applications,
  cohorts,
  organization,
  programs,
  scimCohortInvitations,
  scimGroup,
  scimGroupMember,
  scimUser,
  user,
} from '../db/schema';

// Where SCIM knows nothing yet: the person completes it when they answer the invitation.
function startingProfile(role: Role, orgName: string, timeZone: string): ApplicationProfile {
  const common = { organization: orgName, timeZone, languages: ['en'], formats: ['video' as const] };
  return role === 'member'
    ? { role, ...common, goal: '', skillGaps: [], style: null, structure: null, seniority: null }
    : {
        role,
        ...common,
        expertise: [],
        capacity: 1,
        availability: [],
        style: 'blend',
        structure: 'blend',
        approach: 'blend',
        worksWith: [],
      };
}

/**
 * Brings one SCIM group's cohort invitations in line with its active members, after the plugin has
 * committed the group change: members without an application get a pending invitation (the person
 * still confirms it, as with an imported spreadsheet); people who left the group, or whose group is
 * gone, lose the invitations this group made while still unanswered. Confirmed participants stay
 * (their pairs and history are the program's), and applications made another way are never touched.
 */
export async function syncGroupCohorts(db: Db, organizationId: string, groupId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [org] = await tx.select().from(organization).where(eq(organization.id, organizationId));
    if (!org) return;
    const [group] = await tx
      .select({ displayName: scimGroup.displayName, externalId: scimGroup.externalId })
      .from(scimGroup)
      .where(and(eq(scimGroup.id, groupId), eq(scimGroup.provisioningDomainId, organizationId)));
    const orgCohorts = await tx
      .select({ id: cohorts.id, name: cohorts.name })
      .from(cohorts)
      .innerJoin(programs, eq(programs.id, cohorts.programId))
      .where(eq(programs.organizationId, organizationId));
    const target = group ? groupTarget(group, orgCohorts) : null;
    const wanted = target ? await activeMembers(tx, groupId) : [];
    const wantedIds = new Set(wanted.map((person) => person.userId));

    const made = await tx
      .select({
        applicationId: scimCohortInvitations.applicationId,
        userId: scimCohortInvitations.userId,
        cohortId: applications.cohortId,
      })
      .from(scimCohortInvitations)
      .innerJoin(applications, eq(applications.id, scimCohortInvitations.applicationId))
      .where(eq(scimCohortInvitations.groupId, groupId));
    const stale = made.filter((row) => !wantedIds.has(row.userId) || row.cohortId !== target?.cohortId);
    if (stale.length > 0) {
      const ids = stale.map((row) => row.applicationId);
      await tx
        .delete(scimCohortInvitations)
        .where(
          and(eq(scimCohortInvitations.groupId, groupId), inArray(scimCohortInvitations.applicationId, ids)),
        );
      await tx
        .delete(applications)
        .where(and(inArray(applications.id, ids), eq(applications.status, 'pending')));
    }
    if (!target || wanted.length === 0) return;
    // One statement for the whole group (an identity provider pushes hundreds at once); people who
    // already have an application for this cohort and role keep it and get no invitation from the group.
    const created = await tx
      .insert(applications)
      .values(
        wanted.map((person) => ({
          cohortId: target.cohortId,
          role: target.role,
          email: person.email.toLowerCase(),
          name: person.name,
          profile: startingProfile(target.role, org.name, person.timeZone),
        })),
      )
      .onConflictDoNothing({ target: [applications.cohortId, applications.role, applications.email] })
      .returning({ id: applications.id, email: applications.email });
    const userByEmail = new Map(wanted.map((person) => [person.email.toLowerCase(), person.userId]));
    const invitations = created.flatMap((row) => {
      const userId = userByEmail.get(row.email);
      return userId ? [{ groupId, applicationId: row.id, userId }] : [];
    });
    if (invitations.length > 0)
      await tx.insert(scimCohortInvitations).values(invitations).onConflictDoNothing();
  });
}

async function activeMembers(tx: Tx, groupId: string) {
  return tx
    .select({ userId: user.id, email: user.email, name: user.name, timeZone: user.timeZone })
    .from(scimGroupMember)
    .innerJoin(scimUser, eq(scimUser.id, scimGroupMember.scimUserId))
    .innerJoin(user, eq(user.id, scimUser.userId))
    .where(
      and(
        eq(scimGroupMember.groupId, groupId),
        eq(scimUser.active, true),
        sql`${user.deactivatedAt} is null`,
      ),
    );
}
