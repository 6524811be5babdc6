import { and, eq } from 'drizzle-orm';
import { isOrgRole, type OrgRole } from '../../domain/orgs/org-roles';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { member, organization } from '../db/schema';
import { notFound, Problem } from '../http/problem';

export type OrgMembership = { org: typeof organization.$inferSelect; role: OrgRole };

// An organization is visible to its members only; anyone else gets the same 404 as a missing slug.
export async function requireOrgMember(db: Db | Tx, actor: Actor, slug: string): Promise<OrgMembership> {
  const [row] = await db
    .select({ org: organization, role: member.role })
    .from(organization)
    .innerJoin(member, and(eq(member.organizationId, organization.id), eq(member.userId, actor.userId)))
    .where(eq(organization.slug, slug));
  if (!row || !isOrgRole(row.role)) throw notFound('organization');
  return { org: row.org, role: row.role };
}

/** A member whose role passes `allowed`, else a 403 with `sentence` (non-members still get the 404). */
export async function requireOrgRole(
  db: Db | Tx,
  actor: Actor,
  slug: string,
  allowed: (role: OrgRole) => boolean,
  sentence: string,
): Promise<OrgMembership> {
  const membership = await requireOrgMember(db, actor, slug);
  if (!allowed(membership.role)) throw new Problem(403, 'org-role-required', sentence);
  return membership;
}

/** The actor's role in an organization by id, or null when they are not a member. */
export async function orgRoleOf(
  db: Db | Tx,
  userId: string,
  organizationId: string,
): Promise<OrgRole | null> {
  const [row] = await db
    .select({ role: member.role })
    .from(member)
    .where(and(eq(member.organizationId, organizationId), eq(member.userId, userId)));
  return row && isOrgRole(row.role) ? row.role : null;
}
