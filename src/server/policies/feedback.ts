import type { Actor } from '../auth/actor';

type FeedbackRecord = { userId: string; sharedWithGuide: boolean; sharedRelationshipId: string | null };
type Relationship = { id: string; memberId: string | null; guideId: string | null; status: string };

// PRODUCT.md §3: feedback requests and answers are the member's; a guide reads one only when the
// member shared that request with the relationship this guide is in — not with every guide the member
// has — and only once that relationship has started.
export function canGuideReadFeedback(actor: Actor, request: FeedbackRecord, rel: Relationship): boolean {
  if (actor.userId === request.userId) return true;
  return (
    request.sharedWithGuide &&
    request.sharedRelationshipId === rel.id &&
    rel.guideId === actor.userId &&
    rel.memberId === request.userId &&
    (rel.status === 'active' || rel.status === 'closed')
  );
}

export const feedbackPolicy = {
  canRead: (actor: Actor, request: FeedbackRecord) => request.userId === actor.userId,
  canWrite: (actor: Actor, request: FeedbackRecord) => request.userId === actor.userId,
};
