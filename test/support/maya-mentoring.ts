import { and, eq } from 'drizzle-orm';
import { defaultAgreementTerms } from '../../src/domain/agreements/agreement-terms';
import { updateAction } from '../../src/server/actions/action-operations';
import type { Actor } from '../../src/server/auth/actor';
import type { Auth } from '../../src/server/auth/auth';
import type { Db } from '../../src/server/db/client';
import { actions, goals } from '../../src/server/db/schema';
import { answerFollowUp, createEntry } from '../../src/server/journal/journal-operations';
import { postMessage } from '../../src/server/messages/messages';
import { acceptAgreement, proposeAgreement } from '../../src/server/relationships/agreement-operations';
import { addReflection, closeRelationship } from '../../src/server/relationships/closing-operations';
import { inviteToRelationship } from '../../src/server/relationships/invite-to-relationship';
import { acceptInvitation } from '../../src/server/relationships/respond-to-invitation';
import { closeSession, recordPulse } from '../../src/server/sessions/close-session';
import { scheduleSession } from '../../src/server/sessions/schedule-session';
import { savePreparation, savePrivateNote, saveSharedNotes } from '../../src/server/sessions/session-notes';
import { at, journalEntry, quietMailer, secrets } from './maya-relationship-kit';

/**
 * Demo Maya's closed mentoring with Sam Rivera, through the same operations the API uses: four
 * sessions (one cancelled) with notes from both sides, actions done, renegotiated and open, messages,
 * reflections and the close. Her journal gets a private entry, a shared pinned prompt tied to the
 * mentoring, and two decisions (one answered at 30 days). October to mid-November 2026.
 */
