import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScimOrg, SCIM_BASE, type ScimOrg } from '../../../test/support/scim-client';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';
import { auditEvents, member, scimGroupMember, scimTokens, scimUser, user } from '../db/schema';
import { SCIM_ERROR_SCHEMA } from './scim-errors';

// Attacks on SCIM: wrong and revoked tokens, one organization's token reaching into another's people,
// and malformed filters and bodies. Each answer is SCIM's error shape, never a 5xx, and leaves no trace.
let t: TestApp;
let a: ScimOrg;
let b: ScimOrg;
let bUserId = '';
let bScimId = '';
let bGroupId = '';
let counter = 0;
const unique = () => `${process.pid}-${Date.now()}-${++counter}`;

const newUser = (name: string) => {
  const address = `${name}.${unique()}@example.com`;
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: address,
    name: { givenName: name, familyName: 'Tester' },
    emails: [{ primary: true, value: address, type: 'work' }],
    active: true,
  };
};

async function expectScimError(response: Response, status: number) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = JSON.parse(text) as { schemas: string[]; status: string; detail?: string };
  expect(body.schemas).toEqual([SCIM_ERROR_SCHEMA]);
  expect(body.status).toBe(String(status));
  return body;
}

const scimUsersOf = async (orgId: string) =>
  t.database.db.select().from(scimUser).where(eq(scimUser.provisioningDomainId, orgId));

beforeAll(async () => {
  t = await createTestApp();
  a = await createScimOrg(t, 'Org A');
  b = await createScimOrg(t, 'Org B');
  const created = await b.scim('POST', '/Users', newUser('bea'));
  expect(created.status).toBe(201);
  bScimId = ((await created.json()) as { id: string }).id;
  const [row] = await t.database.db.select().from(scimUser).where(eq(scimUser.id, bScimId));
  bUserId = row?.userId ?? '';
  const group = await b.scim('POST', '/Groups', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: `B group ${unique()}`,
    members: [{ value: bScimId }],
  });
  expect(group.status).toBe(201);
  bGroupId = ((await group.json()) as { id: string }).id;
});
afterAll(() => t.close());

describe('tokens', () => {
  it('answers 401 in SCIM’s shape without a token, with a wrong one, or another scheme', async () => {
    const bare = await t.app.request(`${SCIM_BASE}/Users`);
    await expectScimError(bare, 401);
    await expectScimError(await a.scim('GET', '/Users', undefined, 'corner_scim_not-a-real-token'), 401);
    await expectScimError(await a.scim('GET', '/Users', undefined, `${a.token}x`), 401);
    const basic = await t.app.request(`${SCIM_BASE}/Users`, {
      headers: { authorization: `Basic ${a.token}` },
    });
    await expectScimError(basic, 401);
  });

  it('stops a revoked token at once (401), while a second token of the organization keeps working', async () => {
    const org = await createScimOrg(t, 'Revokers');
    const second = await org.owner.request(`/api/v1/orgs/${org.slug}/scim-tokens`, {
      method: 'POST',
      body: { label: 'Entra' },
    });
    const secondToken = ((await second.json()) as { token: string }).token;
    expect((await org.scim('GET', '/Users')).status).toBe(200);
    const revoked = await org.owner.request(`/api/v1/orgs/${org.slug}/scim-tokens/${org.tokenId}`, {
      method: 'DELETE',
    });
    expect(revoked.status).toBe(200);
    await expectScimError(await org.scim('POST', '/Users', newUser('late')), 401);
    expect(await scimUsersOf(org.orgId)).toHaveLength(0);
    expect((await org.scim('GET', '/Users', undefined, secondToken)).status).toBe(200);
    const events = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.target, `scim-token:${org.tokenId}`)));
    expect(events.map((event) => event.action).sort()).toEqual(['scim.token-created', 'scim.token-revoked']);
  });

  it('keeps only a hash of the token, and shows it in no listing', async () => {
    const [row] = await t.database.db.select().from(scimTokens).where(eq(scimTokens.id, a.tokenId));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(a.token);
    const listing = await a.owner.request(`/api/v1/orgs/${a.slug}/scim-tokens`);
    expect(listing.status).toBe(200);
    expect(await listing.text()).not.toContain(a.token);
  });

  it('lets only owners and admins make or revoke tokens (403 for members, 404 for outsiders)', async () => {
    const plain = await signUp(t, 'Plain Member');
    const outsider = await signUp(t, 'Otto Outsider');
    const added = await a.owner.request(`/api/v1/orgs/${a.slug}/members`, {
      method: 'POST',
      body: { email: plain.email, role: 'coordinator' },
    });
    expect(added.status).toBe(201);
    const make = (who: typeof plain) =>
      who.request(`/api/v1/orgs/${a.slug}/scim-tokens`, { method: 'POST', body: { label: 'Mine' } });
    expect((await make(plain)).status).toBe(403);
    expect((await make(outsider)).status).toBe(404);
    const revoke = await plain.request(`/api/v1/orgs/${a.slug}/scim-tokens/${a.tokenId}`, {
      method: 'DELETE',
    });
    expect(revoke.status).toBe(403);
    expect((await plain.request(`/api/v1/orgs/${a.slug}/scim-tokens`)).status).toBe(403);
    expect((await a.scim('GET', '/Users')).status).toBe(200);
    const bad = await a.owner.request(`/api/v1/orgs/${a.slug}/scim-tokens`, {
      method: 'POST',
      body: { label: '' },
    });
    expect(bad.status).toBe(422);
  });

  it('has no HTTP door to the plugin’s own connection and token endpoints', async () => {
    for (const path of [
      '/api/auth/scim/connections',
      '/api/auth/scim/create-connection',
      '/api/auth/scim/generate-token',
    ]) {
      const response = await a.owner.request(path, { method: 'POST', body: {} });
      expect(response.status, path).toBe(404);
    }
  });
});

