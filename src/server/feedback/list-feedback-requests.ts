import { desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { preparedPerDb } from '../db/prepared';
import { feedbackAnswers, feedbackRequests, goals } from '../db/schema';
import { presentFeedbackRequest } from './present';
import type { FeedbackRequestView } from './schemas';

// Read on every page load (the navigation's thank-you badge), so prepared once per database.
const myRequests = preparedPerDb((db) =>
  db
    .select({ request: feedbackRequests, answer: feedbackAnswers, goalTitle: goals.title })
    .from(feedbackRequests)
    .innerJoin(goals, eq(goals.id, feedbackRequests.goalId))
    .leftJoin(feedbackAnswers, eq(feedbackAnswers.requestId, feedbackRequests.id))
    .where(eq(feedbackRequests.userId, sql.placeholder('userId')))
    .orderBy(desc(feedbackRequests.createdAt))
    .prepare('list_feedback_requests'),
);

export async function listFeedbackRequests(db: Db, actor: Actor, now: Date): Promise<FeedbackRequestView[]> {
  const rows = await myRequests(db).execute({ userId: actor.userId });
  return rows.map((row) => presentFeedbackRequest(row.request, row.answer, row.goalTitle, now));
}
