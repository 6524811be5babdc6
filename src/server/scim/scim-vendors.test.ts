import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScimOrg, loadFixture, replayFixture, type ScimOrg } from '../../../test/support/scim-client';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { member, scimUser, user } from '../db/schema';

// The request sequences Okta and Entra ID send (test/fixtures/scim), replayed against Corner; after
// the steps that matter, what Corner made of them: an organization member, deactivated or not.
let t: TestApp;
let org: ScimOrg;
let run = 0;
const nextRun = () => `${process.pid}x${Date.now()}x${++run}`;

beforeAll(async () => {
  t = await createTestApp();
  org = await createScimOrg(t);
});
afterAll(() => t.close());

async function personBehind(scimId: string) {
  const [row] = await t.database.db
    .select({ userId: scimUser.userId, deactivatedAt: user.deactivatedAt })
    .from(scimUser)
    .innerJoin(user, eq(user.id, scimUser.userId))
    .where(eq(scimUser.id, scimId));
  return row ?? null;
}
const membership = async (userId: string) =>
  (
    await t.database.db
      .select({ role: member.role })
      .from(member)
      .where(and(eq(member.organizationId, org.orgId), eq(member.userId, userId)))
  )[0]?.role ?? null;

describe.each(['okta-user-lifecycle.json', 'entra-user-lifecycle.json'])('%s', (file) => {
  it('replays, and each person is a member of the token’s organization, deactivated when told', async () => {
    const fixture = loadFixture(file);
    let userId = '';
    const checks: string[] = [];
    const captured = await replayFixture(fixture, org.scim, { run: nextRun() }, async (check, vars) => {
      checks.push(check);
      if (check === 'deleted') {
        const [gone] = await t.database.db
          .select()
          .from(scimUser)
          .where(eq(scimUser.id, vars.user ?? ''));
        expect(gone).toBeUndefined();
        const [kept] = await t.database.db
          .select({ deactivatedAt: user.deactivatedAt })
          .from(user)
          .where(eq(user.id, userId));
        expect(kept?.deactivatedAt, 'the account stays, deactivated').toBeInstanceOf(Date);
        expect(await membership(userId)).toBeNull();
        return;
      }
      const person = await personBehind(vars.user ?? '');
      expect(person).not.toBeNull();
      userId = person?.userId ?? '';
      expect(await membership(userId)).toBe('member');
      if (check === 'deactivated') expect(person?.deactivatedAt).toBeInstanceOf(Date);
      if (check === 'active') expect(person?.deactivatedAt).toBeNull();
    });
    expect(captured.user).toBeTruthy();
    expect(checks.length).toBeGreaterThanOrEqual(2);
  });
});
