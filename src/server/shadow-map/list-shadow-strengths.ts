import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { feedbackAnswers, feedbackRequests, shadowStrengthEvidence, shadowStrengths } from '../db/schema';
import { notFound } from '../http/problem';
import type { StrengthView } from './schemas';

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

export async function getShadowStrength(
  db: Db | Tx,
  actor: Actor,
  strengthId: string,
): Promise<StrengthView> {
  const found = (await listShadowStrengths(db, actor)).find((s) => s.id === strengthId);
  if (!found) throw notFound('strength');
  return found;
}
