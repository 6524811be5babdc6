import { and, asc, eq } from 'drizzle-orm';
import { buildAgenda, sessionTemplates } from '../../domain/sessions/session-templates';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { actions, journalEntries, sessionPrivateNotes, sessionPulses, sessions } from '../db/schema';
import { relationshipPolicy } from '../policies/relationships';
import { loadPeople, loadRelationship, type RelationshipRow } from '../relationships/load-relationship';
import { loadCalendarChanges } from './calendar-changes';
import { loadSession, type SessionRow } from './load-session';
import { openQuestionsFor } from './open-questions';
import { presentAction, presentSessionSummary } from './present';
import type { SessionDetail, SessionSummary } from './schemas';

// Carry-over: open actions, questions left unanswered in the message thread and journal notes pinned
// for the next session head the agenda of a session still to come. Each reader sees only the pinned
// notes they may read (the guide: shared ones).
// The agenda frozen at closing is read by both people, so it keeps only the notes shared with the guide.
export async function agendaFor(
  db: Db | Tx,
  actor: Actor,
  session: SessionRow,
  rel: RelationshipRow,
  forBothSides = false,
) {
  if (session.closedAgenda) return session.closedAgenda;
  const openActions = await db
    .select()
    .from(actions)
    .where(and(eq(actions.relationshipId, rel.id), eq(actions.status, 'open')))
    .orderBy(asc(actions.createdAt));
  const pinned = rel.memberId
    ? await db
        .select()
        .from(journalEntries)
        .where(
          and(
            eq(journalEntries.userId, rel.memberId),
            eq(journalEntries.relationshipId, rel.id),
            eq(journalEntries.pinnedForNextSession, true),
          ),
        )
        .orderBy(asc(journalEntries.createdAt))
    : [];
  return buildAgenda({
    template: session.template,
    carryOver: {
      openActions: openActions
        .filter((action) => action.createdAt < session.startsAt)
        .map((action) => ({ id: action.id, title: action.title })),
      pinnedJournalNotes: pinned
        .filter((entry) =>
          forBothSides ? entry.sharedWithGuide : relationshipPolicy.canReadJournalEntry(actor, entry, rel),
        )
        .map((entry) => ({ id: entry.id, text: entry.body })),
      unansweredQuestions: await openQuestionsFor(db, rel, session),
    },
  });
}

export async function getSession(db: Db | Tx, actor: Actor, sessionId: string): Promise<SessionDetail> {
  const { session, rel, role } = await loadSession(db, actor, sessionId);
  const people = await loadPeople(db, [rel.memberId, rel.guideId]);
  const [privateNote] = await db
    .select()
    .from(sessionPrivateNotes)
    .where(and(eq(sessionPrivateNotes.sessionId, session.id), eq(sessionPrivateNotes.userId, actor.userId)));
  const pulses = await db.select().from(sessionPulses).where(eq(sessionPulses.sessionId, session.id));
  const mine = pulses.find((p) => p.userId === actor.userId);
  const theirs = pulses.find((p) => p.userId !== actor.userId);
  const nextSteps = await db
    .select()
    .from(actions)
    .where(eq(actions.sessionId, session.id))
    .orderBy(asc(actions.createdAt));
  const template = sessionTemplates[session.template];
  const updatedBy = session.sharedNotesUpdatedBy
    ? (people.get(session.sharedNotesUpdatedBy)?.name ?? null)
    : null;
  const changes = await loadCalendarChanges(db, [session.id], people.get(actor.userId)?.timeZone ?? 'UTC');
  return {
    ...presentSessionSummary(session, rel, people, changes.get(session.id)),
    myRole: role,
    templateTitle: template.title,
    templateSummary: template.summary,
    meetingLink: session.meetingLink,
    place: session.place,
    preNote: session.preNote,
    agenda: await agendaFor(db, actor, session, rel),
    sharedNotes: { body: session.sharedNotes, version: session.sharedNotesVersion, updatedBy },
    myPrivateNote: privateNote?.body ?? '',
    // Blind: the other side's pulse shows only once both have answered.
    pulse: {
      mine: mine ? { score: mine.score, word: mine.word } : null,
      theirs: mine && theirs ? { score: theirs.score, word: theirs.word } : null,
      theyAnswered: theirs !== undefined,
    },
    nextSteps: nextSteps.map((action) => presentAction(action, rel, people)),
    insights: session.insights,
    statusReason: session.statusReason,
    relationshipStatus: rel.status,
  };
}

export async function listSessions(db: Db, actor: Actor, relationshipId: string): Promise<SessionSummary[]> {
  const { rel, role } = await loadRelationship(db, actor, relationshipId);
  const people = await loadPeople(db, [rel.memberId, rel.guideId]);
  const rows = await db
    .select()
    .from(sessions)
    .where(eq(sessions.relationshipId, rel.id))
    .orderBy(asc(sessions.startsAt));
  // Whose calendar moved what is the pair's business: anyone else reading the list sees no mark.
  const changes =
    role === null
      ? new Map()
      : await loadCalendarChanges(
          db,
          rows.filter((row) => row.status === 'scheduled').map((row) => row.id),
          people.get(actor.userId)?.timeZone ?? 'UTC',
        );
  return rows.map((row) => presentSessionSummary(row, rel, people, changes.get(row.id)));
}
