import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { feedbackRequests, relationships } from '../db/schema';
import { Problem } from '../http/problem';
import { getFeedbackRequest, loadFeedbackRequest } from './get-feedback-request';
import type { FeedbackRequestView } from './schemas';

// The member marks one of their requests as the "before" of a relationship they are the member of, so
// the same giver can be asked the same question again near its end.
export async function markFeedbackBefore(
  db: Db,
  actor: Actor,
  requestId: string,
  relationshipId: string,
  now: Date,
): Promise<FeedbackRequestView> {
  return db.transaction(async (tx) => {
    const request = await loadFeedbackRequest(tx, actor, requestId, 'write');
    if (request.round360 === 'after') {
      throw new Problem(
        409,
        'already-after',
        'This request is already the “after” of an earlier one, so it cannot also be a “before”.',
      );
    }
    const [rel] = await tx
      .select({ id: relationships.id })
      .from(relationships)
      .where(
        and(
          eq(relationships.id, relationshipId),
          eq(relationships.memberId, actor.userId),
          inArray(relationships.status, ['active', 'closed']),
        ),
      );
    if (!rel) {
      throw new Problem(
        422,
        'unknown-relationship',
        'Pick one of your relationships as a member that has started.',
        'relationshipId',
      );
    }
    const [after] = await tx
      .select({ id: feedbackRequests.id })
      .from(feedbackRequests)
      .where(eq(feedbackRequests.beforeRequestId, request.id));
    if (after && request.round360RelationshipId !== rel.id) {
      throw new Problem(
        409,
        'after-already-asked',
        'The same people were already asked again for this request, so it stays with its relationship.',
      );
    }
    await tx
      .update(feedbackRequests)
      .set({ round360: 'before', round360RelationshipId: rel.id })
      .where(eq(feedbackRequests.id, request.id));
    return getFeedbackRequest(tx, actor, request.id, now);
  });
}
