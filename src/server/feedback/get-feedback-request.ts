import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { feedbackAnswers, feedbackRequests, goals } from '../db/schema';
import { notFound } from '../http/problem';
import { feedbackPolicy } from '../policies/feedback';
import { presentFeedbackRequest } from './present';
import type { FeedbackRequestView } from './schemas';

export async function loadFeedbackRequest(
  db: Db | Tx,
  actor: Actor,
  requestId: string,
  access: 'read' | 'write',
) {
  const [request] = await db.select().from(feedbackRequests).where(eq(feedbackRequests.id, requestId));
  const allowed =
    request &&
    (access === 'read' ? feedbackPolicy.canRead(actor, request) : feedbackPolicy.canWrite(actor, request));
  if (!request || !allowed) throw notFound('feedback request');
  return request;
}

export async function getFeedbackRequest(
  db: Db | Tx,
  actor: Actor,
  requestId: string,
  now: Date,
): Promise<FeedbackRequestView> {
  const request = await loadFeedbackRequest(db, actor, requestId, 'read');
  const [answer] = await db.select().from(feedbackAnswers).where(eq(feedbackAnswers.requestId, request.id));
  const [goal] = await db.select({ title: goals.title }).from(goals).where(eq(goals.id, request.goalId));
  return presentFeedbackRequest(request, answer ?? null, goal?.title ?? '', now);
}
