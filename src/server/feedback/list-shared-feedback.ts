import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { feedbackAnswers, feedbackRequests, goals } from '../db/schema';
import { canGuideReadFeedback } from '../policies/feedback';
import { relationshipPolicy } from '../policies/relationships';
import { loadRelationship } from '../relationships/load-relationship';
import { feedbackStatus } from './present';
import type { SharedFeedbackView } from './schemas';

// The member's mirror feedback that they chose to share with this relationship's guide — named by
// this relationship, so their other guides never see it (PRODUCT.md §3).
// Both people see the same list: the member to know what the guide can read, the guide to read it.
// The giver's email and the member's thank-you stay with the member; a goal's title shows only while
// the member shares that goal with guides.
export async function listSharedFeedback(
  db: Db,
  actor: Actor,
  relationshipId: string,
  now: Date,
): Promise<SharedFeedbackView[]> {
  const { rel } = await loadRelationship(db, actor, relationshipId);
  const memberId = rel.memberId;
  if (!memberId || !rel.guideId) return [];
  const rows = await db
    .select({ request: feedbackRequests, answer: feedbackAnswers, goal: goals })
    .from(feedbackRequests)
    .innerJoin(goals, eq(goals.id, feedbackRequests.goalId))
    .leftJoin(feedbackAnswers, eq(feedbackAnswers.requestId, feedbackRequests.id))
    .where(
      and(
        eq(feedbackRequests.userId, memberId),
        eq(feedbackRequests.sharedWithGuide, true),
        eq(feedbackRequests.sharedRelationshipId, rel.id),
      ),
    )
    .orderBy(desc(feedbackRequests.createdAt), desc(feedbackRequests.id));
  return rows
    .filter((row) => canGuideReadFeedback(actor, row.request, rel))
    .map(({ request, answer, goal }) => ({
      id: request.id,
      goalTitle: relationshipPolicy.canReadLinkedGoal(actor, goal, rel) ? goal.title : null,
      question: request.question,
      moment: request.moment,
      giverName: request.giverName,
      status: feedbackStatus(request, answer, now),
      answer: answer
        ? {
            id: answer.id,
            text: answer.answer,
            rating: answer.rating,
            createdAt: answer.createdAt.toISOString(),
          }
        : null,
      createdAt: request.createdAt.toISOString(),
    }));
}
