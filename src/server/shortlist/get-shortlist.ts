import { asc, eq, inArray } from 'drizzle-orm';
import { scoreScorecard } from '../../domain/fit/score-scorecard';
import { shortlistNudges } from '../../domain/fit/shortlist-nudges';
import { SHORTLIST_MAX_CANDIDATES } from '../../domain/settings/fit';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { guideProfiles, user } from '../db/schema';
import { presentChoice } from './present';
import type { ShortlistView } from './schemas';
import { loadShortlistState } from './shortlist-state';

export async function getShortlist(db: Db | Tx, actor: Actor, now: Date): Promise<ShortlistView> {
  const state = await loadShortlistState(db, actor.userId, now);
  const ids = state.entries.map((entry) => entry.guideId);
  const guides =
    ids.length === 0
      ? []
      : await db
          .select({
            userId: guideProfiles.userId,
            headline: guideProfiles.headline,
            kind: guideProfiles.kind,
            status: guideProfiles.status,
            name: user.name,
          })
          .from(guideProfiles)
          .innerJoin(user, eq(user.id, guideProfiles.userId))
          .where(inArray(guideProfiles.userId, ids))
          .orderBy(asc(user.name));
  const byId = new Map(guides.map((g) => [g.userId, g]));
  const names = new Map(guides.map((g) => [g.userId, g.name]));
  const entries = [...state.entries]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .flatMap((entry) => {
      const guide = byId.get(entry.guideId);
      if (!guide) return [];
      const intro = state.intros.find((row) => row.guideId === entry.guideId);
      const card = state.cards.find((row) => row.guideId === entry.guideId);
      const result = card ? scoreScorecard(card.answers) : null;
      return [
        {
          guide: {
            userId: guide.userId,
            name: guide.name,
            headline: guide.headline,
            kind: guide.kind,
            status: guide.status,
          },
          addedAt: entry.createdAt.toISOString(),
          intro: intro
            ? { id: intro.id, status: intro.status, scheduledAt: intro.scheduledAt?.toISOString() ?? null }
            : null,
          scorecard:
            card && result
              ? { id: card.id, verdict: result.verdict, score: result.score, summary: result.summary }
              : null,
        },
      ];
    });
  const choice = state.choice;
  return {
    entries,
    nudges: shortlistNudges(state.nudgeState),
    maxSize: SHORTLIST_MAX_CANDIDATES,
    choice: choice
      ? await presentChoice(db, choice, names.get(choice.guideId), shortlistNudges(state.nudgeState))
      : null,
  };
}
