import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuide } from '../../../test/support/guide-factory';
import {
  confirmPrograms,
  createProgramCohort,
  guideRow,
  importRows,
} from '../../../test/support/program-fixtures';
import { createScimOrg, type ScimOrg } from '../../../test/support/scim-client';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { applications, guideProfiles, member, scimUser, session, user } from '../db/schema';
import { loadCohortProblem } from '../programs/load-cohort-problem';

// What deactivation through SCIM does in Corner: sessions end at once (this instance's session cache
// included), sign-in is refused, the guide profile leaves the directory, matching skips the person,
// and everything they did stays. Activating them again undoes the first three.
let t: TestApp;
let org: ScimOrg;
let guide: Member;
let scimId = '';
let cohortId = '';
const expertise = `scimdeact${process.pid}${Date.now()}`;

const deactivate = (active: boolean, entra = false) =>
  org.scim('PATCH', `/Users/${scimId}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      entra
        ? { op: 'Replace', path: 'active', value: active ? 'True' : 'False' }
        : { op: 'replace', value: { active } },
    ],
  });
const inDirectory = async (who: Member) => {
  const response = await who.request(`/api/v1/directory?expertise=${expertise}`);
  expect(response.status).toBe(200);
  return (await response.text()).includes(guide.userId);
};
const signIn = (email: string) =>
  t.app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
    body: JSON.stringify({ email, password: 'correct-horse-battery' }),
  });
const matchedGuideNames = async () =>
  (await loadCohortProblem(t.database.db, cohortId, t.clock.now)).guides.map((row) => row.name);

beforeAll(async () => {
  // The session cache keeps sessions for a long time here, so only eviction can explain a 401.
  t = await createTestApp(undefined, { sessionCache: { ttlMs: 600_000 } });
  org = await createScimOrg(t);
  guide = await createGuide(t, 'Gwen Guide', { expertise: [expertise] });
  const added = await org.owner.request(`/api/v1/orgs/${org.slug}/members`, {
    method: 'POST',
    body: { email: guide.email, role: 'member' },
  });
  expect(added.status).toBe(201);
  // The identity provider takes over the member it finds by their address (linkExistingMember).
  const created = await org.scim('POST', '/Users', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: guide.email,
    emails: [{ primary: true, value: guide.email, type: 'work' }],
    name: { givenName: 'Gwen', familyName: 'Guide' },
    active: true,
  });
  expect(created.status, await created.clone().text()).toBe(201);
  scimId = ((await created.json()) as { id: string }).id;
  const [row] = await t.database.db.select().from(scimUser).where(eq(scimUser.id, scimId));
  expect(row?.userId).toBe(guide.userId);
  // A cohort in which she confirmed she is a guide.
  cohortId = await createProgramCohort(org.owner, `Deact ${Date.now()}`);
  await importRows(org.owner, cohortId, 'guide', [guideRow(guide)]);
  expect(await confirmPrograms(guide)).toBe(1);
});
afterAll(() => t.close());

describe('deactivating a person through SCIM', () => {
  it('ends their sessions at once, cache included, and refuses a new sign-in', async () => {
    expect((await guide.request('/api/v1/me')).status).toBe(200);
    expect((await deactivate(false)).status).toBe(200);
    expect((await guide.request('/api/v1/me')).status).toBe(401);
    const sessions = await t.database.db.select().from(session).where(eq(session.userId, guide.userId));
    expect(sessions).toHaveLength(0);
    const again = await signIn(guide.email);
    expect(again.status).toBe(403);
    expect(await again.json()).toMatchObject({
      code: 'ACCOUNT_DEACTIVATED',
      message: expect.stringContaining('This account was deactivated by your organization'),
    });
    expect(await t.database.db.select().from(session).where(eq(session.userId, guide.userId))).toHaveLength(
      0,
    );
  });

  it('takes them out of the directory and out of matching, keeping their records', async () => {
    const looker = await signUp(t, 'Lou Looker');
    expect(await inDirectory(looker)).toBe(false);
    const [profile] = await t.database.db
      .select()
      .from(guideProfiles)
      .where(eq(guideProfiles.userId, guide.userId));
    expect(profile).toMatchObject({ status: 'paused', pausedReason: 'deactivated', expertise: [expertise] });
    expect(await matchedGuideNames()).toEqual([]);
    const [application] = await t.database.db
      .select({ status: applications.status })
      .from(applications)
      .where(and(eq(applications.cohortId, cohortId), eq(applications.confirmedBy, guide.userId)));
    expect(application?.status).toBe('confirmed');
    const [account] = await t.database.db.select().from(user).where(eq(user.id, guide.userId));
    expect(account?.deactivatedAt).toBeInstanceOf(Date);
    const [membership] = await t.database.db
      .select({ role: member.role })
      .from(member)
      .where(and(eq(member.organizationId, org.orgId), eq(member.userId, guide.userId)));
    expect(membership?.role).toBe('member');
  });

  it('activating them again (Entra’s string "True") brings back the directory, matching and sign-in', async () => {
    expect((await deactivate(true, true)).status).toBe(200);
    const looker = await signUp(t, 'Lee Looker');
    expect(await inDirectory(looker)).toBe(true);
    expect(await matchedGuideNames()).toEqual([guide.name]);
    expect((await signIn(guide.email)).status).toBe(200);
  });

  it('does not lift a pause the guide chose themselves', async () => {
    await t.database.db
      .update(guideProfiles)
      .set({ status: 'paused', pausedReason: 'Away for a month' })
      .where(eq(guideProfiles.userId, guide.userId));
    expect((await deactivate(false)).status).toBe(200);
    expect((await deactivate(true)).status).toBe(200);
    const [profile] = await t.database.db
      .select()
      .from(guideProfiles)
      .where(eq(guideProfiles.userId, guide.userId));
    expect(profile).toMatchObject({ status: 'paused', pausedReason: 'Away for a month' });
  });
});
