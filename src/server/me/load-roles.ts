import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, guideProfiles, programAdmins, relationships } from '../db/schema';

export const roleNames = ['member', 'guide', 'admin'] as const;
export type RoleName = (typeof roleNames)[number];

// What a person does decides what the app shows them: everyone is a member; a guide profile or a
// relationship where they are the guide, or guiding in a cohort (confirmed), makes them a guide; running a program makes them an admin.
export async function loadRoles(db: Db, actor: Actor): Promise<RoleName[]> {
  const [profile, guiding, admin, cohortGuide] = await Promise.all([
    db
      .select({ id: guideProfiles.userId })
      .from(guideProfiles)
      .where(eq(guideProfiles.userId, actor.userId))
      .limit(1),
    db
      .select({ id: relationships.id })
      .from(relationships)
      .where(eq(relationships.guideId, actor.userId))
      .limit(1),
    db
      .select({ id: programAdmins.programId })
      .from(programAdmins)
      .where(eq(programAdmins.userId, actor.userId))
      .limit(1),
    db
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.confirmedBy, actor.userId),
          eq(applications.role, 'guide'),
          eq(applications.status, 'confirmed'),
        ),
      )
      .limit(1),
  ]);
  const roles: RoleName[] = ['member'];
  if (profile.length > 0 || guiding.length > 0 || cohortGuide.length > 0) roles.push('guide');
  if (admin.length > 0) roles.push('admin');
  return roles;
}
