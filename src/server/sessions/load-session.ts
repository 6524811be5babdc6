import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { sessions } from '../db/schema';
import { notFound } from '../http/problem';
import { relationshipPolicy } from '../policies/relationships';
import { loadRelationship, loadWorkingRelationship } from '../relationships/load-relationship';

export type SessionRow = typeof sessions.$inferSelect;

// A session is visible exactly to the two people of its relationship; everyone else gets a 404.
export async function loadSession(db: Db | Tx, actor: Actor, sessionId: string) {
  const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
  if (!session) throw notFound('session');
  try {
    const { rel, role } = await loadRelationship(db, actor, session.relationshipId);
    if (role === null) throw notFound('session');
    return { session, rel, role };
  } catch {
    throw notFound('session');
  }
}

// For writes: the relationship row is locked and must be active, and the session row is locked too.
export async function loadSessionForWrite(tx: Tx, actor: Actor, sessionId: string) {
  const [peek] = await tx.select().from(sessions).where(eq(sessions.id, sessionId));
  if (!peek) throw notFound('session');
  const { rel, role } = await loadWorkingRelationship(tx, actor, peek.relationshipId).catch(
    (error: unknown) => {
      if (error instanceof Error && 'status' in error && error.status === 404) throw notFound('session');
      throw error;
    },
  );
  if (!relationshipPolicy.canWork(actor, rel)) throw notFound('session');
  const [session] = await tx.select().from(sessions).where(eq(sessions.id, sessionId)).for('update');
  if (!session) throw notFound('session');
  return { session, rel, role };
}
