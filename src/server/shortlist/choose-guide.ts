import { desc, eq } from 'drizzle-orm';
import { defaultAgreementTerms } from '../../domain/agreements/agreement-terms';
import { shortlistNudges } from '../../domain/fit/shortlist-nudges';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { guideChoices } from '../db/schema';
import { loadGuide } from '../guide-profiles/get-guide-profile';
import { notFound } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import { inviteToRelationship } from '../relationships/invite-to-relationship';
import { presentChoice } from './present';
import type { ChoiceView } from './schemas';
import { loadShortlistState } from './shortlist-state';

/**
 * The member chooses a guide. The choice keeps the agreement the relationship will start from: the
 * guide's own default commitments when they set some, otherwise the method's defaults for the kind.
 * Choosing after too few intros is allowed, with the method's warning attached.
 */
export async function chooseGuide(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  input: { guideId: string; kind?: 'mentoring' | 'coaching' },
  now: Date,
  baseUrl: string,
): Promise<ChoiceView> {
  if (input.guideId === actor.userId) throw notFound('guide');
  const guide = await loadGuide(db, input.guideId);
  if (guide.profile.status !== 'active') throw notFound('guide');
  const kind = input.kind ?? (guide.profile.kind === 'coach' ? 'coaching' : 'mentoring');
  const guideTerms = guide.profile.defaultCommitments;
  const choice = await db.transaction(async (tx) => {
    const state = await loadShortlistState(tx, actor.userId, now);
    const [row] = await tx
      .insert(guideChoices)
      .values({
        memberId: actor.userId,
        guideId: input.guideId,
        kind,
        agreementTerms: guideTerms ?? defaultAgreementTerms(kind),
        termsFrom: guideTerms ? 'guide-defaults' : 'method-defaults',
        introsHeld: state.nudgeState.introsHeld,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no choice');
    return row;
  });
  // Choosing starts the relationship: the guide is invited with the prefilled agreement proposed, and
  // accepts both (or declines) from the invitation.
  const { relationshipId } = await inviteToRelationship(
    db,
    mailer,
    actor,
    {
      inviteeEmail: guide.email,
      myRole: 'member',
      kind,
      framing: 'goal-oriented',
      goalIds: [],
      startDate: null,
      plannedEndDate: null,
      message: `After our intro conversation I would like to work with you. I have proposed the terms you usually offer.`,
      anyoneWithLink: false,
    },
    now,
    baseUrl,
    choice.agreementTerms,
  );
  await db.update(guideChoices).set({ relationshipId }).where(eq(guideChoices.id, choice.id));
  choice.relationshipId = relationshipId;
  const state = await loadShortlistState(db, actor.userId, now);
  return presentChoice(db, choice, guide.name, shortlistNudges(state.nudgeState));
}

export async function getLatestChoice(db: Db, actor: Actor, now: Date): Promise<ChoiceView> {
  const [choice] = await db
    .select()
    .from(guideChoices)
    .where(eq(guideChoices.memberId, actor.userId))
    .orderBy(desc(guideChoices.createdAt))
    .limit(1);
  if (!choice) throw notFound('choice');
  const state = await loadShortlistState(db, actor.userId, now);
  return presentChoice(db, choice, undefined, shortlistNudges(state.nudgeState));
}
