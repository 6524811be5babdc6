import { and, desc, eq, isNull, or } from 'drizzle-orm';
import { dueDecisionFollowUps } from '../../domain/journal/decision-follow-ups';
import { selfCoachingPrompts } from '../../domain/journal/prompts';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { journalEntries } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import { relationshipPolicy } from '../policies/relationships';
import { loadRelationship } from '../relationships/load-relationship';
import type { CreateEntryInput, JournalEntryView } from './schemas';

type EntryRow = typeof journalEntries.$inferSelect;

function present(entry: EntryRow, actor: Actor, now: Date): JournalEntryView {
  const mine = entry.userId === actor.userId;
  return {
    id: entry.id,
    relationshipId: entry.relationshipId,
    kind: entry.kind,
    promptId: entry.promptId,
    promptText: selfCoachingPrompts.find((p) => p.id === entry.promptId)?.text ?? null,
    body: entry.body,
    mine,
    sharedWithGuide: entry.sharedWithGuide,
    pinnedForNextSession: entry.pinnedForNextSession,
    decision: entry.decision ?? null,
    followUpAnswers: entry.followUpAnswers,
    // Only the author is asked what happened; the guide reads the answers if the entry is shared.
    dueFollowUps:
      mine && entry.decision
        ? dueDecisionFollowUps({
            createdAt: entry.createdAt.toISOString(),
            answered: entry.followUpAnswers.map((a) => a.afterDays),
            now: now.toISOString(),
          })
        : [],
    createdAt: entry.createdAt.toISOString(),
  };
}

export async function listMyEntries(db: Db, actor: Actor, now: Date, relationshipId?: string) {
  const rows = await db
    .select()
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.userId, actor.userId),
        relationshipId ? eq(journalEntries.relationshipId, relationshipId) : undefined,
      ),
    )
    .orderBy(desc(journalEntries.createdAt));
  return rows.map((row) => present(row, actor, now));
}

// What the actor may read of the journal within one relationship: their own entries, and for the
// guide only the member's entries shared with them.
export async function listRelationshipEntries(db: Db, actor: Actor, relationshipId: string, now: Date) {
  const { rel } = await loadRelationship(db, actor, relationshipId);
  if (!rel.memberId) return [];
  const rows = await db
    .select()
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.userId, rel.memberId),
        or(eq(journalEntries.relationshipId, rel.id), isNull(journalEntries.relationshipId)),
      ),
    )
    .orderBy(desc(journalEntries.createdAt));
  return rows
    .filter((row) => relationshipPolicy.canReadJournalEntry(actor, row, rel))
    .map((row) => present(row, actor, now));
}

// A self-coaching entry has no guide to share with and no next session to bring it to.
function refuseGuideFlagsWithoutRelationship(input: {
  sharedWithGuide?: boolean;
  pinnedForNextSession?: boolean;
}) {
  if (input.sharedWithGuide) {
    throw new Problem(
      422,
      'no-relationship',
      'sharedWithGuide: a self-coaching entry has no guide to share it with.',
      'sharedWithGuide',
    );
  }
  if (input.pinnedForNextSession) {
    throw new Problem(
      422,
      'no-relationship',
      'pinnedForNextSession: a self-coaching entry has no session to bring it to.',
      'pinnedForNextSession',
    );
  }
}

export async function createEntry(db: Db, actor: Actor, input: CreateEntryInput, now: Date) {
  if (!input.relationshipId) refuseGuideFlagsWithoutRelationship(input);
  return db.transaction(async (tx) => {
    if (input.relationshipId) {
      const { role } = await loadRelationship(tx, actor, input.relationshipId);
      if (role === null) throw notFound('relationship');
    }
    const [row] = await tx
      .insert(journalEntries)
      .values({
        userId: actor.userId,
        relationshipId: input.relationshipId,
        kind: input.decision ? 'decision' : input.promptId ? 'prompt' : 'free',
        promptId: input.promptId,
        body: input.body ?? '',
        sharedWithGuide: input.sharedWithGuide,
        pinnedForNextSession: input.pinnedForNextSession,
        decision: input.decision,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no entry');
    return present(row, actor, now);
  });
}

async function loadOwnEntry(db: Db | Tx, actor: Actor, entryId: string) {
  const [entry] = await db.select().from(journalEntries).where(eq(journalEntries.id, entryId));
  if (!entry || entry.userId !== actor.userId) throw notFound('journal entry');
  return entry;
}

export async function updateEntry(
  db: Db,
  actor: Actor,
  entryId: string,
  input: { sharedWithGuide?: boolean; pinnedForNextSession?: boolean },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const entry = await loadOwnEntry(tx, actor, entryId);
    if (!entry.relationshipId) refuseGuideFlagsWithoutRelationship(input);
    const [row] = await tx
      .update(journalEntries)
      .set(input)
      .where(eq(journalEntries.id, entryId))
      .returning();
    if (!row) throw notFound('journal entry');
    return present(row, actor, now);
  });
}

export async function answerFollowUp(
  db: Db,
  actor: Actor,
  entryId: string,
  input: { afterDays: number; answer: string },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const entry = await loadOwnEntry(tx, actor, entryId);
    if (!entry.decision) {
      throw new Problem(422, 'not-a-decision', 'Only decision entries have follow-up questions.', 'entryId');
    }
    const due = dueDecisionFollowUps({
      createdAt: entry.createdAt.toISOString(),
      answered: entry.followUpAnswers.map((a) => a.afterDays),
      now: now.toISOString(),
    });
    if (!due.some((followUp) => followUp.afterDays === input.afterDays)) {
      throw new Problem(
        409,
        'follow-up-not-due',
        `The ${input.afterDays}-day question is not open for this decision right now.`,
        'afterDays',
      );
    }
    const answers = [
      ...entry.followUpAnswers,
      { afterDays: input.afterDays, answer: input.answer, answeredAt: now.toISOString() },
    ];
    const [row] = await tx
      .update(journalEntries)
      .set({ followUpAnswers: answers })
      .where(eq(journalEntries.id, entryId))
      .returning();
    if (!row) throw notFound('journal entry');
    return present(row, actor, now);
  });
}
