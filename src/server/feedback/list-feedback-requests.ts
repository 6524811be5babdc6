import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { feedbackAnswers, feedbackRequests, goals } from '../db/schema';
import { presentFeedbackRequest } from './present';
import type { FeedbackRequestView } from './schemas';

export async function listFeedbackRequests(db: Db, actor: Actor, now: Date): Promise<FeedbackRequestView[]> {
  const rows = await db
    .select({ request: feedbackRequests, answer: feedbackAnswers, goalTitle: goals.title })
    .from(feedbackRequests)
    .innerJoin(goals, eq(goals.id, feedbackRequests.goalId))
    .leftJoin(feedbackAnswers, eq(feedbackAnswers.requestId, feedbackRequests.id))
    .where(eq(feedbackRequests.userId, actor.userId))
    .orderBy(desc(feedbackRequests.createdAt));
  return rows.map((row) => presentFeedbackRequest(row.request, row.answer, row.goalTitle, now));
}
