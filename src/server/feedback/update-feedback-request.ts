import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { feedbackRequests } from '../db/schema';
import { getFeedbackRequest, loadFeedbackRequest } from './get-feedback-request';
import type { FeedbackRequestView } from './schemas';

// Sharing with the guide is the member's choice per request and can be taken back at any time.
export async function updateFeedbackRequest(
  db: Db,
  actor: Actor,
  requestId: string,
  input: { sharedWithGuide: boolean },
  now: Date,
): Promise<FeedbackRequestView> {
  return db.transaction(async (tx) => {
    await loadFeedbackRequest(tx, actor, requestId, 'write');
    await tx
      .update(feedbackRequests)
      .set({ sharedWithGuide: input.sharedWithGuide })
      .where(eq(feedbackRequests.id, requestId));
    return getFeedbackRequest(tx, actor, requestId, now);
  });
}
