import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { feedbackAnswers, feedbackRequests } from '../db/schema';
import { Problem } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import { getFeedbackRequest, loadFeedbackRequest } from './get-feedback-request';
import type { FeedbackRequestView } from './schemas';

// Logging the thank-you is part of the method: a giver thanked warmly answers again, a giver argued
// with never does. When the giver left an email, the note goes to them too.
export async function thankFeedbackGiver(
  db: Db,
  actor: Actor,
  requestId: string,
  note: string,
  context: { now: Date; mailer: Mailer },
): Promise<FeedbackRequestView> {
  const view = await db.transaction(async (tx) => {
    const request = await loadFeedbackRequest(tx, actor, requestId, 'write');
    const [answer] = await tx
      .select({ id: feedbackAnswers.id })
      .from(feedbackAnswers)
      .where(eq(feedbackAnswers.requestId, request.id));
    if (!answer) {
      throw new Problem(409, 'not-answered', 'Thank the giver once they have answered.');
    }
    if (request.thankedAt) throw new Problem(409, 'already-thanked', 'You already thanked this giver.');
    await tx
      .update(feedbackRequests)
      .set({ thankedAt: context.now, thankYouNote: note })
      .where(eq(feedbackRequests.id, request.id));
    return getFeedbackRequest(tx, actor, requestId, context.now);
  });
  if (view.giverEmail) {
    await context.mailer.send({
      to: view.giverEmail,
      subject: `Thank you from ${actor.name}`,
      text: `${note}\n\n— ${actor.name}`,
    });
  }
  return view;
}
