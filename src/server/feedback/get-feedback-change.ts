import { and, eq, isNotNull } from 'drizzle-orm';
import { changePerQuestion, overallChange } from '../../domain/feedback/change-360';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { feedbackAnswers, feedbackRequests, relationships } from '../db/schema';
import { notFound } from '../http/problem';
import type { FeedbackChangeView } from './schemas';

// The member's own before/after 360 of one relationship. Answers are the member's alone (PRODUCT.md
// §3): the guide, an admin or anyone else gets the same 404 as for a relationship that does not exist.
export async function getFeedbackChange(
  db: Db,
  actor: Actor,
  relationshipId: string,
): Promise<FeedbackChangeView> {
  const [rel] = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(and(eq(relationships.id, relationshipId), eq(relationships.memberId, actor.userId)));
  if (!rel) throw notFound('relationship');
  const rows = await db
    .select({ request: feedbackRequests, answer: feedbackAnswers })
    .from(feedbackRequests)
    .leftJoin(feedbackAnswers, eq(feedbackAnswers.requestId, feedbackRequests.id))
    .where(
      and(
        eq(feedbackRequests.userId, actor.userId),
        eq(feedbackRequests.round360RelationshipId, rel.id),
        isNotNull(feedbackRequests.round360),
      ),
    )
    .orderBy(feedbackRequests.createdAt, feedbackRequests.id);
  const afterOf = new Map(
    rows.flatMap(({ request }) => (request.beforeRequestId ? [[request.beforeRequestId, request.id]] : [])),
  );
  const questions = changePerQuestion(
    rows.map(({ request, answer }) => ({
      question: request.question,
      scale: request.scale,
      round: request.round360 ?? 'before',
      rating: answer?.rating ?? null,
      text: answer?.answer ?? null,
    })),
  );
  return {
    relationshipId: rel.id,
    beforeRequests: rows
      .filter(({ request }) => request.round360 === 'before')
      .map(({ request }) => ({ id: request.id, afterRequestId: afterOf.get(request.id) ?? null })),
    questions,
    overallChange: overallChange(questions),
  };
}
