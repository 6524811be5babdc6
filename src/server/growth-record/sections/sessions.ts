import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { PULSE_MAX, PULSE_MIN } from '../../../domain/settings/momentum';
import { PULSE_WORD_MAX_LENGTH } from '../../../domain/settings/relationships';
import type { Db } from '../../db/client';
import { sessionPrivateNotes, sessionPulses, sessions } from '../../db/schema';
import { webUrl } from '../../http/web-url';
import { instant, longText, ref, role } from './fields';
import { type Entry, inOrder, liveEntry, loadHistory, saveHistory, withNewIds } from './history';
import { myRelationships, sideOf } from './my-relationships';
import { defineSection, iso } from './section';

const pulseSchema = z.object({
  score: z.number().int().min(PULSE_MIN).max(PULSE_MAX),
  word: z.string().max(PULSE_WORD_MAX_LENGTH),
  createdAt: instant,
});

// A session as this person could read it: everything both sides share, plus their own private note.
// The other side's private note is never read; their pulse only once this person gave theirs (blind).
const dataSchema = z.object({
  relationship: ref,
  startsAt: instant,
  endsAt: instant,
  bookedTimeZone: z.string().min(1).max(100),
  template: z.enum(['first', 'regular', 'last']),
  status: z.enum(['scheduled', 'held', 'cancelled', 'no-show']),
  statusReason: longText.nullable(),
  meetingLink: webUrl().nullable(),
  place: z.string().max(200).nullable(),
  agendaTopic: longText,
  preNote: longText,
  // The agenda as it stood when the session was closed (carried-over items by their text).
  agenda: z
    .array(
      z.object({
        source: z.enum(['open-action', 'unanswered-question', 'journal-note', 'template']),
        title: longText,
        prompts: z.array(longText),
      }),
    )
    .nullable(),
  insights: longText,
  sharedNotes: longText,
  sharedNotesBy: role.nullable(),
  myPrivateNote: z.object({ body: longText, updatedAt: instant }).nullable(),
  pulse: z.object({ mine: pulseSchema.nullable(), theirs: pulseSchema.nullable() }),
  createdBy: role,
  createdAt: instant,
  closedAt: instant.nullable(),
});
type SessionData = z.infer<typeof dataSchema>;

export const sessionItemSchema = z.object({ ref, ...dataSchema.shape });
export type SessionItem = z.infer<typeof sessionItemSchema>;

async function liveSessions(db: Db, userId: string): Promise<Entry<SessionData>[]> {
  const rels = new Map((await myRelationships(db, userId)).map((rel) => [rel.id, rel]));
  if (rels.size === 0) return [];
  const rows = await db
    .select()
    .from(sessions)
    .where(inArray(sessions.relationshipId, [...rels.keys()]));
  if (rows.length === 0) return [];
  const sessionIds = rows.map((row) => row.id);
  const notes = await db
    .select()
    .from(sessionPrivateNotes)
    .where(and(inArray(sessionPrivateNotes.sessionId, sessionIds), eq(sessionPrivateNotes.userId, userId)));
  const pulses = await db.select().from(sessionPulses).where(inArray(sessionPulses.sessionId, sessionIds));
  return rows.flatMap((session) => {
    const rel = rels.get(session.relationshipId);
    if (!rel) return [];
    const note = notes.find((row) => row.sessionId === session.id);
    const asPulse = (row: (typeof pulses)[number] | undefined) =>
      row ? { score: row.score, word: row.word, createdAt: row.createdAt.toISOString() } : null;
    const mine = pulses.find((row) => row.sessionId === session.id && row.userId === userId);
    const theirs = pulses.find((row) => row.sessionId === session.id && row.userId !== userId);
    return [
      liveEntry(session.id, {
        relationship: rel.id,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        bookedTimeZone: session.bookedTimeZone,
        template: session.template,
        status: session.status,
        statusReason: session.statusReason,
        meetingLink: session.meetingLink,
        place: session.place,
        agendaTopic: session.agendaTopic,
        preNote: session.preNote,
        agenda:
          session.closedAgenda?.map((item) => ({
            source: item.source,
            title: item.title,
            prompts: item.prompts,
          })) ?? null,
        insights: session.insights,
        sharedNotes: session.sharedNotes,
        sharedNotesBy: sideOf(rel, session.sharedNotesUpdatedBy),
        myPrivateNote: note ? { body: note.body, updatedAt: note.updatedAt.toISOString() } : null,
        pulse: { mine: asPulse(mine), theirs: mine ? asPulse(theirs) : null },
        createdBy: sideOf(rel, session.createdBy) ?? 'member',
        createdAt: session.createdAt.toISOString(),
        closedAt: iso(session.closedAt),
      }),
    ];
  });
}

export const sessionsSection = defineSection({
  key: 'sessions',
  title: 'Sessions',
  schema: z.array(sessionItemSchema),
  async exportItems({ db, userId, refs, scope }) {
    const live = scope === 'everything' ? await liveSessions(db, userId) : [];
    const imported = await loadHistory(db, userId, 'sessions', dataSchema);
    const ordered = inOrder(
      [...live, ...imported].filter((entry) => refs.knownRef('relationship', entry.data.relationship)),
      (s) => [
        s.startsAt,
        refs.knownRef('relationship', s.relationship) ?? '',
        s.createdAt,
        s.template,
        s.status,
        s.agendaTopic,
        s.sharedNotes,
      ],
    );
    for (const { id } of ordered) refs.refFor('session', id);
    return ordered.map(({ id, data }) => ({
      ...data,
      ref: refs.refFor('session', id),
      relationship: refs.refOf('relationship', data.relationship),
    }));
  },
  async importItems({ tx, userId, refs, now }, items) {
    const rows = withNewIds(refs, items, 'session').map(({ id, item: { ref: _, ...data }, index }) => {
      const payload: SessionData = {
        ...data,
        relationship: refs.idFor(data.relationship, `sessions.${index}.relationship`, 'relationship'),
      };
      return { id, position: index, payload };
    });
    await saveHistory(tx, userId, 'sessions', rows, now);
    return items.length;
  },
});
