import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { member, organization, user } from '../db/schema';
import { Problem } from '../http/problem';
import type { CreateOrgInput } from './schemas';

// An organization with its first owner: the person who creates it, or the one the CLI names (the CLI
// may also make one without an owner and add people with `corner org add-member`).
export async function createOrg(db: Db, ownerId: string | null, input: CreateOrgInput) {
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: organization.id })
      .from(organization)
      .where(eq(organization.slug, input.slug));
    if (taken) {
      throw new Problem(409, 'slug-taken', `The address “${input.slug}” is taken: choose another.`, 'slug');
    }
    if (ownerId) {
      const [owner] = await tx.select({ id: user.id }).from(user).where(eq(user.id, ownerId));
      if (!owner) throw new Problem(404, 'not-found', 'No person with that id.');
    }
    const [org] = await tx
      .insert(organization)
      .values({ id: randomUUID(), name: input.name, slug: input.slug })
      .returning();
    if (!org) throw new Error('insert returned no organization');
    if (ownerId) {
      await tx
        .insert(member)
        .values({ id: randomUUID(), organizationId: org.id, userId: ownerId, role: 'owner' });
    }
    // audit: organization created (org.id, by ownerId)
    return {
      id: org.id,
      name: org.name,
      slug: org.slug,
      role: 'owner' as const,
      ssoRequired: org.ssoRequired,
    };
  });
}