export async function mentoredBySam(db: Db, auth: Auth, maya: Actor): Promise<void> {
  const signUp = await auth.api.signUpEmail({
    body: {
      name: 'Sam Rivera',
      email: 'sam@demo.corner',
      password: 'corner-demo-2026',
      timeZone: 'Europe/London',
    },
  });
  const sam: Actor = {
    userId: signUp.user.id,
    email: 'sam@demo.corner',
    name: 'Sam Rivera',
    timeZone: 'Europe/London',
  };
  const [iqGoal] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.userId, maya.userId), eq(goals.category, 'iq')));
  if (!iqGoal) throw new Error('demo Maya has an IQ goal');

  const { relationshipId, token } = await inviteToRelationship(
    db,
    quietMailer,
    maya,
    {
      inviteeEmail: sam.email,
      myRole: 'member',
      kind: 'mentoring',
      framing: 'goal-oriented',
      goalIds: [iqGoal.id],
      startDate: null,
      plannedEndDate: null,
      message: 'Would you mentor me through my first pricing season?',
      anyoneWithLink: false,
    },
    at('2026-10-05T14:00:00Z'),
    'http://localhost:3000',
  );
  await acceptInvitation(db, quietMailer, sam, { token }, at('2026-10-05T15:00:00Z'));
  const terms = {
    ...defaultAgreementTerms('mentoring'),
    cadence: 'biweekly' as const,
    intendedOutcomes: 'Maya leads a pricing review on her own by the end of the year.',
  };
  await proposeAgreement(db, maya, relationshipId, terms, at('2026-10-05T16:00:00Z'));
  await acceptAgreement(db, sam, relationshipId, 1, at('2026-10-05T18:00:00Z'));
  await postMessage(
    db,
    maya,
    relationshipId,
    'Thank you for saying yes! Thursday works for me.',
    at('2026-10-06T13:00:00Z'),
  );
  await postMessage(
    db,
    sam,
    relationshipId,
    'Looking forward to it. Bring the last review deck.',
    at('2026-10-06T15:30:00Z'),
  );

  const book = async (
    localStart: string,
    bookedAt: string,
    input: { template?: 'last'; agendaTopic: string },
  ) =>
    (
      await scheduleSession(
        db,
        maya,
        relationshipId,
        {
          localStart,
          timeZone: 'America/New_York',
          meetingLink: 'https://meet.example.com/maya-sam',
          place: null,
          allowShortNotice: true,
          ...input,
        },
        at(bookedAt),
      )
    ).sessionId;

  // Session 1: held, notes from both, two next steps, both rate it.
  const first = await book('2026-10-08T12:00', '2026-10-05T19:00:00Z', {
    agendaTopic: 'How pricing reviews work here',
  });
  await savePreparation(db, maya, first, {
    preNote: 'I read the last review deck. I do not follow why the Team plan is priced per seat.',
  });
  await saveSharedNotes(db, sam, first, {
    body: 'Pricing reviews decide on evidence, not opinions.\nBring one number and one question.',
    version: 0,
  });
  await saveSharedNotes(db, maya, first, {
    body: 'Pricing reviews decide on evidence, not opinions.\nBring one number and one question.\nPer-seat pricing follows how teams buy.',
    version: 1,
  });
  await savePrivateNote(
    db,
    maya,
    first,
    'I felt out of my depth at first, less so by the end.',
    at('2026-10-08T17:10:00Z'),
  );
  await savePrivateNote(db, sam, first, secrets.samNote1, at('2026-10-08T17:20:00Z'));
  await closeSession(
    db,
    maya,
    first,
    {
      outcome: 'held',
      insights: 'I do not need every answer; I need the right question.',
      reason: '',
      nextSteps: [
        {
          kind: 'practical',
          text: 'Read the last two pricing reviews and list my questions',
          owner: 'member',
          dueDate: '2026-10-15',
        },
        {
          kind: 'practical',
          text: 'Send Maya the pricing FAQ from last year',
          owner: 'guide',
          dueDate: '2026-10-12',
        },
      ],
    },
    at('2026-10-08T17:30:00Z'),
  );
  await recordPulse(db, maya, first, { score: 4, word: 'clear' }, at('2026-10-08T18:00:00Z'));
  await recordPulse(db, sam, first, { score: 5, word: 'energised' }, at('2026-10-08T19:00:00Z'));

  // Journal: a private free entry and a decision standing on their own (they come back live on
  // import), a shared prompt pinned for the next session and a private decision tied to the mentoring.
  await createEntry(
    db,
    maya,
    journalEntry({ body: 'Nervous about Tuesday. Wrote down the one number I will bring.' }),
    at('2026-10-09T22:00:00Z'),
  );
  const decision = await createEntry(
    db,
    maya,
    journalEntry({
      decision: {
        decision: 'Run the trial-length experiment before the seat-price one',
        options: 'Seat price first; trial length first; both at once',
        expectation: 'A cleaner read within four weeks, and less risk to revenue',
      },
    }),
    at('2026-10-09T22:30:00Z'),
  );
  await answerFollowUp(
    db,
    maya,
    decision.id,
    { afterDays: 30, answer: 'Trial length moved conversion +2%; the seat-price test is next.' },
    at('2026-11-10T20:00:00Z'),
  );
  const actionRows = await db.select().from(actions).where(eq(actions.relationshipId, relationshipId));
  const byTitle = (prefix: string) => {
    const found = actionRows.find((row) => row.title.startsWith(prefix));
    if (!found) throw new Error(`no action ${prefix}`);
    return found.id;
  };
  await updateAction(
    db,
    sam,
    byTitle('Send Maya'),
    { status: 'done', outcome: 'Sent with my notes in the margin.' },
    at('2026-10-11T09:00:00Z'),
  );
  await updateAction(
    db,
    maya,
    byTitle('Read the last'),
    { status: 'done', outcome: 'Seven questions; three answered by the FAQ.' },
    at('2026-10-14T21:00:00Z'),
  );
  await createEntry(
    db,
    maya,
    journalEntry({
      relationshipId,
      promptId: 'what-matters',
      body: 'That the team trusts the numbers I bring. Being right matters less than that.',
      sharedWithGuide: true,
      pinnedForNextSession: true,
    }),
    at('2026-10-20T21:00:00Z'),
  );

  // Session 2: held; Sam rates it but Maya does not, so his rating stays blind to her.
  const second = await book('2026-10-22T12:00', '2026-10-09T12:00:00Z', {
    agendaTopic: 'Designing experiment one',
  });
  await saveSharedNotes(db, maya, second, {
    body: 'Hypothesis: a 21-day trial converts better than 14 days.',
    version: 0,
  });
  await savePrivateNote(
    db,
    maya,
    second,
    'Ask for help earlier; I sat on the analyst question for a week.',
    at('2026-10-22T17:05:00Z'),
  );
  await savePrivateNote(db, sam, second, secrets.samNote2, at('2026-10-22T17:15:00Z'));
  await closeSession(
    db,
    sam,
    second,
    {
      outcome: 'held',
      insights: 'Write the hypothesis before the design.',
      reason: '',
      nextSteps: [
        {
          kind: 'practical',
          text: 'Design experiment one with the analyst',
          owner: 'member',
          dueDate: '2026-10-29',
        },
      ],
    },
    at('2026-10-22T17:30:00Z'),
  );
  await recordPulse(db, sam, second, { score: 3, word: secrets.samPulse }, at('2026-10-22T18:00:00Z'));
  const designed = (await db.select().from(actions).where(eq(actions.relationshipId, relationshipId))).find(
    (row) => row.title.startsWith('Design experiment one'),
  );
  if (!designed) throw new Error('no design action');
  await updateAction(
    db,
    maya,
    designed.id,
    {
      status: 'renegotiated',
      smallerTitle: 'Write the hypothesis for experiment one',
      dueDate: '2026-10-27',
    },
    at('2026-10-25T20:00:00Z'),
  );
  await createEntry(
    db,
    maya,
    journalEntry({
      relationshipId,
      decision: {
        decision: 'Ask Lee to co-present the pricing results',
        options: 'Present alone; co-present with Lee; send a written summary',
        expectation: 'Lee challenges less when the findings are partly his',
      },
    }),
    at('2026-10-23T21:00:00Z'),
  );
  await addReflection(
    db,
    sam,
    relationshipId,
    { kind: 'midpoint', answers: { whatWorks: secrets.samMidpoint, whatToChange: '', onTrack: 'yes' } },
    at('2026-10-24T10:00:00Z'),
  );
  await createEntry(db, sam, journalEntry({ body: secrets.samJournal }), at('2026-10-24T11:00:00Z'));
  await createEntry(
    db,
    sam,
    journalEntry({ relationshipId, body: secrets.samShared, sharedWithGuide: true }),
    at('2026-10-24T11:30:00Z'),
  );

  // Session 3 was cancelled; session 4 closes the relationship.
  const third = await book('2026-11-05T12:00', '2026-10-23T12:00:00Z', {
    agendaTopic: 'Reading the first results',
  });
  await closeSession(
    db,
    sam,
    third,
    { outcome: 'cancelled', reason: 'Sam was ill.', insights: '', nextSteps: [] },
    at('2026-11-04T08:00:00Z'),
  );
  const last = await book('2026-11-12T12:00', '2026-11-04T09:00:00Z', {
    template: 'last',
    agendaTopic: 'Looking back and ahead',
  });
  await saveSharedNotes(db, sam, last, {
    body: 'Maya presented experiment one alone and took two hard questions calmly.',
    version: 0,
  });
  await closeSession(
    db,
    maya,
    last,
    {
      outcome: 'held',
      insights: 'Evidence first, then opinions: mine too.',
      reason: '',
      nextSteps: [
        {
          kind: 'practical',
          text: 'Lead the December pricing review on my own',
          owner: 'member',
          dueDate: '2026-12-10',
        },
      ],
    },
    at('2026-11-12T17:30:00Z'),
  );
  await recordPulse(db, maya, last, { score: 5, word: 'proud' }, at('2026-11-12T18:00:00Z'));
  await recordPulse(db, sam, last, { score: 5, word: 'grateful' }, at('2026-11-12T19:00:00Z'));
  const retrospective = (takeaways: string, goalAchieved: 'yes' | 'partly') => ({
    kind: 'retrospective' as const,
    answers: { takeaways, whatWorked: 'Biweekly rhythm', whatToChange: '', goalAchieved, whatsNext: '' },
  });
  await addReflection(
    db,
    maya,
    relationshipId,
    retrospective('Bring one number and one question.', 'partly'),
    at('2026-11-13T20:00:00Z'),
  );
  await addReflection(
    db,
    sam,
    relationshipId,
    retrospective('Maya learns fastest by presenting.', 'yes'),
    at('2026-11-13T21:00:00Z'),
  );
  await addReflection(
    db,
    maya,
    relationshipId,
    { kind: 'member-view', answers: { satisfied: 5, valuable: 5, goalMet: 'partly', note: '' } },
    at('2026-11-13T20:10:00Z'),
  );
  await addReflection(
    db,
    sam,
    relationshipId,
    {
      kind: 'guide-self',
      answers: {
        responsive: 4,
        listened: 4,
        committed: 5,
        guidedRatherThanControlled: 3,
        empathy: 4,
        note: secrets.samSelf,
      },
    },
    at('2026-11-13T21:10:00Z'),
  );
  await closeRelationship(db, maya, relationshipId, at('2026-11-14T10:00:00Z'));
}
