import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/support/free-port';
import { startOidcProvider, type TestOidcProvider } from '../test/support/oidc-provider';
import { startSamlIdp } from '../test/support/saml-idp';
import { launchBrowser, newPage } from './support/browser';
import { submitSignUp, visitAtBothWidths } from './support/journey';
import { type RunningServer, startServer } from './support/start-server';

// Issue 14's acceptance journey against a real OpenID provider (oidc-provider), real Chromium and
// PostgreSQL: an org admin registers the provider on the organization page, the operator approves its
// domain with `corner sso approve-domain` (the embedded database is locked by the running server, so
// this journey shares PostgreSQL between the server and the CLI), a new person on that domain signs in
// on the provider's own login page and lands in the organization; once the admin requires single
// sign-on, password sign-in and sign-up for the domain are refused with the sentence that says why.
const ROOT = path.resolve(import.meta.dirname, '..');
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const shots = process.env.CORNER_SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'corner-sso-journey');
// The test PostgreSQL database is shared by every run: this journey's organization and domain are its own.
const run = `${process.pid}-${Date.now().toString(36)}`;
const slug = `sso-e2e-${run}`;
const domain = `acme-${run}.test`;
const ORG_NAME = 'Acme Mentoring';
const refusalSentence = `${ORG_NAME} signs its people in through its own identity provider, so addresses on this domain cannot use a password here.`;

let server: RunningServer;
let browser: Browser;
let idp: TestOidcProvider;

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  // The provider's port comes first: the server must know its origin (a private, loopback IdP) at start,
  // and the provider must know the server's URL to accept Corner's callback.
  const idpPort = await freePort();
  server = await startServer({
    env: { DATABASE_URL, SSO_PRIVATE_IDP_ORIGINS: `http://127.0.0.1:${idpPort}` },
  });
  idp = await startOidcProvider({ corner: server.url, port: idpPort });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.close();
});

