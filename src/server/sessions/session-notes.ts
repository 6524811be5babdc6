import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { sessionPrivateNotes, sessions, user } from '../db/schema';
import { Problem, type ProblemBody } from '../http/problem';
import { loadSessionForWrite } from './load-session';

type NotesVersion = { body: string; version: number };

// A stale save must not overwrite what the other person wrote: the 409 carries both versions so the
// person can merge instead of retyping.
export class NotesConflict extends Problem {
  constructor(
    readonly yours: NotesVersion,
    readonly current: NotesVersion & { updatedBy: string | null },
  ) {
    super(
      409,
      'stale-notes',
      `The shared notes changed while you were editing (you edited version ${yours.version}, the latest is ${current.version}). Both versions are below; merge them and save again.`,
    );
  }

  override toBody(): ProblemBody & {
    yours: NotesVersion;
    current: NotesVersion & { updatedBy: string | null };
  } {
    return { ...super.toBody(), yours: this.yours, current: this.current };
  }
}

export async function savePreparation(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: { agendaTopic?: string; preNote?: string; meetingLink?: string | null; place?: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const { session, role } = await loadSessionForWrite(tx, actor, sessionId);
    if (session.status !== 'scheduled') {
      throw new Problem(409, 'session-closed', 'This session has already been closed.');
    }
    if (input.preNote !== undefined && role !== 'member') {
      throw new Problem(422, 'wrong-side', 'The pre-session note is the member’s to write.', 'preNote');
    }
    await tx.update(sessions).set(input).where(eq(sessions.id, session.id));
  });
}

// Optimistic concurrency: the update only applies when the stored version is still the one edited.
// On PostgreSQL a concurrent save waits for the row lock and then finds the version moved on.
export async function saveSharedNotes(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: NotesVersion,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const { session } = await loadSessionForWrite(tx, actor, sessionId);
    if (session.status === 'cancelled') {
      throw new Problem(409, 'session-cancelled', 'This session was cancelled; it has no notes.');
    }
    const updated = await tx
      .update(sessions)
      .set({
        sharedNotes: input.body,
        sharedNotesVersion: sql`${sessions.sharedNotesVersion} + 1`,
        sharedNotesUpdatedBy: actor.userId,
      })
      .where(and(eq(sessions.id, session.id), eq(sessions.sharedNotesVersion, input.version)))
      .returning({ version: sessions.sharedNotesVersion });
    const row = updated[0];
    if (row) return row;
    const [current] = await tx
      .select({ body: sessions.sharedNotes, version: sessions.sharedNotesVersion, updatedBy: user.name })
      .from(sessions)
      .leftJoin(user, eq(user.id, sessions.sharedNotesUpdatedBy))
      .where(eq(sessions.id, session.id));
    throw new NotesConflict(input, {
      body: current?.body ?? '',
      version: current?.version ?? 0,
      updatedBy: current?.updatedBy ?? null,
    });
  });
}

export async function savePrivateNote(db: Db, actor: Actor, sessionId: string, body: string, now: Date) {
  await db.transaction(async (tx) => {
    await loadSessionForWrite(tx, actor, sessionId);
    await tx
      .insert(sessionPrivateNotes)
      .values({ sessionId, userId: actor.userId, body, updatedAt: now })
      .onConflictDoUpdate({
        target: [sessionPrivateNotes.sessionId, sessionPrivateNotes.userId],
        set: { body, updatedAt: now },
      });
  });
}
