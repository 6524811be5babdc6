import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';
import { type RunningServer, startServer } from './support/start-server';

// A guide in a cohort finds "Rank applicants" in their navigation, puts the applicants who fit them in
// order with the keyboard-usable up/down buttons, and saves; the saved order comes back after a reload.
// The cohort is set up through the API; the guide's part happens on the page.
const shots = process.env.CORNER_SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'corner-guide-ranking');
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const members = [
  'email,name,organization,time_zone,languages,formats,goal,skill_gaps,style,structure,seniority',
  'ana@rank.test,Ana Ruiz,Acme,Europe/Berlin,en,video,Run three pricing experiments,pricing (iq),challenging,,mid',
  'dee@rank.test,Dee Lin,Hooli,Europe/Berlin,en,video,Price a platform,pricing (iq),challenging,,early',
].join('\n');
const guides = [
  'email,name,organization,time_zone,languages,formats,expertise,capacity,availability,style,structure,approach,works_with',
  'gia@rank.test,Gia Rossi,Globex,Europe/London,en,video,pricing; strategy,1,Tue 10:00-16:00,challenging,blend,craft,mid',
].join('\n');

async function api(context: BrowserContext, method: 'get' | 'post', url: string, data?: unknown) {
  const response = await context.request[method](url, { data, headers: { origin: server.url } });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

async function join(context: BrowserContext, name: string, email: string, signUp = true) {
  if (signUp)
    await api(context, 'post', '/api/auth/sign-up/email', { name, email, password: 'a-long-password' });
  const { items } = (await api(context, 'get', '/api/v1/me/invitations')) as {
    items: { about: string; acceptPath: string }[];
  };
  for (const item of items.filter((entry) => entry.about === 'program'))
    await api(context, 'post', item.acceptPath);
}

describe('guide ranking journey', () => {
  it('a guide ranks the applicants who fit them with the keyboard and saves', async () => {
    const adminContext = await browser.newContext({ baseURL: server.url });
    await api(adminContext, 'post', '/api/auth/sign-up/email', {
      name: 'Pat Admin',
      email: 'pat@rank.test',
      password: 'a-long-password',
    });
    const program = (await api(adminContext, 'post', '/api/v1/programs', { name: 'Product League' })) as {
      id: string;
    };
    const cohort = (await api(adminContext, 'post', `/api/v1/programs/${program.id}/cohorts`, {
      name: 'Autumn 2027',
      applicationsOpen: '2027-08-01',
      applicationsClose: '2027-08-31',
      matchingOn: '2027-09-03',
      startsOn: '2027-09-10',
      endsOn: '2028-01-31',
    })) as { id: string };
    for (const [role, csv] of [
      ['member', members],
      ['guide', guides],
    ] as const)
      await api(adminContext, 'post', `/api/v1/cohorts/${cohort.id}/applications/import`, { role, csv });
    for (const [name, email] of [
      ['Ana Ruiz', 'ana@rank.test'],
      ['Dee Lin', 'dee@rank.test'],
    ] as const) {
      const context = await browser.newContext({ baseURL: server.url });
      await join(context, name, email);
      await context.close();
    }

    const { page, errors, context } = await newPage(browser, { baseURL: server.url });
    await page.goto('/');
    await page.getByLabel('Your name').fill('Gia Rossi');
    await page.getByLabel('Email', { exact: true }).fill('gia@rank.test');
    await page.getByLabel('Password', { exact: true }).fill('a-long-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Hello, Gia' }).waitFor();
    await join(context, 'Gia Rossi', 'gia@rank.test', false);
    await page.reload();

    await page.getByRole('link', { name: 'Rank applicants' }).first().click();
    await page.getByRole('link', { name: 'Rank the applicants for Autumn 2027' }).click();
    await page.getByRole('heading', { name: 'Rank the applicants for Autumn 2027' }).waitFor();
    await page.getByText('Not ranked: ordered by fit').waitFor();
    const ranking = page.getByRole('list', { name: 'Your ranking' });
    const names = async () =>
      (await ranking.getByRole('listitem').allTextContents()).map(
        (text) => /^\d+\. (\w+ \w+)/.exec(text)?.[1],
      );
    // By fit Ana (Gia works with her level) comes first; every fit is a percentage.
    expect(await names()).toEqual(['Ana Ruiz', 'Dee Lin']);
    expect(await ranking.getByText(/fit \d+%/).count()).toBe(2);
    await expectNoSeriousA11yViolations(page, 'rank applicants');

    // Keyboard only: focus Dee's "up" button and press Enter.
    await page.getByRole('button', { name: 'Move Dee Lin up' }).focus();
    await page.keyboard.press('Enter');
    expect(await names()).toEqual(['Dee Lin', 'Ana Ruiz']);
    await page.getByText('Dee Lin is now number 1 of 2.').waitFor({ state: 'attached' });
    await page.getByText('Not saved yet').waitFor();
    await page.getByRole('button', { name: 'Save my ranking' }).click();
    await page.getByText(/^Saved .*: your ranking of 2$/).waitFor();
    await page.screenshot({ path: path.join(shots, 'rank-applicants-1280.png'), fullPage: true });

    await page.reload();
    await page.getByText(/^Saved .*: your ranking of 2$/).waitFor();
    expect(await names()).toEqual(['Dee Lin', 'Ana Ruiz']);
    await expectNoSeriousA11yViolations(page, 'rank applicants (saved)');

    // The admin sees that Gia answered, not how.
    const answers = (await api(adminContext, 'get', `/api/v1/cohorts/${cohort.id}/guide-answers`)) as {
      guides: { name: string; answered: number; fitting: number }[];
    };
    expect(answers.guides).toEqual([expect.objectContaining({ name: 'Gia Rossi', answered: 2, fitting: 2 })]);
    await adminContext.close();
    expect(errors, errors.join('\n')).toEqual([]);
  }, 240_000);
});
