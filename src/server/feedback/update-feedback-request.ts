import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { feedbackRequests } from '../db/schema';
import { getFeedbackRequest, loadFeedbackRequest } from './get-feedback-request';
import type { FeedbackRequestView } from './schemas';
import { sharingRelationship } from './sharing-relationship';

// Sharing with one relationship's guide is the member's choice per request, can move to another
// relationship, and can be taken back at any time.
export async function updateFeedbackRequest(
  db: Db,
  actor: Actor,
  requestId: string,
  input: { sharedWithGuide: boolean; relationshipId?: string | null },
  now: Date,
): Promise<FeedbackRequestView> {
  return db.transaction(async (tx) => {
    await loadFeedbackRequest(tx, actor, requestId, 'write');
    const sharedRelationshipId = await sharingRelationship(tx, actor, input);
    await tx
      .update(feedbackRequests)
      .set({ sharedWithGuide: input.sharedWithGuide, sharedRelationshipId })
      .where(eq(feedbackRequests.id, requestId));
    return getFeedbackRequest(tx, actor, requestId, now);
  });
}