describe('one organization’s token cannot reach another’s people (404, nothing changed)', () => {
  it('reads, replaces, patches and deletes nothing of org B with org A’s token', async () => {
    const before = await scimUsersOf(b.orgId);
    await expectScimError(await a.scim('GET', `/Users/${bScimId}`), 404);
    await expectScimError(
      await a.scim('PUT', `/Users/${bScimId}`, { ...newUser('hijack'), id: bScimId }),
      404,
    );
    await expectScimError(
      await a.scim('PATCH', `/Users/${bScimId}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', value: { active: false } }],
      }),
      404,
    );
    await expectScimError(await a.scim('DELETE', `/Users/${bScimId}`), 404);
    await expectScimError(await a.scim('GET', `/Groups/${bGroupId}`), 404);
    await expectScimError(
      await a.scim('PATCH', `/Groups/${bGroupId}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'remove', path: 'members' }],
      }),
      404,
    );
    await expectScimError(await a.scim('DELETE', `/Groups/${bGroupId}`), 404);
    const listed = (await (
      await a.scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${before[0]?.userName}"`)}`)
    ).json()) as { totalResults: number };
    expect(listed.totalResults).toBe(0);

    expect(await scimUsersOf(b.orgId)).toEqual(before);
    const [person] = await t.database.db
      .select({ deactivatedAt: user.deactivatedAt })
      .from(user)
      .where(eq(user.id, bUserId));
    expect(person?.deactivatedAt).toBeNull();
    const [membership] = await t.database.db
      .select({ role: member.role })
      .from(member)
      .where(and(eq(member.organizationId, b.orgId), eq(member.userId, bUserId)));
    expect(membership?.role).toBe('member');
    expect(
      await t.database.db.select().from(scimGroupMember).where(eq(scimGroupMember.groupId, bGroupId)),
    ).toHaveLength(1);
  });

  it('does not let org A add org B’s person to one of A’s groups', async () => {
    const response = await a.scim('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: `A group ${unique()}`,
      members: [{ value: bScimId }],
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const [membership] = await t.database.db
      .select()
      .from(member)
      .where(and(eq(member.organizationId, a.orgId), eq(member.userId, bUserId)));
    expect(membership).toBeUndefined();
  });

  it('does not let org A provision an address org B already provisioned onto B’s account', async () => {
    const [bRow] = await scimUsersOf(b.orgId);
    const clash = newUser('clash');
    const response = await a.scim('POST', '/Users', {
      ...clash,
      userName: bRow?.userName,
      emails: [{ primary: true, value: bRow?.primaryEmail, type: 'work' }],
    });
    expect(response.status).toBe(409);
    const [membership] = await t.database.db
      .select()
      .from(member)
      .where(and(eq(member.organizationId, a.orgId), eq(member.userId, bUserId)));
    expect(membership).toBeUndefined();
  });
});

