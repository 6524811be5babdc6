import { randomUUID } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import {
  isOrgRole,
  mayManageMembers,
  maySeeMembers,
  type OrgRole,
  roleChangeRefusal,
} from '../../domain/orgs/org-roles';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { member, organization, user } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import { requireOrgMember, requireOrgRole } from '../policies/orgs';

export async function listMyOrgs(db: Db, actor: Actor) {
  const rows = await db
    .select({
      id: organization.id,
      name: organization.name,
      slug: organization.slug,
      role: member.role,
      ssoRequired: organization.ssoRequired,
    })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(eq(member.userId, actor.userId))
    .orderBy(asc(organization.name));
  return rows.flatMap((row) => (isOrgRole(row.role) ? [{ ...row, role: row.role }] : []));
}

export async function listOrgMembers(db: Db, actor: Actor, slug: string) {
  const { org } = await requireOrgRole(
    db,
    actor,
    slug,
    maySeeMembers,
    'Only owners, admins and coordinators of this organization see its member list.',
  );
  const rows = await db
    .select({
      userId: member.userId,
      name: user.name,
      email: user.email,
      role: member.role,
      joinedAt: member.createdAt,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.organizationId, org.id))
    .orderBy(asc(user.name));
  return rows.flatMap((row) =>
    isOrgRole(row.role) ? [{ ...row, role: row.role, joinedAt: row.joinedAt.toISOString() }] : [],
  );
}

const ownersOf = async (tx: Tx, organizationId: string) => {
  const [row] = await tx
    .select({ n: count() })
    .from(member)
    .where(and(eq(member.organizationId, organizationId), eq(member.role, 'owner')));
  return row?.n ?? 0;
};

function refuseChange(actorRole: OrgRole, from: OrgRole | null, to: OrgRole | null, ownersLeft: number) {
  const refusal = roleChangeRefusal({ actor: actorRole, from, to, ownersLeft });
  if (refusal) throw new Problem(403, 'org-role-change-refused', refusal, 'role');
}

// Adds a person who already has a Corner account (SSO and SCIM add the others).
export async function addOrgMember(
  db: Db,
  actor: Actor,
  slug: string,
  input: { email: string; role: OrgRole },
) {
  return db.transaction(async (tx) => {
    const { org, role } = await requireOrgMember(tx, actor, slug);
    refuseChange(role, null, input.role, await ownersOf(tx, org.id));
    const [person] = await tx.select({ id: user.id }).from(user).where(eq(user.email, input.email));
    if (!person) {
      throw new Problem(
        404,
        'person-not-found',
        'Nobody has a Corner account with that address yet: ask them to sign up first.',
        'email',
      );
    }
    const inserted = await tx
      .insert(member)
      .values({ id: randomUUID(), organizationId: org.id, userId: person.id, role: input.role })
      .onConflictDoNothing()
      .returning({ id: member.id });
    if (inserted.length === 0) {
      throw new Problem(
        409,
        'already-member',
        'That person is already a member of this organization.',
        'email',
      );
    }
    // audit: member added (org.id, person.id, input.role, by actor.userId)
    return { userId: person.id, role: input.role };
  });
}

async function loadTarget(tx: Tx, organizationId: string, userId: string) {
  const [row] = await tx
    .select({ role: member.role })
    .from(member)
    .where(and(eq(member.organizationId, organizationId), eq(member.userId, userId)));
  if (!row || !isOrgRole(row.role)) throw notFound('member');
  return row.role;
}

export async function changeOrgRole(db: Db, actor: Actor, slug: string, userId: string, to: OrgRole) {
  return db.transaction(async (tx) => {
    const { org, role } = await requireOrgMember(tx, actor, slug);
    if (!mayManageMembers(role)) refuseChange(role, null, to, 0);
    const from = await loadTarget(tx, org.id, userId);
    refuseChange(role, from, to, await ownersOf(tx, org.id));
    await tx
      .update(member)
      .set({ role: to })
      .where(and(eq(member.organizationId, org.id), eq(member.userId, userId)));
    // audit: role changed (org.id, userId, from → to, by actor.userId)
    return { userId, role: to };
  });
}

export async function removeOrgMember(db: Db, actor: Actor, slug: string, userId: string) {
  await db.transaction(async (tx) => {
    const { org, role } = await requireOrgMember(tx, actor, slug);
    if (!mayManageMembers(role)) refuseChange(role, null, null, 0);
    const from = await loadTarget(tx, org.id, userId);
    refuseChange(role, from, null, await ownersOf(tx, org.id));
    await tx.delete(member).where(and(eq(member.organizationId, org.id), eq(member.userId, userId)));
    // audit: member removed (org.id, userId, by actor.userId)
  });
}
