import type { Actor } from '../auth/actor';

type FeedbackRecord = { userId: string; sharedWithGuide: boolean };

// PRODUCT.md §3: feedback requests and answers are the member's; a guide reads them only when the
// member shared that request, and only inside a relationship with that member. The relationship check
// is passed in by the caller (the relationships area owns it), so this rule stays one pure function.
export function canGuideReadFeedback(
  actor: Actor,
  request: FeedbackRecord,
  guidesMember: (guideUserId: string, memberUserId: string) => boolean,
): boolean {
  if (actor.userId === request.userId) return true;
  return request.sharedWithGuide && guidesMember(actor.userId, request.userId);
}

export const feedbackPolicy = {
  canRead: (actor: Actor, request: FeedbackRecord) => request.userId === actor.userId,
  canWrite: (actor: Actor, request: FeedbackRecord) => request.userId === actor.userId,
};
