import { eq } from 'drizzle-orm';
import { mayConfigureIdentity } from '../../domain/orgs/org-roles';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { organization } from '../db/schema';
import { notFound } from '../http/problem';
import { requireOrgRole } from '../policies/orgs';

/**
 * Who changes an organization's sign-in: one of its owners or admins (through the API), or the
 * operator at the command line. Only the operator approves a domain: an admin's word that a domain
 * is theirs is not proof (see find-sso-route.ts).
 */
export type Registrar = { kind: 'member'; actor: Actor } | { kind: 'operator' };

export async function requireIdentityAdmin(db: Db | Tx, registrar: Registrar, slug: string) {
  if (registrar.kind === 'member') {
    const { org } = await requireOrgRole(
      db,
      registrar.actor,
      slug,
      mayConfigureIdentity,
      'Only owners and admins of this organization can change how its people sign in.',
    );
    return org;
  }
  const [org] = await db.select().from(organization).where(eq(organization.slug, slug));
  if (!org) throw notFound('organization');
  return org;
}

export const actorIdOf = (registrar: Registrar) =>
  registrar.kind === 'member' ? registrar.actor.userId : null;
