import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { guideProfiles } from '../db/schema';
import { getMyGuideProfile } from './get-guide-profile';
import type { MyGuideProfileView } from './schemas';

// Resuming counts as activity, which gives the guide a fresh quiet period to answer waiting requests.
export async function resumeGuideProfile(db: Db, actor: Actor, now: Date): Promise<MyGuideProfileView> {
  await getMyGuideProfile(db, actor);
  await db
    .update(guideProfiles)
    .set({ status: 'active', pausedReason: null, pausedAt: null, lastActiveAt: now, updatedAt: now })
    .where(eq(guideProfiles.userId, actor.userId));
  return getMyGuideProfile(db, actor);
}
