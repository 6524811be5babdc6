import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signInThroughProvider,
  startOidcProvider,
  type TestOidcProvider,
} from '../../../test/support/oidc-provider';
import {
  approve,
  arriveAtCorner,
  hasSession,
  newBrowser,
  newOrg,
  registerOidc,
  sessionUser,
  startSsoSignIn,
  uniqueDomain,
} from '../../../test/support/sso-fixture';
import {
  BASE_URL,
  createTestApp,
  fromAddress,
  type Member,
  signUp,
  type TestApp,
  uniqueAddress,
} from '../../../test/support/test-app';
import { account, auditEvents, organization } from '../db/schema';

// Registering identity providers: who may (PRODUCT.md §3), what is never shown, what is audited,
// the account-takeover rule, and "require SSO".
let t: TestApp;
let idp: TestOidcProvider;
let owner: Member;
let admin: Member;
let coordinator: Member;
let plain: Member;
let outsider: Member;
let slug: string;

const oidcInput = (domain: string) => ({
  domain,
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
});
const addMember = (email: string, role: string) =>
  owner.request(`/api/v1/orgs/${slug}/members`, { method: 'POST', body: { email, role } });

beforeAll(async () => {
  idp = await startOidcProvider({ corner: BASE_URL });
  t = await createTestApp(new Date(), { identityProviderOrigins: [idp.origin] });
  owner = await signUp(t, 'Olga Owner');
  admin = await signUp(t, 'Adam Admin');
  coordinator = await signUp(t, 'Cora Coordinator');
  plain = await signUp(t, 'Mel Member');
  outsider = await signUp(t, 'Otto Outsider');
  slug = await newOrg(owner, 'Acme');
  expect((await addMember(admin.email, 'admin')).status).toBe(201);
  expect((await addMember(coordinator.email, 'coordinator')).status).toBe(201);
  expect((await addMember(plain.email, 'member')).status).toBe(201);
});
afterAll(async () => {
  await t.close();
  await idp.close();
});

