import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { OrgRole } from '../../domain/orgs/org-roles';
import type { Db } from '../db/client';
import { member, organization, user } from '../db/schema';
import { Problem } from '../http/problem';
import { createOrg } from './create-org';
import { createOrgSchema } from './schemas';

// What the operator does from the command line (they hold the server, so no organization role is checked).

export async function findPersonByEmail(db: Db, email: string) {
  const [person] = await db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, email.trim().toLowerCase()));
  if (!person)
    throw new Problem(
      404,
      'person-not-found',
      `Nobody has a Corner account with the address ${email}.`,
      'email',
    );
  return person;
}

export async function operatorCreateOrg(db: Db, input: { name: string; slug: string; owner?: string }) {
  const parsed = createOrgSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'name');
    throw new Problem(422, 'invalid-input', `--${field} ${issue?.message ?? 'is not valid'}.`, field);
  }
  const ownerId = input.owner ? (await findPersonByEmail(db, input.owner)).id : null;
  return createOrg(db, ownerId, parsed.data);
}

export async function findOrgBySlug(db: Db, slug: string) {
  const [org] = await db.select().from(organization).where(eq(organization.slug, slug.trim().toLowerCase()));
  if (!org) throw new Problem(404, 'not-found', `No organization with the slug ${slug}.`, 'org');
  return org;
}

export async function operatorSetMember(db: Db, slug: string, email: string, role: OrgRole) {
  const org = await findOrgBySlug(db, slug);
  const person = await findPersonByEmail(db, email);
  await db
    .insert(member)
    .values({ id: randomUUID(), organizationId: org.id, userId: person.id, role })
    .onConflictDoUpdate({ target: [member.organizationId, member.userId], set: { role } });
  // audit: member set by the operator (org.id, person.id, role)
  return { organizationId: org.id, userId: person.id, role };
}
