import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuide } from '../../../test/support/guide-factory';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';

// Organizations: roles owner/admin/coordinator/member, the policy rows of docs/confidentiality.md
// (## Organizations), programs that belong to an organization, and conflict of interest by membership.
let t: TestApp;
let owner: Member;
let admin: Member;
let coordinator: Member;
let plain: Member;
let outsider: Member;
let slug: string;
let counter = 0;
type Problem = { code: string; detail: string; field?: string };

async function newOrg(who: Member, name = 'Initech') {
  counter += 1;
  const orgSlug = `initech-${process.pid}-${Date.now()}-${counter}`;
  const response = await who.request('/api/v1/orgs', { method: 'POST', body: { name, slug: orgSlug } });
  expect(response.status).toBe(201);
  return orgSlug;
}
const add = (who: Member, orgSlug: string, email: string, role: string) =>
  who.request(`/api/v1/orgs/${orgSlug}/members`, { method: 'POST', body: { email, role } });
const setRole = (who: Member, target: Member, role: string, orgSlug = slug) =>
  who.request(`/api/v1/orgs/${orgSlug}/members/${target.userId}`, { method: 'PATCH', body: { role } });

afterAll(() => t.close());
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t, 'Olga Owner');
  admin = await signUp(t, 'Adam Admin');
  coordinator = await signUp(t, 'Cora Coordinator');
  plain = await signUp(t, 'Mel Member');
  outsider = await signUp(t, 'Otto Outsider');
  slug = await newOrg(owner);
  expect((await add(owner, slug, admin.email, 'admin')).status).toBe(201);
  expect((await add(admin, slug, coordinator.email, 'coordinator')).status).toBe(201);
  expect((await add(admin, slug, plain.email, 'member')).status).toBe(201);
});

describe('creating an organization', () => {
  it('makes the creator its owner and lists it with their role', async () => {
    const response = await owner.request('/api/v1/orgs');
    const { organizations } = (await response.json()) as { organizations: { slug: string; role: string }[] };
    expect(organizations.find((org) => org.slug === slug)?.role).toBe('owner');
  });

  it('refuses a taken slug with 409 and a bad slug with 422, writing nothing', async () => {
    const taken = await outsider.request('/api/v1/orgs', { method: 'POST', body: { name: 'Copy', slug } });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as Problem).code).toBe('slug-taken');
    const bad = await outsider.request('/api/v1/orgs', {
      method: 'POST',
      body: { name: 'Bad', slug: 'No Spaces!' },
    });
    expect(bad.status).toBe(422);
    const mine = (await (await outsider.request('/api/v1/orgs')).json()) as { organizations: unknown[] };
    expect(mine.organizations).toHaveLength(0);
  });
});

