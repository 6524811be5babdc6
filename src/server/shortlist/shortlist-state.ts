import { desc, eq } from 'drizzle-orm';
import { scoreScorecard } from '../../domain/fit/score-scorecard';
import type { Db, Tx } from '../db/client';
import { guideChoices, introRequests, scorecards, shortlistEntries } from '../db/schema';

/**
 * What the method's nudges need to know: who is on the shortlist, which intros were held (a scorecard
 * was filled, or an accepted intro's time has passed) and how many of those came out a poor fit.
 */
export async function loadShortlistState(db: Db | Tx, memberId: string, now: Date) {
  const [entries, intros, cards, choices] = await Promise.all([
    db.select().from(shortlistEntries).where(eq(shortlistEntries.memberId, memberId)),
    db
      .select()
      .from(introRequests)
      .where(eq(introRequests.memberId, memberId))
      .orderBy(desc(introRequests.createdAt)),
    db.select().from(scorecards).where(eq(scorecards.memberId, memberId)),
    db
      .select()
      .from(guideChoices)
      .where(eq(guideChoices.memberId, memberId))
      .orderBy(desc(guideChoices.createdAt))
      .limit(1),
  ]);
  const held = new Set<string>(cards.map((card) => card.guideId));
  for (const intro of intros) {
    if (intro.status === 'accepted' && !intro.guideNoShow && intro.scheduledAt && intro.scheduledAt <= now) {
      held.add(intro.guideId);
    }
  }
  const poorFits = cards.filter((card) => scoreScorecard(card.answers).verdict === 'poor-fit').length;
  return {
    entries,
    intros,
    cards,
    choice: choices[0] ?? null,
    nudgeState: {
      shortlistSize: entries.length,
      introsHeld: held.size,
      poorFits,
      chosen: choices.length > 0,
    },
  };
}
