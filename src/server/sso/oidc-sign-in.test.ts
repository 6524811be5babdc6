import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  foreignKey,
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
  refusal,
  registerOidc,
  sessionUser,
  startSsoSignIn,
  uniqueDomain,
} from '../../../test/support/sso-fixture';
import { BASE_URL, createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { auditEvents, member, organization, user } from '../db/schema';

// Sign-in through a real OpenID provider (oidc-provider on a free port), and the ways it must fail.
let t: TestApp;
let idp: TestOidcProvider;
let owner: Member;
let slug: string;
let domain: string;

beforeAll(async () => {
  idp = await startOidcProvider({ corner: BASE_URL });
  t = await createTestApp(new Date(), { identityProviderOrigins: [idp.origin] });
  owner = await signUp(t, 'Olga Owner');
  slug = await newOrg(owner, 'Acme Mentoring');
  domain = uniqueDomain();
  const registered = await registerOidc(owner, slug, {
    domain,
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
  });
  expect(registered.approved).toBe(false);
  await approve(t, slug, domain);
});
afterAll(async () => {
  await t.close();
  await idp.close();
});

async function signInAs(email: string) {
  const browser = newBrowser();
  const { url } = await startSsoSignIn(t, browser, email);
  if (!url) throw new Error('the address was not routed to SSO');
  const back = await signInThroughProvider(url, email);
  return { browser, back, response: await arriveAtCorner(t, browser, back) };
}

async function membershipOf(email: string) {
  const [row] = await t.database.db
    .select({ role: member.role })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(and(eq(user.email, email), eq(organization.slug, slug)));
  return row?.role ?? null;
}

describe('OIDC sign-in', () => {
  it('creates a new person, makes them a member of the organization and opens a session', async () => {
    const email = `ana.lima@${domain}`;
    const { browser, response } = await signInAs(email);
    expect(response.status).toBe(302);
    expect(refusal(response)).toMatchObject({ path: '/', error: null });
    expect(hasSession(browser)).toBe(true);
    expect(await sessionUser(t, browser)).toMatchObject({ email, name: 'Ana Lima' });
    expect(await membershipOf(email)).toBe('member');
    const person = await sessionUser(t, browser);
    const events = await t.database.db
      .select({ action: auditEvents.action, meta: auditEvents.meta })
      .from(auditEvents)
      .where(eq(auditEvents.target, `user:${person?.id}`));
    expect(events).toContainEqual({ action: 'sign-in.succeeded', meta: { method: 'sso' } });
  });

  it('signs the same person in again without a second account', async () => {
    const email = `bo.chen@${domain}`;
    await signInAs(email);
    const again = await signInAs(email);
    expect(hasSession(again.browser)).toBe(true);
    const rows = await t.database.db.select({ id: user.id }).from(user).where(eq(user.email, email));
    expect(rows).toHaveLength(1);
  });

  it('sends an address on another domain to the password field', async () => {
    const { route, url } = await startSsoSignIn(t, newBrowser(), `someone@${uniqueDomain('elsewhere')}`);
    expect(route).toEqual({ method: 'password' });
    expect(url).toBeNull();
  });
});

describe('OIDC sign-in refused, with no session', () => {
  const refusedCases: [
    string,
    (claims: Record<string, unknown>) => ReturnType<Parameters<TestOidcProvider['tamperIdToken']>[0] & {}>,
  ][] = [
    ['an ID token from another issuer', (claims) => ({ claims: { ...claims, iss: 'https://evil.example' } })],
    [
      'an ID token for another client (audience)',
      (claims) => ({ claims: { ...claims, aud: 'another-client' } }),
    ],
    [
      'an ID token signed with a key that is not the provider’s',
      (claims) => ({ claims, signingKey: foreignKey() }),
    ],
  ];
  it.each(refusedCases)('%s', async (_name, tamper) => {
    idp.tamperIdToken(tamper);
    try {
      const email = `mallory.${Date.now()}@${domain}`;
      const { browser, response } = await signInAs(email);
      expect(response.status).toBe(302);
      const refused = refusal(response);
      expect(refused.path).toBe('/sign-in');
      expect(refused.error).toBe('invalid_provider');
      expect(hasSession(browser)).toBe(false);
      expect(await t.database.db.select().from(user).where(eq(user.email, email))).toHaveLength(0);
    } finally {
      idp.tamperIdToken(null);
    }
  });

  it('a replayed callback (state already used)', async () => {
    const email = `replay.${Date.now()}@${domain}`;
    const first = await signInAs(email);
    expect(hasSession(first.browser)).toBe(true);
    // An attacker holding the callback URL, with or without the victim's state cookie.
    const attacker = newBrowser();
    for (const [name, value] of first.browser.cookies)
      if (!name.endsWith('session_token')) attacker.cookies.set(name, value);
    const replayed = await arriveAtCorner(t, attacker, first.back);
    expect(replayed.status).toBe(302);
    expect(refusal(replayed)).toMatchObject({ path: '/sign-in', error: 'state_mismatch' });
    expect(hasSession(attacker)).toBe(false);
  });

  it('an authorization code that expired before Corner redeemed it', async () => {
    idp.setCodeLifetime(1);
    try {
      const email = `late.${Date.now()}@${domain}`;
      const browser = newBrowser();
      const { url } = await startSsoSignIn(t, browser, email);
      if (!url) throw new Error('not routed to SSO');
      const back = await signInThroughProvider(url, email);
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const response = await arriveAtCorner(t, browser, back);
      expect(refusal(response)).toMatchObject({ path: '/sign-in', error: 'invalid_provider' });
      expect(hasSession(browser)).toBe(false);
    } finally {
      idp.setCodeLifetime(60);
    }
  });
});
