import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { guideProfiles, programAdmins, relationships } from '../db/schema';

export const roleNames = ['member', 'guide', 'admin'] as const;
export type RoleName = (typeof roleNames)[number];

// What a person does decides what the app shows them: everyone is a member; a guide profile or a
// relationship where they are the guide makes them a guide; running a program makes them an admin.
export async function loadRoles(db: Db, actor: Actor): Promise<RoleName[]> {
  const [profile, guiding, admin] = await Promise.all([
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
  ]);
  const roles: RoleName[] = ['member'];
  if (profile.length > 0 || guiding.length > 0) roles.push('guide');
  if (admin.length > 0) roles.push('admin');
  return roles;
}
