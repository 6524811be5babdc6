import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { shadowStrengthEvidence, shadowStrengths } from '../db/schema';
import { notFound } from '../http/problem';
import { checkEvidence } from './check-evidence';
import { getShadowStrength } from './list-shadow-strengths';
import type { StrengthInput, StrengthView } from './schemas';

export async function updateShadowStrength(
  db: Db,
  actor: Actor,
  strengthId: string,
  input: StrengthInput,
  now: Date,
): Promise<StrengthView> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(shadowStrengths)
      .set({ strength: input.strength, overdone: input.overdone, updatedAt: now })
      .where(and(eq(shadowStrengths.id, strengthId), eq(shadowStrengths.userId, actor.userId)))
      .returning();
    if (!row) throw notFound('strength');
    await checkEvidence(tx, actor, input.answerIds);
    await tx.delete(shadowStrengthEvidence).where(eq(shadowStrengthEvidence.strengthId, strengthId));
    const unique = [...new Set(input.answerIds)];
    if (unique.length > 0) {
      await tx.insert(shadowStrengthEvidence).values(unique.map((answerId) => ({ strengthId, answerId })));
    }
    return getShadowStrength(tx, actor, strengthId);
  });
}
