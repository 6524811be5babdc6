import type { Db } from '../db/client';
import { feedbackAnswers } from '../db/schema';
import { Problem } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import { loadOpenRequest } from './load-open-feedback-request';

export async function answerFeedbackRequest(
  db: Db,
  token: string,
  answer: string,
  rating: number | null,
  context: { now: Date; mailer: Mailer; origin: string },
): Promise<void> {
  const found = await db.transaction(async (tx) => {
    const row = await loadOpenRequest(tx, token, context.now);
    if (row.request.scale && rating === null) {
      throw new Problem(
        422,
        'rating-required',
        'Pick a rating from 1 to 5 as well as writing a few words.',
        'rating',
      );
    }
    if (!row.request.scale && rating !== null) {
      throw new Problem(
        422,
        'rating-not-asked',
        'This question asks for words only, not a rating.',
        'rating',
      );
    }
    // The unique request id settles a race between two tabs: the second insert does nothing.
    const inserted = await tx
      .insert(feedbackAnswers)
      .values({ requestId: row.request.id, answer, rating, createdAt: context.now })
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
