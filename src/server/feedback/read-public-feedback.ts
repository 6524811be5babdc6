import type { Db } from '../db/client';
import { loadOpenRequest } from './load-open-feedback-request';
import type { PublicFeedbackView } from './schemas';

export async function readPublicFeedback(db: Db, token: string, now: Date): Promise<PublicFeedbackView> {
  const { request, memberName } = await loadOpenRequest(db, token, now);
  return {
    memberName,
    giverName: request.giverName,
    question: request.question,
    moment: request.moment,
    scale: request.scale,
    expiresAt: request.expiresAt.toISOString(),
  };
}
