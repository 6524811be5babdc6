import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { user } from '../db/schema';

// Where the member works, so guides from the same organization are not suggested by default.
export async function setOrganization(db: Db, actor: Actor, organization: string | null, now: Date) {
  const value = organization?.trim() || null;
  await db.update(user).set({ organization: value, updatedAt: now }).where(eq(user.id, actor.userId));
  return { organization: value };
}

export async function getOrganization(db: Db, actor: Actor) {
  const [found] = await db
    .select({ organization: user.organization })
    .from(user)
    .where(eq(user.id, actor.userId));
  return { organization: found?.organization ?? null };
}
