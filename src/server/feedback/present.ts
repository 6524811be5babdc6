import { checkFeedbackQuestion } from '../../domain/feedback/check-feedback-question';
import type { feedbackAnswers, feedbackRequests } from '../db/schema';
import { memoize } from '../http/memoize';
import type { FeedbackRequestView } from './schemas';

// The question's check depends on its text alone and lists show the same requests on every page load.
const checkQuestionOnce = memoize(checkFeedbackQuestion);

type RequestRow = typeof feedbackRequests.$inferSelect;
type AnswerRow = typeof feedbackAnswers.$inferSelect;

export function feedbackStatus(
  request: RequestRow,
  answer: AnswerRow | null,
  now: Date,
): FeedbackRequestView['status'] {
  if (answer) return 'answered';
  return request.expiresAt.getTime() <= now.getTime() ? 'expired' : 'waiting';
}

export function presentFeedbackRequest(
  request: RequestRow,
  answer: AnswerRow | null,
  goalTitle: string,
  now: Date,
): FeedbackRequestView {
  return {
    id: request.id,
    goalId: request.goalId,
    goalTitle,
    question: request.question,
    moment: request.moment,
    giverName: request.giverName,
    giverEmail: request.giverEmail,
    status: feedbackStatus(request, answer, now),
    expiresAt: request.expiresAt.toISOString(),
    sharedWithGuide: request.sharedWithGuide && request.sharedRelationshipId !== null,
    sharedRelationshipId: request.sharedWithGuide ? request.sharedRelationshipId : null,
    check: checkQuestionOnce(request.question),
    answer: answer
      ? {
          id: answer.id,
          text: answer.answer,
          rating: answer.rating,
          createdAt: answer.createdAt.toISOString(),
        }
      : null,
    thankedAt: request.thankedAt ? request.thankedAt.toISOString() : null,
    thankYouNote: request.thankYouNote,
    scale: request.scale,
    round360: request.round360,
    round360RelationshipId: request.round360RelationshipId,
    beforeRequestId: request.beforeRequestId,
    createdAt: request.createdAt.toISOString(),
  };
}
