import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { guideProfiles, user } from '../db/schema';
import { notFound } from '../http/problem';
import { presentGuideProfile, presentMyGuideProfile } from './present';
import { countActiveRelationships, loadReliability } from './reliability';
import type { GuideProfileView, MyGuideProfileView } from './schemas';

export async function loadGuide(db: Db | Tx, guideId: string) {
  const [found] = await db
    .select({ profile: guideProfiles, name: user.name, email: user.email })
    .from(guideProfiles)
    .innerJoin(user, eq(user.id, guideProfiles.userId))
    .where(eq(guideProfiles.userId, guideId));
  if (!found) throw notFound('guide');
  return found;
}

async function extras(db: Db | Tx, guideId: string) {
  const active = (await countActiveRelationships(db, [guideId])).get(guideId) ?? 0;
  const reliability = (await loadReliability(db, [guideId])).get(guideId);
  if (!reliability) throw notFound('guide');
  return { active, reliability };
}

// Any signed-in person may read a guide's public profile; a paused guide still has a page, marked as
// not taking requests, so links from earlier shortlists keep working.
export async function getGuideProfile(db: Db | Tx, guideId: string): Promise<GuideProfileView> {
  const { profile, name } = await loadGuide(db, guideId);
  const { active, reliability } = await extras(db, guideId);
  return presentGuideProfile(profile, name, active, reliability);
}

export async function getMyGuideProfile(db: Db | Tx, actor: Actor): Promise<MyGuideProfileView> {
  const { profile, name } = await loadGuide(db, actor.userId);
  const { active, reliability } = await extras(db, actor.userId);
  return presentMyGuideProfile(profile, name, active, reliability);
}
