import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signInThroughProvider,
  startOidcProvider,
  type TestOidcProvider,
} from '../../../test/support/oidc-provider';
import { startSamlIdp, type TestSamlIdp } from '../../../test/support/saml-idp';
import {
  approve,
  arriveAtCorner,
  type Browser,
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
import { authenticateAccessToken } from '../access-tokens/authenticate-access-token';
import { account, auditEvents, user } from '../db/schema';

// Account pre-hijacking: Mallory signs up with a password for vera@acme before Vera ever used Corner
// (Corner does not verify addresses, so nothing stops her). When Vera first signs in through Acme's
// identity provider, the account is hers: nothing Mallory set up may still open it.
let t: TestApp;
let oidc: TestOidcProvider;
let saml: TestSamlIdp;
let owner: Member;
let slug: string;
let oidcDomain: string;
let samlDomain: string;
let samlSp: { acsUrl: string; entityId: string };

const PASSWORD = 'correct-horse-battery';

beforeAll(async () => {
  oidc = await startOidcProvider({ corner: BASE_URL });
  saml = startSamlIdp();
  t = await createTestApp(new Date(), { identityProviderOrigins: [oidc.origin] });
  owner = await signUp(t, 'Olga Owner');
  slug = await newOrg(owner, 'Acme');
  oidcDomain = uniqueDomain('prehijack-oidc');
  await registerOidc(owner, slug, {
    domain: oidcDomain,
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
  });
  await approve(t, slug, oidcDomain);
  samlDomain = uniqueDomain('prehijack-saml');
  const created = await owner.request(`/api/v1/orgs/${slug}/sso-providers/saml`, {
    method: 'POST',
    body: { domain: samlDomain, metadataXml: saml.metadataXml },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const body = (await created.json()) as { redirectUrl: string; spEntityId: string };
  samlSp = { acsUrl: body.redirectUrl, entityId: body.spEntityId };
  await approve(t, slug, samlDomain);
});
afterAll(async () => {
  await t.close();
  await oidc.close();
});

const passwordSignIn = (email: string) =>
  t.app.request(
    '/api/auth/sign-in/email',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE_URL },
      body: JSON.stringify({ email, password: PASSWORD }),
    },
    fromAddress(uniqueAddress()),
  );

const sessionOf = async (cookie: string) => {
  const response = await t.app.request('/api/auth/get-session', { headers: { cookie } });
  return ((await response.json()) as { user?: { id: string } } | null)?.user ?? null;
};

/** Mallory's account under Vera's address, with every way back in she can set up beforehand. */
async function preHijack(email: string) {
  const mallory = await signUp(t, 'Vera (not really)', 'UTC', email);
  const token = await mallory.request('/api/v1/access-tokens', { method: 'POST', body: { name: 'my tool' } });
  expect(token.status).toBe(201);
  const feed = await mallory.request('/api/v1/calendar-feed', { method: 'POST' });
  expect(feed.status).toBe(201);
  expect((await passwordSignIn(email)).status).toBe(200);
  return {
    mallory,
    accessToken: ((await token.json()) as { token: string }).token,
    feedPath: new URL(((await feed.json()) as { url: string }).url).pathname,
  };
}

async function expectLockedOut(
  email: string,
  victim: Browser,
  planted: Awaited<ReturnType<typeof preHijack>>,
) {
  // Vera is in, in the account that carries her address.
  expect(hasSession(victim)).toBe(true);
  const landed = await sessionUser(t, victim);
  expect(landed?.email).toBe(email);
  // Mallory's password, her open session, her tool token and her calendar link no longer work.
  const password = await passwordSignIn(email);
  expect(password.status).toBe(401);
  expect(await sessionOf(planted.mallory.cookie)).toBeNull();
  await expect(authenticateAccessToken(t.database.db, planted.accessToken, new Date())).rejects.toMatchObject(
    {
      status: 401,
    },
  );
  expect((await t.app.request(planted.feedPath)).status).toBe(404);
  // Vera's own session is untouched by the clean-up, and the address now counts as verified.
  expect((await sessionUser(t, victim))?.id).toBe(landed?.id);
  const [row] = await t.database.db.select().from(user).where(eq(user.email, email));
  expect(row?.emailVerified).toBe(true);
  const providers = await t.database.db
    .select({ providerId: account.providerId })
    .from(account)
    .where(eq(account.userId, row?.id ?? ''));
  expect(providers.map((p) => p.providerId)).not.toContain('credential');
  const events = await t.database.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.target, `user:${row?.id}`));
  expect(events.map((event) => event.action)).toContain('account.claimed-through-sso');
}

describe('an account made in advance under someone else’s address', () => {
  it('is closed to its maker once the real owner signs in through OIDC', async () => {
    const email = `vera@${oidcDomain}`;
    const planted = await preHijack(email);
    const victim = newBrowser();
    const { url } = await startSsoSignIn(t, victim, email);
    if (!url) throw new Error('the address was not routed to SSO');
    await arriveAtCorner(t, victim, await signInThroughProvider(url, email));
    await expectLockedOut(email, victim, planted);
  });

  it('is closed to its maker once the real owner signs in through SAML', async () => {
    const email = `vera@${samlDomain}`;
    const planted = await preHijack(email);
    const victim = newBrowser();
    const { url } = await startSsoSignIn(t, victim, email);
    if (!url) throw new Error('the address was not routed to SSO');
    const form = await saml.respond(url, email, samlSp);
    await arriveAtCorner(t, victim, new URL(samlSp.acsUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: new URL(saml.entityId).origin,
      },
      body: new URLSearchParams(form).toString(),
    });
    await expectLockedOut(email, victim, planted);
  });

  it('a later sign-in through the provider ends nobody’s session', async () => {
    const email = `wanda@${oidcDomain}`;
    const first = newBrowser();
    const started = await startSsoSignIn(t, first, email);
    if (!started.url) throw new Error('not routed to SSO');
    await arriveAtCorner(t, first, await signInThroughProvider(started.url, email));
    const second = newBrowser();
    const again = await startSsoSignIn(t, second, email);
    if (!again.url) throw new Error('not routed to SSO');
    await arriveAtCorner(t, second, await signInThroughProvider(again.url, email));
    expect(await sessionUser(t, first)).not.toBeNull();
    expect(await sessionUser(t, second)).not.toBeNull();
  });
});
