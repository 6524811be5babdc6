import { weekSlotsUtc } from '../../domain/fit-score/week-slots';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { guideProfiles } from '../db/schema';
import { getMyGuideProfile } from './get-guide-profile';
import type { GuideProfileInput, MyGuideProfileView } from './schemas';

// The document the full-text index is built from: everything a member might type to find a guide.
export function searchTextOf(input: GuideProfileInput, name: string): string {
  return [
    name,
    input.headline,
    input.bio,
    input.expertise.join(' '),
    input.proofOfWork.map((item) => `${item.label} ${item.description}`).join(' '),
    input.credentials.join(' '),
    input.background,
    input.worksWith,
    input.city ?? '',
  ].join('\n');
}

// Creating or editing the profile is activity: it refreshes "last active". Pausing is not undone here;
// a paused guide resumes explicitly, so the reason they were paused is read before it disappears.
export async function saveGuideProfile(
  db: Db,
  actor: Actor,
  input: GuideProfileInput,
  now: Date,
): Promise<MyGuideProfileView> {
  const values = {
    ...input,
    weekSlots: weekSlotsUtc(input.timeZone, input.availability, now),
    searchText: searchTextOf(input, actor.name),
    lastActiveAt: now,
    updatedAt: now,
  };
  await db
    .insert(guideProfiles)
    .values({ userId: actor.userId, ...values, createdAt: now })
    .onConflictDoUpdate({ target: guideProfiles.userId, set: values });
  return getMyGuideProfile(db, actor);
}