describe('who sees and changes members', () => {
  it('owners, admins and coordinators see the member list; a member gets 403, an outsider 404', async () => {
    for (const who of [owner, admin, coordinator]) {
      const response = await who.request(`/api/v1/orgs/${slug}/members`);
      expect(response.status).toBe(200);
      const { members } = (await response.json()) as { members: { email: string; role: string }[] };
      expect(members.map((m) => m.role).sort()).toEqual(['admin', 'coordinator', 'member', 'owner']);
    }
    expect((await plain.request(`/api/v1/orgs/${slug}/members`)).status).toBe(403);
    const hidden = await outsider.request(`/api/v1/orgs/${slug}/members`);
    expect(hidden.status).toBe(404);
    expect(await (await outsider.request('/api/v1/orgs/no-such-org/members')).json()).toMatchObject({
      code: 'not-found',
    });
  });

  it('coordinators and members cannot add, change or remove members', async () => {
    const extra = await signUp(t, 'Eve Extra');
    for (const who of [coordinator, plain]) {
      const added = await add(who, slug, extra.email, 'member');
      expect(added.status).toBe(403);
      expect(((await added.json()) as Problem).detail).toMatch(/Only owners and admins/);
      expect((await setRole(who, plain, 'admin')).status).toBe(403);
      const removed = await who.request(`/api/v1/orgs/${slug}/members/${plain.userId}`, { method: 'DELETE' });
      expect(removed.status).toBe(403);
    }
    expect((await add(outsider, slug, extra.email, 'member')).status).toBe(404);
  });

  it('only an owner makes owners or touches an owner; the last owner stays', async () => {
    const made = await setRole(admin, plain, 'owner');
    expect(made.status).toBe(403);
    expect(((await made.json()) as Problem).detail).toMatch(/Only an owner/);
    expect((await setRole(admin, owner, 'member')).status).toBe(403);
    const last = await setRole(owner, owner, 'admin');
    expect(last.status).toBe(403);
    expect(((await last.json()) as Problem).detail).toMatch(/at least one owner/);
    expect((await setRole(admin, coordinator, 'admin')).status).toBe(200);
    expect((await setRole(admin, coordinator, 'coordinator')).status).toBe(200);
  });

  it('adding an unknown address or an existing member is refused with a sentence', async () => {
    const unknown = await add(owner, slug, `nobody-${Date.now()}@example.test`, 'member');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()) as Problem).toMatchObject({ code: 'person-not-found', field: 'email' });
    const twice = await add(owner, slug, plain.email, 'member');
    expect(twice.status).toBe(409);
  });

  it('an admin removes a member, who then no longer sees the organization', async () => {
    const leaving = await signUp(t, 'Lea Leaving');
    expect((await add(admin, slug, leaving.email, 'member')).status).toBe(201);
    const removed = await admin.request(`/api/v1/orgs/${slug}/members/${leaving.userId}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(200);
    const { organizations } = (await (await leaving.request('/api/v1/orgs')).json()) as {
      organizations: unknown[];
    };
    expect(organizations).toHaveLength(0);
  });

  it('better-auth’s own organization endpoints are closed', async () => {
    const response = await outsider.request('/api/auth/organization/create', {
      method: 'POST',
      body: { name: 'Sneaky', slug: `sneaky-${Date.now()}` },
    });
    expect(response.status).toBe(404);
  });
});

describe('programs of an organization', () => {
  it('coordinators create programs in it; members and outsiders cannot', async () => {
    const created = await coordinator.request('/api/v1/programs', {
      method: 'POST',
      body: { name: 'Initech Mentoring', organization: slug },
    });
    expect(created.status).toBe(201);
    const program = (await created.json()) as { id: string; organizationId: string | null };
    expect(program.organizationId).not.toBeNull();
    const refused = await plain.request('/api/v1/programs', {
      method: 'POST',
      body: { name: 'Mel’s Program', organization: slug },
    });
    expect(refused.status).toBe(403);
    expect(
      (
        await outsider.request('/api/v1/programs', {
          method: 'POST',
          body: { name: 'X Program', organization: slug },
        })
      ).status,
    ).toBe(404);
    // Programs without an organization still work, as before organizations existed.
    const free = await outsider.request('/api/v1/programs', {
      method: 'POST',
      body: { name: 'Free League' },
    });
    expect(((await free.json()) as { organizationId: string | null }).organizationId).toBeNull();
  });

  it('the organization’s owners and admins run its programs; its members and coordinators of other programs do not', async () => {
    const created = await coordinator.request('/api/v1/programs', {
      method: 'POST',
      body: { name: 'Initech Leaders', organization: slug },
    });
    const { id } = (await created.json()) as { id: string };
    for (const who of [owner, admin, coordinator]) {
      expect((await who.request(`/api/v1/programs/${id}/cohorts`)).status).toBe(200);
    }
    for (const who of [plain, outsider]) {
      expect((await who.request(`/api/v1/programs/${id}/cohorts`)).status).toBe(404);
    }
  });
});

describe('conflict of interest by membership', () => {
  it('leaves out guides of the member’s organization unless the member opts in; free text still counts', async () => {
    const tag = `coi${Date.now()}`;
    const mate = await createGuide(t, 'Gina Colleague', { bio: tag });
    const stranger = await createGuide(t, 'Sam Stranger', { bio: tag });
    const orgSlug = await newOrg(owner, 'Globex');
    expect((await add(owner, orgSlug, mate.email, 'member')).status).toBe(201);
    const search = async (extra = '') => {
      const response = await owner.request(`/api/v1/directory?kind=any&q=${tag}${extra}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as {
        results: { guide: { userId: string } }[];
        ownOrganizationExcluded: boolean;
      };
      return { ids: page.results.map((r) => r.guide.userId), excluded: page.ownOrganizationExcluded };
    };
    const byDefault = await search();
    expect(byDefault.ids).toContain(stranger.userId);
    expect(byDefault.ids).not.toContain(mate.userId);
    expect(byDefault.excluded).toBe(true);
    const optedIn = await search('&includeOwnOrganization=true');
    expect(optedIn.ids).toContain(mate.userId);
    // Someone outside every organization still sees the colleague.
    const other = await signUp(t, 'Nina Nobody');
    const response = await other.request(`/api/v1/directory?kind=any&q=${tag}`);
    const page = (await response.json()) as { results: { guide: { userId: string } }[] };
    expect(page.results.map((r) => r.guide.userId)).toContain(mate.userId);
  });
});
