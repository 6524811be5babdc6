import { eq } from 'drizzle-orm';
import { user } from '../../src/server/db/schema';
import { type Member, signUp, type TestApp } from './test-app';

export type GuideOverrides = Record<string, unknown>;

export const baseGuideProfile = {
  headline: 'Product leader who helps PMs grow',
  bio: 'Fifteen years in product, from startups to scale-ups.',
  kind: 'mentor',
  expertise: ['pricing', 'growth'],
  formats: ['video'],
  languages: ['en'],
  timeZone: 'Europe/Berlin',
  availability: [
    { weekday: 2, start: '10:00', end: '14:00' },
    { weekday: 4, start: '15:00', end: '18:00' },
  ],
  capacity: 3,
};

// A signed-up person with a published guide profile; their own zone is the profile's.
export async function createGuide(t: TestApp, name: string, overrides: GuideOverrides = {}): Promise<Member> {
  const zone = typeof overrides.timeZone === 'string' ? overrides.timeZone : baseGuideProfile.timeZone;
  const guide = await signUp(t, name, zone);
  const response = await guide.request('/api/v1/me/guide-profile', {
    method: 'PUT',
    body: { ...baseGuideProfile, ...overrides },
  });
  if (response.status !== 200)
    throw new Error(`guide profile failed: ${response.status} ${await response.text()}`);
  return guide;
}

export async function setMemberOrganization(t: TestApp, member: Member, organization: string) {
  await t.database.db.update(user).set({ organization }).where(eq(user.id, member.userId));
}
