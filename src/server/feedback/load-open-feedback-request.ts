import { eq } from 'drizzle-orm';
import { hashSecretToken } from '../access-tokens/secret-token';
import type { Db, Tx } from '../db/client';
import { feedbackAnswers, feedbackRequests, user } from '../db/schema';
import { Problem } from '../http/problem';

// Every way a link can be unusable answers with its own code, so the giver page can say plainly
// what happened. Nothing here reveals any other request of the member.
export async function loadOpenRequest(db: Db | Tx, token: string, now: Date) {
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
