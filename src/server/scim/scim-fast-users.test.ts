import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScimOrg, SCIM_BASE, type ScimOrg } from '../../../test/support/scim-client';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import {
  auditEvents,
  member,
  scimConnectionBinding,
  scimSubject,
  scimUser,
  session,
  user,
} from '../db/schema';

// Corner's fast path for POST /Users, PATCH active and GET ?filter=userName (scim-fast-users.ts) must
// write what @better-auth/scim writes: the same request is sent to Corner and straight to the plugin
// (better-auth's own handler), and the rows and answers compared; then the plugin reads, finds and
// changes what the fast path wrote.
let t: TestApp;
let fast: ScimOrg;
let plain: ScimOrg;
let counter = 0;
const unique = () => `${process.pid}x${Date.now()}x${++counter}`;

const oktaUser = (run: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName: `Jane.Fast.${run}@Example.com`,
  name: { givenName: ' Jane ', familyName: 'Fast' },
  emails: [
    { value: `jane.home.${run}@example.com`, type: 'Home' },
    { primary: true, value: `Jane.Fast.${run}@Example.com`, type: 'work' },
  ],
  displayName: 'Jane Fast',
  locale: 'en-US',
  externalId: `00u${run}`,
  groups: [],
  active: true,
});
const deactivation = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [{ op: 'replace', value: { active: false } }],
};

