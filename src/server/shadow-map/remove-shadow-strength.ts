import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { shadowStrengths } from '../db/schema';
import { notFound } from '../http/problem';

export async function removeShadowStrength(db: Db, actor: Actor, strengthId: string): Promise<void> {
  const deleted = await db
    .delete(shadowStrengths)
    .where(and(eq(shadowStrengths.id, strengthId), eq(shadowStrengths.userId, actor.userId)))
    .returning({ id: shadowStrengths.id });
  if (deleted.length === 0) throw notFound('strength');
}
