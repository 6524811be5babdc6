import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AssertionChanges,
  newSigningKey,
  startSamlIdp,
  type TestSamlIdp,
} from '../../../test/support/saml-idp';
import {
  approve,
  arriveAtCorner,
  type Browser,
  hasSession,
  newBrowser,
  newOrg,
  refusal,
  sessionUser,
  startSsoSignIn,
  uniqueDomain,
} from '../../../test/support/sso-fixture';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { user } from '../db/schema';

// Sign-in through a SAML identity provider (samlify issuing signed assertions), and the refusals.
let t: TestApp;
let idp: TestSamlIdp;
let owner: Member;
let slug: string;
let domain: string;
let corner: { acsUrl: string; entityId: string };

beforeAll(async () => {
  idp = startSamlIdp();
  t = await createTestApp(new Date());
  owner = await signUp(t, 'Olga Owner');
  slug = await newOrg(owner, 'Acme SAML');
  domain = uniqueDomain('saml');
  const response = await owner.request(`/api/v1/orgs/${slug}/sso-providers/saml`, {
    method: 'POST',
    body: { domain, metadataXml: idp.metadataXml },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const created = (await response.json()) as { redirectUrl: string; spEntityId: string; identifier: string };
  expect(created.identifier).toBe(idp.entityId);
  corner = { acsUrl: created.redirectUrl, entityId: created.spEntityId };
  await approve(t, slug, domain);
});
afterAll(() => t.close());

function post(browser: Browser, form: { SAMLResponse: string; RelayState: string }) {
  return arriveAtCorner(t, browser, new URL(corner.acsUrl), {
    method: 'POST',
    // The identity provider's page posts the form, so the browser names the IdP as its origin.
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(idp.entityId).origin },
    body: new URLSearchParams(form).toString(),
  });
}

async function signIn(email: string, changes?: AssertionChanges) {
  const browser = newBrowser();
  const { url } = await startSsoSignIn(t, browser, email);
  if (!url) throw new Error('not routed to SSO');
  const form = await idp.respond(url, email, corner, changes);
  return { browser, form, response: await post(browser, form) };
}

describe('SAML sign-in', () => {
  it('creates the person, makes them a member and opens a session', async () => {
    const email = `sam.saml@${domain}`;
    const { browser, response } = await signIn(email);
    expect(response.status).toBe(302);
    expect(refusal(response)).toMatchObject({ path: '/', error: null });
    expect(hasSession(browser)).toBe(true);
    expect((await sessionUser(t, browser))?.email).toBe(email);
    const members = await owner.request(`/api/v1/orgs/${slug}/members`);
    const list = ((await members.json()) as { members: { email: string; role: string }[] }).members;
    expect(list.find((row) => row.email === email)?.role).toBe('member');
  });
});

describe('a SAML provider registered from its entity ID, sign-in URL and certificate', () => {
  it('signs people in like one registered from metadata, and names the wrong field', async () => {
    const fieldsDomain = uniqueDomain('saml-fields');
    const certificate = /<(?:ds:)?X509Certificate>([^<]+)</.exec(idp.metadataXml)?.[1] ?? '';
    const input = {
      domain: fieldsDomain,
      idpEntityId: idp.entityId,
      ssoUrl: `${idp.entityId}/sso`,
      certificate,
    };
    const refused = await owner.request(`/api/v1/orgs/${slug}/sso-providers/saml`, {
      method: 'POST',
      body: { ...input, ssoUrl: 'not a url', certificate: '' },
    });
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['certificate', 'ssoUrl']);
    const badCertificate = await owner.request(`/api/v1/orgs/${slug}/sso-providers/saml`, {
      method: 'POST',
      body: { ...input, certificate: 'MIIBnotacertificate' },
    });
    expect(badCertificate.status).toBe(422);
    expect(await badCertificate.json()).toMatchObject({
      code: 'invalid-saml-certificate',
      field: 'certificate',
    });

    const created = await owner.request(`/api/v1/orgs/${slug}/sso-providers/saml`, {
      method: 'POST',
      body: input,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const provider = (await created.json()) as {
      redirectUrl: string;
      spEntityId: string;
      identifier: string;
    };
    expect(provider.identifier).toBe(idp.entityId);
    await approve(t, slug, fieldsDomain);
    const email = `fay.fields@${fieldsDomain}`;
    const browser = newBrowser();
    const { url } = await startSsoSignIn(t, browser, email);
    if (!url) throw new Error('not routed to SSO');
    const sp = { acsUrl: provider.redirectUrl, entityId: provider.spEntityId };
    const form = await idp.respond(url, email, sp);
    await arriveAtCorner(t, browser, new URL(sp.acsUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(idp.entityId).origin },
      body: new URLSearchParams(form).toString(),
    });
    expect((await sessionUser(t, browser))?.email).toBe(email);
  });
});

describe('SAML sign-in refused, with no session', () => {
  it.each<[string, () => AssertionChanges]>([
    [
      'an assertion without its own signature (only the envelope signed)',
      () => ({ unsignedAssertion: true }),
    ],
    ['an assertion signed with a key not in the metadata', () => ({ signWith: newSigningKey() })],
    [
      'an assertion for another service provider (audience)',
      () => ({ audience: 'https://other-sp.example' }),
    ],
    ['an expired assertion', () => ({ validForSeconds: -600 })],
  ])('%s', async (_name, changes) => {
    const email = `mallory.${Date.now()}@${domain}`;
    const { browser, response } = await signIn(email, changes());
    expect(response.status).toBe(302);
    expect(refusal(response).error).not.toBeNull();
    expect(hasSession(browser)).toBe(false);
    expect(await t.database.db.select().from(user).where(eq(user.email, email))).toHaveLength(0);
  });

  it('a replayed assertion (its ID already used)', async () => {
    const email = `rita.replay@${domain}`;
    const first = await signIn(email);
    expect(hasSession(first.browser)).toBe(true);
    // The same signed assertion posted again, as an attacker who captured it would.
    const attacker = newBrowser();
    const replayed = await post(attacker, first.form);
    expect(replayed.status).toBe(302);
    expect(refusal(replayed).error).not.toBeNull();
    expect(hasSession(attacker)).toBe(false);
  });

  it('a fresh sign-in that reuses an assertion ID already seen', async () => {
    const email = `ian.id@${domain}`;
    const used = await signIn(email);
    expect(hasSession(used.browser)).toBe(true);
    const again = await signIn(email, { assertionId: used.form.assertionId });
    expect(refusal(again.response)).toMatchObject({ error: 'replay_detected' });
    expect(hasSession(again.browser)).toBe(false);
  });
});