/** The plugin alone, as before the fast path: better-auth's handler, no Corner route in front. */
const viaPlugin = (org: ScimOrg) => (method: string, path: string, body?: unknown) =>
  t.auth.handler(
    new Request(`http://localhost:3000${SCIM_BASE}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${org.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );

const revision = async (orgId: string) =>
  (
    await t.database.db
      .select({ revision: scimConnectionBinding.decommissionRevision })
      .from(scimConnectionBinding)
      .where(eq(scimConnectionBinding.connectionId, orgId))
  )[0]?.revision;

async function rowsBehind(scimId: string) {
  const [source] = await t.database.db.select().from(scimUser).where(eq(scimUser.id, scimId));
  const userId = source?.userId ?? '';
  const [account] = await t.database.db.select().from(user).where(eq(user.id, userId));
  const [subject] = await t.database.db.select().from(scimSubject).where(eq(scimSubject.userId, userId));
  const memberships = await t.database.db
    .select({ role: member.role, organizationId: member.organizationId })
    .from(member)
    .where(eq(member.userId, userId));
  const audit = await t.database.db
    .select({ action: auditEvents.action, orgId: auditEvents.orgId, meta: auditEvents.meta })
    .from(auditEvents)
    .where(eq(auditEvents.target, `scim-user:${scimId}`));
  return { source, account, subject, memberships, audit };
}

// What may differ between two people provisioned alike in two organizations: ids, times, keys that
// hash the connection or id, and the run that makes addresses unique.
function comparable(value: unknown, run: string, orgId: string, ids: string[]): unknown {
  const text = JSON.stringify(value, (_key, field) => (field instanceof Date ? 'DATE' : field));
  let out = text.split(run).join('RUN').split(orgId).join('ORG');
  for (const id of ids) out = out.split(id).join('ID');
  return JSON.parse(out, (key, field) =>
    /Key$|ValueIndex$|^(createdAt|updatedAt|created|lastModified|deactivatedAt)$/.test(key) && field
      ? 'X'
      : field,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  fast = await createScimOrg(t, 'Fast Org');
  plain = await createScimOrg(t, 'Plain Org');
  // An organization's first SCIM request is the plugin's: it binds the connection.
  expect((await fast.scim('GET', '/Users')).status).toBe(200);
  expect((await viaPlugin(plain)('GET', '/Users')).status).toBe(200);
});
afterAll(() => t.close());

describe('the fast path', () => {
  it('takes Okta’s create, deactivation and lookup itself (the plugin fences every write it makes)', async () => {
    const run = unique();
    const before = await revision(fast.orgId);
    const created = await fast.scim('POST', '/Users', oktaUser(run));
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await fast.scim('PATCH', `/Users/${id}`, deactivation)).status).toBe(200);
    const filter = encodeURIComponent(`userName eq "jane.fast.${run}@example.com"`);
    const found = await fast.scim('GET', `/Users?filter=${filter}&startIndex=1&count=100`);
    expect(((await found.json()) as { totalResults: number }).totalResults).toBe(1);
    expect(await revision(fast.orgId)).toBe(before);
  });

  it('writes and answers a create as the plugin does', async () => {
    const run = unique();
    const mine = await fast.scim('POST', '/Users', oktaUser(run));
    const theirs = await viaPlugin(plain)('POST', '/Users', oktaUser(`${run}p`));
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    for (const header of ['content-type', 'location', 'content-location'])
      expect(mine.headers.get(header)?.replace(/Users\/.*/, ''), header).toBe(
        theirs.headers.get(header)?.replace(/Users\/.*/, ''),
      );
    const mineBody = (await mine.json()) as { id: string };
    const theirBody = (await theirs.json()) as { id: string };
    const mineRows = await rowsBehind(mineBody.id);
    const theirRows = await rowsBehind(theirBody.id);
    const mineIds = [fast.tokenId, mineBody.id, mineRows.account?.id ?? '', mineRows.subject?.id ?? ''];
    const theirIds = [plain.tokenId, theirBody.id, theirRows.account?.id ?? '', theirRows.subject?.id ?? ''];
    expect(comparable(mineBody, run, fast.orgId, mineIds)).toEqual(
      comparable(theirBody, `${run}p`, plain.orgId, theirIds),
    );
    expect(comparable(mineRows, run, fast.orgId, mineIds)).toEqual(
      comparable(theirRows, `${run}p`, plain.orgId, theirIds),
    );
    expect(mineRows.audit.map((event) => event.action)).toEqual(['scim.user-provisioned']);
  });

  it('deactivates as the plugin does: sessions end, the account is flagged, the membership stays', async () => {
    const run = unique();
    const results = [];
    for (const [org, send, suffix] of [
      [fast, fast.scim, ''],
      [plain, viaPlugin(plain), 'p'],
    ] as const) {
      const created = await send('POST', '/Users', oktaUser(`${run}${suffix}`));
      const { id } = (await created.json()) as { id: string };
      const rows = await rowsBehind(id);
      await t.database.db.insert(session).values({
        id: `s-${run}${suffix}`,
        token: `token-${run}${suffix}`,
        userId: rows.account?.id ?? '',
        expiresAt: new Date(Date.now() + 3_600_000),
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      const patched = await send('PATCH', `/Users/${id}`, deactivation);
      expect(patched.status).toBe(200);
      const body = await patched.json();
      const after = await rowsBehind(id);
      const sessions = await t.database.db
        .select()
        .from(session)
        .where(eq(session.userId, after.account?.id ?? ''));
      expect(sessions).toHaveLength(0);
      expect(after.account?.deactivatedAt).toBeInstanceOf(Date);
      const ids = [org.tokenId, id, after.account?.id ?? '', after.subject?.id ?? ''];
      results.push(comparable({ body, after }, `${run}${suffix}`, org.orgId, ids));
    }
    expect(results[0]).toEqual(results[1]);
  });

  it('leaves to the plugin what it does not take, and the plugin reads what it wrote', async () => {
    const run = unique();
    const created = await fast.scim('POST', '/Users', oktaUser(run));
    const resource = (await created.json()) as { id: string };
    const plugin = viaPlugin(fast);
    expect(await (await plugin('GET', `/Users/${resource.id}`)).json()).toEqual(resource);
    for (const filter of [
      `emails.value eq "jane.home.${run}@example.com"`,
      `externalId eq "00u${run}"`,
      `userName eq "JANE.FAST.${run}@EXAMPLE.COM"`,
    ]) {
      const list = (await (await plugin('GET', `/Users?filter=${encodeURIComponent(filter)}`)).json()) as {
        Resources: { id: string }[];
      };
      expect(
        list.Resources.map((found) => found.id),
        filter,
      ).toEqual([resource.id]);
    }
    // The same userName again: taken, so the plugin's 409.
    const again = await fast.scim('POST', '/Users', { ...oktaUser(run), externalId: `other${run}` });
    expect(again.status).toBe(409);
    // Already inactive? The plugin's no-change answer; active again through the fast path.
    expect((await fast.scim('PATCH', `/Users/${resource.id}`, deactivation)).status).toBe(200);
    expect((await fast.scim('PATCH', `/Users/${resource.id}`, deactivation)).status).toBe(200);
    const reactivated = await fast.scim('PATCH', `/Users/${resource.id}`, {
      ...deactivation,
      Operations: [{ op: 'Replace', path: 'active', value: 'True' }],
    });
    expect(reactivated.status).toBe(200);
    const rows = await rowsBehind(resource.id);
    expect(rows.account?.deactivatedAt).toBeNull();
    expect(rows.audit.map((event) => event.action).sort()).toEqual([
      'scim.user-changed',
      'scim.user-deactivated',
      // The plugin's no-change answer is recorded too, as before (scim-after-hook.ts).
      'scim.user-deactivated',
      'scim.user-provisioned',
    ]);
  });

  it('answers 401 from the first request after a revocation, though it remembers the token', async () => {
    const org = await createScimOrg(t, 'Soon Revoked');
    const run = unique();
    const created = await org.scim('POST', '/Users', oktaUser(run));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const filter = encodeURIComponent(`userName eq "jane.fast.${run}@example.com"`);
    // Answered by the fast path, which now remembers the token's organization.
    expect((await org.scim('GET', `/Users?filter=${filter}`)).status).toBe(200);
    const revoked = await org.owner.request(`/api/v1/orgs/${org.slug}/scim-tokens/${org.tokenId}`, {
      method: 'DELETE',
    });
    expect(revoked.status).toBe(200);
    expect((await org.scim('GET', `/Users?filter=${filter}`)).status).toBe(401);
    expect((await org.scim('PATCH', `/Users/${id}`, deactivation)).status).toBe(401);
    expect((await org.scim('POST', '/Users', oktaUser(unique()))).status).toBe(401);
    const [person] = await t.database.db
      .select({ deactivatedAt: user.deactivatedAt })
      .from(user)
      .innerJoin(scimUser, eq(scimUser.userId, user.id))
      .where(eq(scimUser.id, id));
    expect(person?.deactivatedAt).toBeNull();
  });
});