describe('malformed filters and bodies: a SCIM 400, never a 5xx, nothing half-written', () => {
  const filters = [
    'userName eq',
    'userName eq "unterminated',
    'userName zz "x"',
    '(userName eq "x"',
    'userName eq "x" or',
    'nosuchattribute eq "x"',
    'userName eq "x" and and',
    '"',
    '',
  ];
  it.each(filters)('filter %j', async (filter) => {
    const response = await a.scim(
      'GET',
      `/Users?filter=${encodeURIComponent(filter)}&startIndex=1&count=100`,
    );
    if (filter === '') {
      expect(response.status).toBeLessThan(500);
      return;
    }
    await expectScimError(response, 400);
  });

  it.each([
    ['startIndex=abc', 400],
    ['count=-5&startIndex=0', 400],
    ['count=99999999999999999999', 400],
  ])('paging %s', async (query) => {
    const response = await a.scim('GET', `/Users?${query}`);
    expect(response.status).toBeLessThan(500);
    if (response.status >= 400) await expectScimError(response, response.status);
  });

  const bodies: [string, unknown][] = [
    ['not JSON', '{"schemas": ['],
    ['an array', '[]'],
    ['no userName', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], active: true }],
    ['no schemas', { userName: `x.${Date.now()}@example.com` }],
    ['a wrong schema', { schemas: ['urn:example:nope'], userName: `y.${Date.now()}@example.com` }],
    ['userName a number', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 42 }],
    ['emails not a list', { ...newUser('bad'), emails: 'me@example.com' }],
    ['a broken e-mail', { ...newUser('bad'), emails: [{ value: 'not an address', primary: true }] }],
    ['active a word', { ...newUser('bad'), active: 'maybe' }],
  ];
  it.each(bodies)('POST /Users with %s', async (_label, body) => {
    const before = (await scimUsersOf(a.orgId)).length;
    await expectScimError(await a.scim('POST', '/Users', body), 400);
    expect(await scimUsersOf(a.orgId)).toHaveLength(before);
  });

  it('a PATCH whose second operation is wrong applies neither', async () => {
    const created = await a.scim('POST', '/Users', newUser('pat'));
    const { id } = (await created.json()) as { id: string };
    const [before] = await t.database.db.select().from(scimUser).where(eq(scimUser.id, id));
    const patch = await a.scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        { op: 'replace', path: 'displayName', value: 'Changed Name' },
        { op: 'replace', path: 'active', value: 'perhaps' },
      ],
    });
    await expectScimError(patch, 400);
    const [after] = await t.database.db.select().from(scimUser).where(eq(scimUser.id, id));
    expect(after).toEqual(before);
  });

  it.each([
    ['Operations missing', { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'] }],
    ['Operations not a list', { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: {} }],
    [
      'an unknown op',
      {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'explode', path: 'active', value: false }],
      },
    ],
    [
      'a bad path filter',
      {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'emails[type eq', value: 'x' }],
      },
    ],
  ])('PATCH /Users with %s', async (_label, body) => {
    const [row] = await scimUsersOf(a.orgId);
    await expectScimError(await a.scim('PATCH', `/Users/${row?.id}`, body), 400);
    const [after] = await t.database.db
      .select()
      .from(scimUser)
      .where(eq(scimUser.id, row?.id ?? ''));
    expect(after).toEqual(row);
  });

  it('refuses a body over 1 MB in SCIM’s shape', async () => {
    const huge = { ...newUser('huge'), displayName: 'x'.repeat(1_100_000) };
    await expectScimError(await a.scim('POST', '/Users', huge), 413);
  });
});
