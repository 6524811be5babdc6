import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { shadowStrengthEvidence, shadowStrengths } from '../db/schema';
import { checkEvidence } from './check-evidence';
import { getShadowStrength } from './list-shadow-strengths';
import type { StrengthInput } from './schemas';

export async function addShadowStrength(db: Db, actor: Actor, input: StrengthInput, now: Date) {
  return db.transaction(async (tx) => {
    await checkEvidence(tx, actor, input.answerIds);
    const [row] = await tx
      .insert(shadowStrengths)
      .values({
        userId: actor.userId,
        strength: input.strength,
        overdone: input.overdone,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no strength');
    const unique = [...new Set(input.answerIds)];
    if (unique.length > 0) {
      await tx
        .insert(shadowStrengthEvidence)
        .values(unique.map((answerId) => ({ strengthId: row.id, answerId })));
    }
    return getShadowStrength(tx, actor, row.id);
  });
}
