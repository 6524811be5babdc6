import { and, desc, eq, inArray } from 'drizzle-orm';
import { compareScorecards, scoreScorecard } from '../../domain/fit/score-scorecard';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { guideProfiles, introRequests, scorecards, shortlistEntries, user } from '../db/schema';
import { loadGuide } from '../guide-profiles/get-guide-profile';
import { notFound } from '../http/problem';
import type { ScorecardInput, ScorecardView } from './schemas';

type CardRow = typeof scorecards.$inferSelect;
type GuideBits = { userId: string; name: string; headline: string };

function presentScorecard(card: CardRow, guide: GuideBits): ScorecardView {
  return {
    id: card.id,
    guide,
    introRequestId: card.introRequestId,
    answers: {
      fit: { ...card.answers.fit },
      redFlags: card.answers.redFlags,
      guideAnswers: { ...(card.answers.guideAnswers ?? {}) },
    },
    result: scoreScorecard(card.answers),
    updatedAt: card.updatedAt.toISOString(),
  };
}

async function guideBits(db: Db | Tx, guideIds: string[]): Promise<Map<string, GuideBits>> {
  if (guideIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: guideProfiles.userId, headline: guideProfiles.headline, name: user.name })
    .from(guideProfiles)
    .innerJoin(user, eq(user.id, guideProfiles.userId))
    .where(inArray(guideProfiles.userId, guideIds));
  return new Map(rows.map((row) => [row.userId, row]));
}

// Scorecards are the member's private judgement (PRODUCT.md §3): only the member who wrote one can
// read it, so every lookup is scoped by member id and anything else answers as missing.
export async function getScorecard(db: Db | Tx, actor: Actor, scorecardId: string): Promise<ScorecardView> {
  const [card] = await db
    .select()
    .from(scorecards)
    .where(and(eq(scorecards.id, scorecardId), eq(scorecards.memberId, actor.userId)));
  if (!card) throw notFound('scorecard');
  const guide = (await guideBits(db, [card.guideId])).get(card.guideId);
  return presentScorecard(card, guide ?? { userId: card.guideId, name: 'Guide', headline: '' });
}

export async function saveScorecard(
  db: Db,
  actor: Actor,
  input: ScorecardInput,
  now: Date,
): Promise<ScorecardView> {
  if (input.guideId === actor.userId) throw notFound('guide');
  await loadGuide(db, input.guideId);
  if (input.introRequestId) {
    const [intro] = await db
      .select({ id: introRequests.id })
      .from(introRequests)
      .where(
        and(
          eq(introRequests.id, input.introRequestId),
          eq(introRequests.memberId, actor.userId),
          eq(introRequests.guideId, input.guideId),
        ),
      );
    if (!intro) throw notFound('intro request');
  }
  const answers = { fit: input.fit, redFlags: input.redFlags, guideAnswers: input.guideAnswers };
  const [card] = await db
    .insert(scorecards)
    .values({
      memberId: actor.userId,
      guideId: input.guideId,
      introRequestId: input.introRequestId,
      answers,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [scorecards.memberId, scorecards.guideId],
      set: { answers, introRequestId: input.introRequestId, updatedAt: now },
    })
    .returning({ id: scorecards.id });
  if (!card) throw new Error('upsert returned no scorecard');
  return getScorecard(db, actor, card.id);
}

export async function listMyScorecards(db: Db, actor: Actor): Promise<ScorecardView[]> {
  const cards = await db
    .select()
    .from(scorecards)
    .where(eq(scorecards.memberId, actor.userId))
    .orderBy(desc(scorecards.updatedAt));
  const guides = await guideBits(
    db,
    cards.map((card) => card.guideId),
  );
  return cards.map((card) =>
    presentScorecard(card, guides.get(card.guideId) ?? { userId: card.guideId, name: 'Guide', headline: '' }),
  );
}

/** The shortlist's scorecards side by side, best fit first (compareScorecards). */
export async function compareShortlistScorecards(db: Db, actor: Actor): Promise<ScorecardView[]> {
  const shortlisted = await db
    .select({ guideId: shortlistEntries.guideId })
    .from(shortlistEntries)
    .where(eq(shortlistEntries.memberId, actor.userId));
  const onList = new Set(shortlisted.map((row) => row.guideId));
  const mine = (await listMyScorecards(db, actor)).filter((card) => onList.has(card.guide.userId));
  const byId = new Map(mine.map((card) => [card.id, card]));
  return compareScorecards(
    mine.map((card) => ({
      id: card.id,
      answers: {
        fit: card.answers.fit as ScorecardInput['fit'],
        redFlags: card.answers.redFlags as ScorecardInput['redFlags'],
        guideAnswers: card.answers.guideAnswers,
      },
    })),
  ).flatMap((ranked) => {
    const card = byId.get(ranked.id);
    return card ? [card] : [];
  });
}