function corner(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/corner.js', ...args],
      { cwd: ROOT, env: { ...process.env, CORNER_DATA_DIR: server.dataDir, DATABASE_URL, NO_COLOR: '1' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('single sign-on through a real OpenID provider', () => {
  let admin: Awaited<ReturnType<typeof newPage>>;
  let redirectUri = '';

  it('an org admin registers the provider on the organization page; it waits for the operator', async () => {
    admin = await newPage(browser, { baseURL: server.url });
    const { page } = admin;
    await submitSignUp(page, 'Olga Owner', `olga.${run}@example.test`);
    await page.getByRole('heading', { name: 'Hello, Olga' }).waitFor();

    await page.goto('/orgs');
    await page.getByLabel('Organization name').fill(ORG_NAME);
    await page.getByLabel('Short address (slug)').fill(slug);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { level: 1, name: ORG_NAME }).waitFor();
    await page.getByRole('heading', { name: 'Single sign-on' }).waitFor();
    await visitAtBothWidths(page, shots, 'organization-sso-empty');

    const oidcForm = page.getByRole('region', { name: 'Add an OpenID Connect provider' });
    await oidcForm.getByLabel('E-mail domain').fill(domain);
    await oidcForm.getByLabel('Issuer URL').fill(idp.issuer);
    await oidcForm.getByLabel('Client ID').fill(idp.clientId);
    await oidcForm.getByLabel('Client secret').fill(idp.clientSecret);
    await oidcForm.getByRole('button', { name: 'Add provider' }).click();
    const row = page.getByRole('row').filter({ hasText: domain });
    await row.getByText('Waiting for the operator to approve the domain').waitFor();
    redirectUri = (await row.locator('code').textContent()) ?? '';
    // The URI the admin hands the provider: Corner's OIDC callback for this provider.
    expect(redirectUri.startsWith(`${server.url}/api/auth/sso/callback/`)).toBe(true);
    await visitAtBothWidths(page, shots, 'organization-sso-waiting');
  }, 120_000);

  it('the admin registers a SAML provider too: a wrong field is named beside it, then it is listed', async () => {
    const { page } = admin;
    const samlIdp = startSamlIdp();
    const samlDomain = `saml-${run}.test`;
    const section = page.getByRole('region', { name: 'Add a SAML 2.0 provider' });
    await section.getByLabel('E-mail domain').fill(samlDomain);
    await section.getByLabel('Identity provider entity ID').fill(samlIdp.entityId);
    await section.getByLabel('Sign-in (SSO) URL').fill('not a url');
    await section.getByRole('button', { name: 'Add SAML provider' }).click();
    // Mantine ties a field's error to it (aria-describedby): each sentence is read beside its field.
    const errorOf = async (label: string) => {
      const field = section.getByLabel(label);
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
      const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
      return texts.join(' ');
    };
    const ssoUrl = section.getByLabel('Sign-in (SSO) URL');
    expect(await errorOf('Sign-in (SSO) URL')).toContain('must be the identity provider’s sign-in URL');
    expect(await errorOf('Signing certificate (PEM)')).toContain('is required');

    await ssoUrl.fill('');
    await section.getByLabel('Identity provider entity ID').fill('');
    await section.getByLabel('Identity provider metadata XML').fill(samlIdp.metadataXml);
    await section.getByRole('button', { name: 'Add SAML provider' }).click();
    const row = page.getByRole('row').filter({ hasText: samlDomain });
    await row.getByText('Waiting for the operator to approve the domain').waitFor();
    const [acsUrl, spMetadataUrl] = await row.locator('code').allTextContents();
    expect(acsUrl?.startsWith(`${server.url}/api/auth/sso/saml2/sp/acs/`)).toBe(true);
    expect(spMetadataUrl?.startsWith(`${server.url}/api/auth/sso/saml2/sp/metadata?providerId=`)).toBe(true);
    // The metadata address answers with Corner's SP metadata, for the identity provider to read.
    const metadata = await page.request.get(spMetadataUrl ?? '');
    expect(metadata.status()).toBe(200);
    expect(await metadata.text()).toContain(acsUrl ?? 'missing');
    await visitAtBothWidths(page, shots, 'organization-sso-saml-waiting');
  }, 120_000);

  it('before the operator approves the domain, its addresses still get the password field', async () => {
    const { page, context, errors } = await newPage(browser, { baseURL: server.url });
    await page.goto('/sign-in');
    await page.getByLabel(/^Email/).fill(`early.${run}@${domain}`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel(/^Password/).waitFor();
    expect(page.url().startsWith(server.url)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('the operator approves the domain with the CLI, and the admin sees the provider in use', async () => {
    const approved = await corner(['sso', 'approve-domain', '--org', slug, '--domain', domain]);
    expect(approved.stderr).toBe('');
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(`Approved ${domain} for ${slug}`);

    const { page } = admin;
    await page.reload();
    await page.getByRole('row').filter({ hasText: domain }).getByText('In use').waitFor();
    await visitAtBothWidths(page, shots, 'organization-sso-approved');
  }, 60_000);

  it('a new person signs in through the provider’s own page and lands in the organization', async () => {
    const email = `ana.lima.${run}@${domain}`;
    const { page, context, errors } = await newPage(browser, { baseURL: server.url });
    const callbacks: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(redirectUri)) callbacks.push(request.url());
    });
    await page.goto('/sign-in');
    await visitAtBothWidths(page, shots, 'sign-in-email-first');
    await page.getByLabel(/^Email/).fill(email);
    expect(errors).toEqual([]);
    await page.getByRole('button', { name: 'Continue' }).click();

    // The provider's own login page (oidc-provider's interaction pages), in the same browser.
    await page.waitForURL((url) => url.origin === idp.origin);
    const login = page.locator('input[name="login"]');
    await login.waitFor();
    await login.fill(email);
    await page.locator('input[name="password"]').fill('any-password');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click(); // the provider's consent page

    await page.waitForURL((url) => url.origin === server.url && url.pathname === '/');
    await page.getByRole('heading', { name: /^Hello, Ana/ }).waitFor();
    // The provider's development pages log their own failures (web fonts it cannot reach offline);
    // from here on every page is Corner's again, and none of them may log an error.
    errors.length = 0;
    // Corner was called back at exactly the redirect URI the admin was shown.
    expect(callbacks.length).toBeGreaterThan(0);
    expect(new URL(callbacks[0] ?? '').pathname).toBe(new URL(redirectUri).pathname);
    await visitAtBothWidths(page, shots, 'home-after-sso');

    await page.goto('/orgs');
    const membership = page.getByRole('article').filter({ hasText: ORG_NAME });
    await membership.getByText('Your role: member').waitFor();
    await visitAtBothWidths(page, shots, 'orgs-after-sso');

    // The session is a real one: the API knows who this is.
    const session = await context.request.get('/api/auth/get-session');
    expect(((await session.json()) as { user: { email: string } }).user.email).toBe(email);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('with single sign-on required, password sign-in and sign-up for the domain are refused', async () => {
    // A password account on the domain made before the requirement: it works until the switch is on.
    const early = await newPage(browser, { baseURL: server.url });
    const patEmail = `pat.${run}@${domain}`;
    await submitSignUp(early.page, 'Pat Password', patEmail);
    await early.page.getByRole('heading', { name: 'Hello, Pat' }).waitFor();
    await early.context.close();

    const { page } = admin;
    const requireSwitch = page.getByRole('switch', { name: /Require single sign-on/ });
    await expect.poll(() => requireSwitch.isChecked()).toBe(false);
    // The keyboard way: focus the switch and press Space.
    await requireSwitch.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => requireSwitch.isChecked()).toBe(true);
    await page.reload();
    await expect
      .poll(() => page.getByRole('switch', { name: /Require single sign-on/ }).isChecked())
      .toBe(true);
    await visitAtBothWidths(page, shots, 'organization-sso-required');

    const refused = await newPage(browser, { baseURL: server.url });
    // A script posting the password straight to the endpoint is refused like the page is.
    const attempt = await refused.context.request.post('/api/auth/sign-in/email', {
      data: { email: patEmail, password: 'a-long-password' },
      headers: { origin: server.url },
    });
    expect(attempt.status()).toBe(403);
    expect(((await attempt.json()) as { message: string }).message).toContain(refusalSentence);

    // The sign-up page says the sentence to a newcomer on the domain, and no account is made.
    await submitSignUp(refused.page, 'Nia Newcomer', `nia.${run}@${domain}`);
    await refused.page.getByText(refusalSentence).waitFor();
    await visitAtBothWidths(refused.page, shots, 'sign-up-refused-sso-required');
    const session = await refused.context.request.get('/api/auth/get-session');
    expect(await session.json()).toBeNull();
    // The refused request itself is logged as a failed resource; nothing else may go wrong.
    expect(refused.errors.filter((line) => !line.includes('status of 403'))).toEqual([]);
    // The SAML form's refused first try (422) is the only failed request the admin's page saw.
    expect(admin.errors.filter((line) => !line.includes('status of 422'))).toEqual([]);
    await refused.context.close();
    await admin.context.close();
  }, 120_000);
});
