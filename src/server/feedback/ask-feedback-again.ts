import { FEEDBACK_LINK_DAYS } from '../../domain/settings/growth-tools';
import { newSecretToken } from '../access-tokens/secret-token';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { feedbackRequests } from '../db/schema';
import { Problem } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import { feedbackLinkPath, mailGiver } from './create-feedback-request';
import { getFeedbackRequest, loadFeedbackRequest } from './get-feedback-request';
import type { CreatedFeedbackRequest } from './schemas';

const DAY_MS = 86_400_000;

// "Ask the same people again": the after of a before request copies its giver, question, moment and
// scale, so the two rounds compare like with like. Sharing is not copied: the member decides again.
export async function askFeedbackAgain(
  db: Db,
  actor: Actor,
  beforeRequestId: string,
  context: { now: Date; mailer: Mailer; origin: string },
): Promise<CreatedFeedbackRequest> {
  const { token, hash } = newSecretToken();
  const created = await db.transaction(async (tx) => {
    const before = await loadFeedbackRequest(tx, actor, beforeRequestId, 'write');
    if (before.round360 !== 'before' || !before.round360RelationshipId) {
      throw new Problem(
        422,
        'not-a-before',
        'Only a request marked as the “before” of a relationship can be asked again.',
      );
    }
    const [row] = await tx
      .insert(feedbackRequests)
      .values({
        userId: actor.userId,
        goalId: before.goalId,
        question: before.question,
        moment: before.moment,
        giverName: before.giverName,
        giverEmail: before.giverEmail,
        scale: before.scale,
        round360: 'after',
        round360RelationshipId: before.round360RelationshipId,
        beforeRequestId: before.id,
        tokenHash: hash,
        expiresAt: new Date(context.now.getTime() + FEEDBACK_LINK_DAYS * DAY_MS),
        createdAt: context.now,
      })
      // The unique before_request_id settles two clicks at once: the second insert does nothing.
      .onConflictDoNothing({ target: feedbackRequests.beforeRequestId })
      .returning();
    if (!row) {
      throw new Problem(
        409,
        'after-already-asked',
        `${before.giverName} was already asked this question again; each “before” has one “after”.`,
      );
    }
    return getFeedbackRequest(tx, actor, row.id, context.now);
  });
  const path = feedbackLinkPath(token);
  await mailGiver(context, actor, created, path);
  return { request: created, token, path };
}
