import { and, eq } from 'drizzle-orm';
import { checkSessionClose } from '../../domain/sessions/check-session-close';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { actions, journalEntries, sessionPulses, sessions } from '../db/schema';
import { Problem } from '../http/problem';
import { agendaFor } from './get-session';
import { loadSession, loadSessionForWrite } from './load-session';
import type { CloseSessionInput } from './schemas';

// Closing records what happened. A held session turns its next steps into actions, freezes the agenda
// as it stood, and marks the pinned journal notes as brought to the session.
export async function closeSession(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: CloseSessionInput,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { session, rel } = await loadSessionForWrite(tx, actor, sessionId);
    if (session.status !== 'scheduled') {
      throw new Problem(409, 'session-closed', `This session was already closed as ${session.status}.`);
    }
    const check = checkSessionClose({ outcome: input.outcome, nextSteps: input.nextSteps });
    const reason = check.reasons[0];
    if (!check.ok && reason) throw new Problem(422, reason.code, reason.message, 'nextSteps');
    if (input.outcome !== 'cancelled' && session.startsAt > now) {
      throw new Problem(
        422,
        'not-started-yet',
        'This session has not started yet. Close it as held or as a no-show once its time has come; cancel it if it will not happen.',
        'outcome',
      );
    }
    const agenda = await agendaFor(tx, actor, session, rel, true);
    await tx
      .update(sessions)
      .set({
        status: input.outcome,
        statusReason: input.reason || null,
        insights: input.insights,
        closedAt: now,
        closedAgenda: agenda,
      })
      .where(eq(sessions.id, session.id));
    if (input.outcome !== 'held') return;
    const steps = input.nextSteps.filter((step) => step.text.trim() !== '');
    await tx.insert(actions).values(
      steps.map((step) => ({
        relationshipId: rel.id,
        sessionId: session.id,
        ownerId: (step.owner === 'guide' ? rel.guideId : rel.memberId) ?? actor.userId,
        kind: step.kind,
        title: step.text,
        dueDate: step.dueDate,
        createdAt: now,
        updatedAt: now,
      })),
    );
    if (rel.memberId) {
      await tx
        .update(journalEntries)
        .set({ pinnedForNextSession: false })
        .where(
          and(
            eq(journalEntries.userId, rel.memberId),
            eq(journalEntries.relationshipId, rel.id),
            eq(journalEntries.pinnedForNextSession, true),
          ),
        );
    }
  });
}

// The pulse belongs to a session that took place; each person answers once.
export async function recordPulse(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: { score: number; word: string },
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { session } = await loadSession(tx, actor, sessionId);
    if (session.status !== 'held') {
      throw new Problem(409, 'session-not-held', 'Rate a session once it has been held and closed.');
    }
    const inserted = await tx
      .insert(sessionPulses)
      .values({ sessionId, userId: actor.userId, score: input.score, word: input.word, createdAt: now })
      .onConflictDoNothing()
      .returning({ sessionId: sessionPulses.sessionId });
    if (inserted.length === 0) throw new Problem(409, 'already-answered', 'You already rated this session.');
  });
}
