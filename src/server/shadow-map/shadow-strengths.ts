import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { feedbackAnswers, feedbackRequests, shadowStrengthEvidence, shadowStrengths } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import type { StrengthInput, StrengthView } from './schemas';

// A strength overdone becomes a weakness; the map keeps both sides and the outside views that showed
// them. Evidence can only be answers to the member's own requests.
async function checkEvidence(tx: Tx, actor: Actor, answerIds: string[]): Promise<void> {
  if (answerIds.length === 0) return;
  const owned = await tx
    .select({ id: feedbackAnswers.id })
    .from(feedbackAnswers)
    .innerJoin(feedbackRequests, eq(feedbackRequests.id, feedbackAnswers.requestId))
    .where(and(inArray(feedbackAnswers.id, answerIds), eq(feedbackRequests.userId, actor.userId)));
  const ownedIds = new Set(owned.map((row) => row.id));
  answerIds.forEach((id, index) => {
    if (!ownedIds.has(id)) {
      throw new Problem(422, 'unknown-answer', 'That is not an answer you received.', `answerIds.${index}`);
    }
  });
}

export async function listShadowStrengths(db: Db | Tx, actor: Actor): Promise<StrengthView[]> {
  const strengths = await db
    .select()
    .from(shadowStrengths)
    .where(eq(shadowStrengths.userId, actor.userId))
    .orderBy(asc(shadowStrengths.createdAt), asc(shadowStrengths.strength));
  if (strengths.length === 0) return [];
  const evidence = await db
    .select({
      strengthId: shadowStrengthEvidence.strengthId,
      answerId: feedbackAnswers.id,
      answer: feedbackAnswers.answer,
      requestId: feedbackRequests.id,
      giverName: feedbackRequests.giverName,
      question: feedbackRequests.question,
    })
    .from(shadowStrengthEvidence)
    .innerJoin(feedbackAnswers, eq(feedbackAnswers.id, shadowStrengthEvidence.answerId))
    .innerJoin(feedbackRequests, eq(feedbackRequests.id, feedbackAnswers.requestId))
    .where(
      inArray(
        shadowStrengthEvidence.strengthId,
        strengths.map((s) => s.id),
      ),
    )
    .orderBy(asc(feedbackAnswers.createdAt));
  return strengths.map((s) => ({
    id: s.id,
    strength: s.strength,
    overdone: s.overdone,
    evidence: evidence.filter((e) => e.strengthId === s.id).map(({ strengthId: _, ...rest }) => rest),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  }));
}

async function findOne(db: Db | Tx, actor: Actor, strengthId: string): Promise<StrengthView> {
  const found = (await listShadowStrengths(db, actor)).find((s) => s.id === strengthId);
  if (!found) throw notFound('strength');
  return found;
}

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
    return findOne(tx, actor, row.id);
  });
}

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
    return findOne(tx, actor, strengthId);
  });
}

export async function removeShadowStrength(db: Db, actor: Actor, strengthId: string): Promise<void> {
  const deleted = await db
    .delete(shadowStrengths)
    .where(and(eq(shadowStrengths.id, strengthId), eq(shadowStrengths.userId, actor.userId)))
    .returning({ id: shadowStrengths.id });
  if (deleted.length === 0) throw notFound('strength');
}
