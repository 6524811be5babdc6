import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import { unansweredQuestions } from '../../domain/sessions/unanswered-questions';
import type { Db, Tx } from '../db/client';
import { relationshipMessages, sessions, user } from '../db/schema';
import type { RelationshipRow } from '../relationships/load-relationship';
import type { SessionRow } from './load-session';

// Questions from the message thread still waiting for the other person, asked since the last session
// held before this one (earlier ones had their session). Both people read the thread, so both see them.
export async function openQuestionsFor(
  db: Db | Tx,
  rel: RelationshipRow,
  session: SessionRow,
): Promise<{ id: string; text: string }[]> {
  const [previous] = await db
    .select({ startsAt: sessions.startsAt })
    .from(sessions)
    .where(
      and(
        eq(sessions.relationshipId, rel.id),
        eq(sessions.status, 'held'),
        lt(sessions.startsAt, session.startsAt),
      ),
    )
    .orderBy(desc(sessions.startsAt))
    .limit(1);
  const since = previous?.startsAt ?? null;
  const rows = await db
    .select({
      id: relationshipMessages.id,
      authorId: relationshipMessages.authorId,
      authorName: user.name,
      body: relationshipMessages.body,
      createdAt: relationshipMessages.createdAt,
    })
    .from(relationshipMessages)
    .innerJoin(user, eq(user.id, relationshipMessages.authorId))
    .where(
      and(
        eq(relationshipMessages.relationshipId, rel.id),
        lt(relationshipMessages.createdAt, session.startsAt),
        since ? gte(relationshipMessages.createdAt, since) : undefined,
      ),
    )
    .orderBy(asc(relationshipMessages.createdAt));
  const names = new Map(rows.map((row) => [row.authorId, row.authorName]));
  return unansweredQuestions(rows, { since, until: session.startsAt }).map((question) => ({
    id: question.id,
    text: `${names.get(question.authorId) ?? 'Someone'} asked: ${question.text}`,
  }));
}
