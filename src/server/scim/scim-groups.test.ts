import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgramCohort } from '../../../test/support/program-fixtures';
import { createScimOrg, loadFixture, replayFixture, type ScimOrg } from '../../../test/support/scim-client';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { applications, cohorts, programs, scimUser, user } from '../db/schema';

// SCIM groups stand for cohorts of the organization's programs: a member of the group is invited to
// the cohort (a pending application the person confirms), and leaving the group withdraws it.
let t: TestApp;
let org: ScimOrg;
let run = 0;

beforeAll(async () => {
  t = await createTestApp();
  org = await createScimOrg(t);
});
afterAll(() => t.close());

async function newOrgCohort() {
  const cohortId = await createProgramCohort(org.owner, `Cohort ${process.pid} ${Date.now()} ${++run}`);
  const [row] = await t.database.db
    .select({ programId: cohorts.programId, name: cohorts.name })
    .from(cohorts)
    .where(eq(cohorts.id, cohortId));
  // The program belongs to the organization, as one made on its page does.
  await t.database.db
    .update(programs)
    .set({ organizationId: org.orgId })
    .where(eq(programs.id, row?.programId ?? ''));
  return { cohortId, name: row?.name ?? '' };
}

async function applicationsFor(cohortId: string, scimId: string) {
  const [person] = await t.database.db
    .select({ email: user.email })
    .from(scimUser)
    .innerJoin(user, eq(user.id, scimUser.userId))
    .where(eq(scimUser.id, scimId));
  return t.database.db
    .select({ role: applications.role, status: applications.status })
    .from(applications)
    .where(and(eq(applications.cohortId, cohortId), eq(applications.email, person?.email ?? '')));
}

describe.each(['okta-group-push.json', 'entra-group-membership.json'])('%s', (file) => {
  it('invites the group’s members to the cohort of that name and withdraws the invitation when they leave', async () => {
    const { cohortId, name } = await newOrgCohort();
    const seen: string[] = [];
    await replayFixture(
      loadFixture(file),
      org.scim,
      {
        run: `${process.pid}x${Date.now()}x${++run}`,
        cohortName: name,
        cohortNameQuery: encodeURIComponent(name),
      },
      async (check, vars) => {
        seen.push(check);
        const rows = await applicationsFor(cohortId, vars.user ?? '');
        if (check === 'invited') expect(rows).toEqual([{ role: 'member', status: 'pending' }]);
        if (check === 'not-invited') expect(rows).toEqual([]);
      },
    );
    expect(seen).toEqual(['invited', 'not-invited']);
  });
});

describe('a group named "<cohort> guides", and a group no cohort matches', () => {
  it('invites as guides, leaves confirmed people in place, and ignores unknown groups', async () => {
    const { cohortId, name } = await newOrgCohort();
    const created = await org.scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: `gina.${process.pid}.${Date.now()}@example.com`,
      emails: [{ primary: true, value: `gina.${process.pid}.${Date.now()}@example.com`, type: 'work' }],
      name: { givenName: 'Gina', familyName: 'Guide' },
      active: true,
    });
    const { id } = (await created.json()) as { id: string };
    const unknown = await org.scim('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: `No such cohort ${Date.now()}`,
      members: [{ value: id }],
    });
    expect(unknown.status).toBe(201);
    expect(await applicationsFor(cohortId, id)).toEqual([]);
    const guides = await org.scim('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: `${name} Guides`,
      members: [{ value: id }],
    });
    expect(guides.status).toBe(201);
    expect(await applicationsFor(cohortId, id)).toEqual([{ role: 'guide', status: 'pending' }]);
    await t.database.db
      .update(applications)
      .set({ status: 'confirmed' })
      .where(eq(applications.cohortId, cohortId));
    const groupId = ((await guides.json()) as { id: string }).id;
    expect((await org.scim('DELETE', `/Groups/${groupId}`)).status).toBe(204);
    expect(await applicationsFor(cohortId, id)).toEqual([{ role: 'guide', status: 'confirmed' }]);
  });
});