describe('who registers identity providers', () => {
  it.each([
    ['owner', () => owner, 201],
    ['admin', () => admin, 201],
    ['coordinator', () => coordinator, 403],
    ['member', () => plain, 403],
    ['someone outside the organization', () => outsider, 404],
  ])('the %s gets %i', async (_role, who, status) => {
    const response = await who().request(`/api/v1/orgs/${slug}/sso-providers/oidc`, {
      method: 'POST',
      body: oidcInput(uniqueDomain()),
    });
    expect(response.status).toBe(status);
    const list = await who().request(`/api/v1/orgs/${slug}/sso-providers`);
    expect(list.status).toBe(status === 201 ? 200 : status);
  });

  it('refuses without a session', async () => {
    const response = await t.app.request(`/api/v1/orgs/${slug}/sso-providers`, {
      headers: { origin: BASE_URL },
    });
    expect(response.status).toBe(401);
  });

  it('keeps better-auth’s own registration endpoints closed', async () => {
    for (const path of ['/api/auth/sso/register', '/api/auth/sso/providers', '/api/auth/sso/verify-domain']) {
      const response = await owner.request(path, { method: 'POST', body: { providerId: 'x' } });
      expect(response.status, path).toBe(404);
    }
  });

  it('never returns the client secret, and audits the registration and removal', async () => {
    const domain = uniqueDomain();
    const created = await registerOidc(admin, slug, oidcInput(domain));
    expect(JSON.stringify(created)).not.toContain(idp.clientSecret);
    expect(created.redirectUrl).toBe(`${BASE_URL}/api/auth/sso/callback/${created.providerId}`);
    const list = await admin.request(`/api/v1/orgs/${slug}/sso-providers`);
    expect(await list.text()).not.toContain(idp.clientSecret);
    const removed = await coordinator.request(`/api/v1/orgs/${slug}/sso-providers/${created.providerId}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(403);
    expect(
      (await admin.request(`/api/v1/orgs/${slug}/sso-providers/${created.providerId}`, { method: 'DELETE' }))
        .status,
    ).toBe(200);
    const events = await t.database.db
      .select({ action: auditEvents.action, actor: auditEvents.actorId, meta: auditEvents.meta })
      .from(auditEvents)
      .where(eq(auditEvents.target, `sso-provider:${created.providerId}`));
    expect(events.map((event) => event.action).sort()).toEqual([
      'sso-provider.created',
      'sso-provider.deleted',
    ]);
    expect(events.every((event) => event.actor === admin.userId)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(idp.clientSecret);
  });

  it.each([
    ['a domain that is not one', () => ({ domain: 'not a domain' }), 'domain'],
    ['an issuer that is not a URL', () => ({ issuer: 'acme' }), 'issuer'],
    ['an issuer with no OpenID configuration', () => ({ issuer: `${idp.issuer}/nothing-here` }), 'issuer'],
  ])('answers %s with a 422 naming the field', async (_name, change, field) => {
    const body = { ...oidcInput(uniqueDomain()), ...change() };
    const response = await owner.request(`/api/v1/orgs/${slug}/sso-providers/oidc`, { method: 'POST', body });
    expect(response.status).toBe(422);
    expect(
      ((await response.json()) as { field?: string; errors?: { field: string }[] }).field ?? '',
    ).toContain(field);
  });

  it('refuses SAML metadata that is not metadata, with a sentence', async () => {
    const response = await owner.request(`/api/v1/orgs/${slug}/sso-providers/saml`, {
      method: 'POST',
      body: { domain: uniqueDomain(), metadataXml: '<html>hello</html>' },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'invalid-saml-metadata', field: 'metadataXml' });
  });
});

describe('an org admin cannot take over accounts by claiming a domain', () => {
  it('a provider the operator has not approved routes nobody and signs nobody in', async () => {
    const domain = uniqueDomain('victim-corp');
    const victim = await signUp(t, 'Vera Victim', 'UTC', `vera@${domain}`);
    // Mallory runs her own organization and her own identity provider, and claims Vera's domain.
    const mallory = await signUp(t, 'Mallory');
    const malloryOrg = await newOrg(mallory, 'Mallory Inc');
    const claimed = await registerOidc(mallory, malloryOrg, oidcInput(domain));
    expect(claimed.approved).toBe(false);

    const { route } = await startSsoSignIn(t, newBrowser(), victim.email);
    expect(route).toEqual({ method: 'password' });
    // Going straight to better-auth with the provider id does not help either.
    const direct = await t.app.request(
      '/api/auth/sign-in/sso',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE_URL },
        body: JSON.stringify({ providerId: claimed.providerId, callbackURL: '/' }),
      },
      fromAddress(uniqueAddress()),
    );
    expect(direct.status).toBe(401);
    const linked = await t.database.db.select().from(account).where(eq(account.userId, victim.userId));
    expect(linked.map((row) => row.providerId)).toEqual(['credential']);
  });

  it('a domain approved for one organization cannot be claimed by another', async () => {
    const domain = uniqueDomain('held');
    await registerOidc(owner, slug, oidcInput(domain));
    await approve(t, slug, domain);
    const mallory = await signUp(t, 'Mallory Again');
    const malloryOrg = await newOrg(mallory, 'Mallory Two');
    const response = await mallory.request(`/api/v1/orgs/${malloryOrg}/sso-providers/oidc`, {
      method: 'POST',
      body: oidcInput(domain),
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'sso-domain-taken', field: 'domain' });
    await expect(approve(t, malloryOrg, domain)).rejects.toThrow(/another organization|identity provider/);
  });

  it('once the operator approved the domain, an existing account is linked and joins the organization', async () => {
    const domain = uniqueDomain('linked');
    const existing = await signUp(t, 'Lena Linked', 'UTC', `lena@${domain}`);
    await registerOidc(owner, slug, oidcInput(domain));
    await approve(t, slug, domain);
    const browser = newBrowser();
    const { url } = await startSsoSignIn(t, browser, existing.email);
    if (!url) throw new Error('not routed to SSO');
    await arriveAtCorner(t, browser, await signInThroughProvider(url, existing.email));
    expect(hasSession(browser)).toBe(true);
    expect((await sessionUser(t, browser))?.id).toBe(existing.userId);
    const joined = await owner.request(`/api/v1/orgs/${slug}/members`);
    const members = ((await joined.json()) as { members: { userId: string; role: string }[] }).members;
    expect(members.find((row) => row.userId === existing.userId)?.role).toBe('member');
  });
});

describe('require SSO', () => {
  let domain: string;
  beforeAll(async () => {
    domain = uniqueDomain('strict');
    await registerOidc(owner, slug, oidcInput(domain));
  });

  const passwordSignIn = (email: string, path = '/api/auth/sign-in/email') =>
    t.app.request(
      path,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE_URL },
        body: JSON.stringify({ email, password: 'correct-horse-battery', name: 'Someone' }),
      },
      fromAddress(uniqueAddress()),
    );

  it('cannot be switched on before the operator approved a domain', async () => {
    const other = await newOrg(owner, 'Not Ready');
    await registerOidc(owner, other, oidcInput(uniqueDomain()));
    const response = await owner.request(`/api/v1/orgs/${other}/sso-required`, {
      method: 'PUT',
      body: { required: true },
    });
    expect(response.status).toBe(409);
  });

  it('is for owners and admins only', async () => {
    const response = await coordinator.request(`/api/v1/orgs/${slug}/sso-required`, {
      method: 'PUT',
      body: { required: true },
    });
    expect(response.status).toBe(403);
  });

  it('refuses password sign-in and sign-up for the domain, saying why and where to go', async () => {
    const person = await signUp(t, 'Petra Password', 'UTC', `petra@${domain}`);
    await approve(t, slug, domain);
    expect((await passwordSignIn(person.email)).status).toBe(200);
    const set = await admin.request(`/api/v1/orgs/${slug}/sso-required`, {
      method: 'PUT',
      body: { required: true },
    });
    expect(set.status).toBe(200);
    const [org] = await t.database.db.select().from(organization).where(eq(organization.slug, slug));
    expect(org?.ssoRequired).toBe(true);

    const refused = await passwordSignIn(person.email);
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { code: string; message: string };
    expect(body.code).toBe('SSO_REQUIRED');
    expect(body.message).toContain('Acme signs its people in through its own identity provider');
    expect(body.message).toContain('work address');
    expect((await passwordSignIn(`new.person@eu.${domain}`, '/api/auth/sign-up/email')).status).toBe(403);
    // Other addresses are not touched.
    expect((await passwordSignIn(outsider.email)).status).toBe(200);

    const events = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.orgId, org?.id ?? ''));
    expect(events.map((event) => event.action)).toContain('sso-required.changed');
  });
});
