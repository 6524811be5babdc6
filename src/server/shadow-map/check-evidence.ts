import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Tx } from '../db/client';
import { feedbackAnswers, feedbackRequests } from '../db/schema';
import { Problem } from '../http/problem';

// A strength overdone becomes a weakness; the map keeps both sides and the outside views that showed
// them. Evidence can only be answers to the member's own requests.
export async function checkEvidence(tx: Tx, actor: Actor, answerIds: string[]): Promise<void> {
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
