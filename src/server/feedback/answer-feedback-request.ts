import { eq } from 'drizzle-orm';
import { hashSecretToken } from '../access-tokens/secret-token';
import type { Db, Tx } from '../db/client';
import { feedbackAnswers, feedbackRequests, user } from '../db/schema';
import { Problem } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import type { PublicFeedbackView } from './schemas';

// Every way a link can be unusable answers with its own code, so the giver page can say plainly
// what happened. Nothing here reveals any other request of the member.
async function loadOpenRequest(db: Db | Tx, token: string, now: Date) {
  const [row] = await db
    .select({
      request: feedbackRequests,
      answerId: feedbackAnswers.id,
      memberName: user.name,
      memberEmail: user.email,
    })
    .from(feedbackRequests)
    .innerJoin(user, eq(user.id, feedbackRequests.userId))
    .leftJoin(feedbackAnswers, eq(feedbackAnswers.requestId, feedbackRequests.id))
    .where(eq(feedbackRequests.tokenHash, hashSecretToken(token)));
  if (!row)
    throw new Problem(
      404,
      'link-unknown',
      'This feedback link does not exist. Check that it was copied whole.',
    );
  if (row.answerId)
    throw new Problem(410, 'link-used', 'This question has already been answered. Thank you!');
  if (row.request.expiresAt.getTime() <= now.getTime()) {
    throw new Problem(410, 'link-expired', 'This feedback link has expired, so it no longer takes answers.');
  }
  return row;
}

export async function readPublicFeedback(db: Db, token: string, now: Date): Promise<PublicFeedbackView> {
  const { request, memberName } = await loadOpenRequest(db, token, now);
  return {
    memberName,
    giverName: request.giverName,
    question: request.question,
    moment: request.moment,
    expiresAt: request.expiresAt.toISOString(),
  };
}

export async function answerFeedbackRequest(
  db: Db,
  token: string,
  answer: string,
  context: { now: Date; mailer: Mailer; origin: string },
): Promise<void> {
  const found = await db.transaction(async (tx) => {
    const row = await loadOpenRequest(tx, token, context.now);
    // The unique request id settles a race between two tabs: the second insert does nothing.
    const inserted = await tx
      .insert(feedbackAnswers)
      .values({ requestId: row.request.id, answer, createdAt: context.now })
      .onConflictDoNothing({ target: feedbackAnswers.requestId })
      .returning({ id: feedbackAnswers.id });
    if (inserted.length === 0) {
      throw new Problem(410, 'link-used', 'This question has already been answered. Thank you!');
    }
    return row;
  });
  await context.mailer.send({
    to: found.memberEmail,
    subject: `${found.request.giverName} answered your feedback question`,
    text: [
      `${found.request.giverName} answered: "${found.request.question}"`,
      '',
      `Read it in Corner: ${context.origin}/feedback-requests`,
      '',
      'Before you reply: thank them for their honesty, and take it in rather than explaining it away.',
      'Log your thank-you in Corner so you remember who helped you see yourself.',
    ].join('\n'),
  });
}
