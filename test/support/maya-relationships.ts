import { eq } from 'drizzle-orm';
import type { Actor } from '../../src/server/auth/actor';
import type { Auth } from '../../src/server/auth/auth';
import type { Db } from '../../src/server/db/client';
import { user } from '../../src/server/db/schema';
import { createEntry } from '../../src/server/journal/journal-operations';
import { inviteToRelationship } from '../../src/server/relationships/invite-to-relationship';
import { acceptInvitation } from '../../src/server/relationships/respond-to-invitation';
import { closeSession } from '../../src/server/sessions/close-session';
import { scheduleSession } from '../../src/server/sessions/schedule-session';
import { savePrivateNote, saveSharedNotes } from '../../src/server/sessions/session-notes';
import { mentoredBySam } from './maya-mentoring';
import { at, journalEntry, quietMailer, secrets } from './maya-relationship-kit';

export { othersSecrets } from './maya-relationship-kit';

const DAY_MS = 86_400_000;

async function actorFor(db: Db, email: string): Promise<Actor> {
  const [row] = await db.select().from(user).where(eq(user.email, email));
  if (!row) throw new Error(`${email} is not loaded`);
  return { userId: row.id, email: row.email, name: row.name, timeZone: row.timeZone };
}

/**
 * Demo Maya's relationships: a closed mentoring in which Sam Rivera guides her (maya-mentoring.ts)
 * and an active peer exchange in which she guides demo Priya.
 */
export async function loadMayaRelationships(db: Db, auth: Auth, maya: Actor): Promise<void> {
  await mentoredBySam(db, auth, maya);
  await guidePriya(db, maya);
}

// Maya guides demo Priya in a peer exchange that is still going: one session held with notes.
async function guidePriya(db: Db, maya: Actor): Promise<void> {
  const priya = await actorFor(db, 'priya@demo.corner');
  const { relationshipId, token } = await inviteToRelationship(
    db,
    quietMailer,
    priya,
    {
      inviteeEmail: maya.email,
      myRole: 'member',
      kind: 'peer',
      framing: 'ad-hoc',
      goalIds: [],
      startDate: null,
      plannedEndDate: null,
      message: '',
      anyoneWithLink: false,
    },
    at('2026-11-01T10:00:00Z'),
    'http://localhost:3000',
  );
  await acceptInvitation(db, quietMailer, maya, { token }, at('2026-11-01T12:00:00Z'));
  const { sessionId } = await scheduleSession(
    db,
    priya,
    relationshipId,
    {
      localStart: '2026-11-09T10:00',
      timeZone: 'America/New_York',
      // A fixed room, so the growth-record samples stay the same from run to run.
      meetingLink: 'https://meet.jit.si/Corner-maya-priya-sample',
      place: null,
      allowShortNotice: true,
      agendaTopic: 'Saying no to a roadmap request',
    },
    at(new Date(Date.parse('2026-11-09T15:00:00Z') - 5 * DAY_MS).toISOString()),
  );
  await saveSharedNotes(db, maya, sessionId, { body: 'Name the trade-off before the no.', version: 0 });
  await savePrivateNote(
    db,
    maya,
    sessionId,
    'Priya already knows the answer; let her say it.',
    at('2026-11-09T16:00:00Z'),
  );
  await savePrivateNote(db, priya, sessionId, secrets.priyaNote, at('2026-11-09T16:05:00Z'));
  await createEntry(db, priya, journalEntry({ body: secrets.priyaJournal }), at('2026-11-09T20:00:00Z'));
  await createEntry(
    db,
    priya,
    journalEntry({ relationshipId, body: secrets.priyaShared, sharedWithGuide: true }),
    at('2026-11-09T20:30:00Z'),
  );
  await closeSession(
    db,
    maya,
    sessionId,
    {
      outcome: 'held',
      insights: '',
      reason: '',
      nextSteps: [
        {
          kind: 'reflective',
          text: 'Write down the trade-off before the next roadmap meeting',
          owner: 'member',
          dueDate: null,
        },
      ],
    },
    at('2026-11-09T16:30:00Z'),
  );
}
