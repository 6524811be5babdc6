import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';
import { type RunningServer, startServer } from './support/start-server';

// A guide in a cohort finds "Rank applicants" in their navigation, puts the applicants who fit them in
// order with the keyboard-usable up/down buttons, and saves; the saved order comes back after a reload.
// Then they give each a score instead. The admin sees on the cohort page how many each guide answered
// (never the scores), publishes a matching, and after a new guide joins rematches with the fewest
// changes: the running pair stays, the waiting member moves to the new guide, and only that pair is
// proposed. The cohort is set up through the API; the guide's and the admin's parts happen on pages.
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
  it('a guide ranks then scores their applicants; the admin sees the counts and rematches with the fewest changes', async () => {
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

    // Or a score each, typed in: the scored order (Ana 90, Dee 40) comes back after a reload.
    await page.getByText('Give each a score', { exact: true }).click();
    await page.getByLabel('Your score for Dee Lin').fill('40');
    await page.getByLabel('Your score for Ana Ruiz').fill('90');
    await page.getByText('Not saved yet').waitFor();
    await page.getByRole('button', { name: 'Save my scores' }).click();
    await page.getByText(/^Saved .*: your scores of 2$/).waitFor();
    await page.reload();
    await page.getByText(/^Saved .*: your scores of 2$/).waitFor();
    expect(await names()).toEqual(['Ana Ruiz', 'Dee Lin']);
    expect(await page.getByLabel('Your score for Ana Ruiz').inputValue()).toBe('90');
    await expectNoSeriousA11yViolations(page, 'rank applicants (scores)');

    // The admin sees that Gia answered, not how.
    const answers = (await api(adminContext, 'get', `/api/v1/cohorts/${cohort.id}/guide-answers`)) as {
      guides: { name: string; answered: number; fitting: number }[];
    };
    expect(answers.guides).toEqual([expect.objectContaining({ name: 'Gia Rossi', answered: 2, fitting: 2 })]);
    const admin = await adminContext.newPage();
    const adminErrors: string[] = [];
    admin.on('pageerror', (error) => adminErrors.push(error.message));
    await admin.goto(`/cohorts/${cohort.id}`);
    const answerCard = admin.getByRole('region', { name: 'Guides’ rankings' });
    await answerCard.getByText('1 of 1 guide ranked or scored their applicants.', { exact: false }).waitFor();
    expect(await answerCard.getByRole('row', { name: /Gia Rossi/ }).textContent()).toBe('Gia Rossi22');
    expect(await answerCard.textContent()).not.toMatch(/90|40/);

    // Publish a matching: Gia (one seat) takes Ana, the better fit; Dee waits.
    await admin.getByRole('button', { name: 'Run matching' }).click();
    await admin.getByRole('button', { name: 'Publish the optimal matches' }).click();
    await admin.getByRole('button', { name: 'Publish and mail 2 people' }).click();
    await admin.getByText(/^Proposed 1 pair/).waitFor();

    // A second guide joins mid-cohort; the rematch keeps Ana and Gia and gives Dee the new seat.
    await api(adminContext, 'post', `/api/v1/cohorts/${cohort.id}/applications/import`, {
      role: 'guide',
      csv: [
        guides.split('\n')[0],
        'hal@rank.test,Hal Berg,Initech,Europe/London,en,video,pricing; strategy,1,Tue 10:00-16:00,challenging,blend,craft,mid',
      ].join('\n'),
    });
    const halContext = await browser.newContext({ baseURL: server.url });
    await join(halContext, 'Hal Berg', 'hal@rank.test');
    await halContext.close();
    await admin.reload();
    await admin.getByRole('button', { name: 'Rematch with the fewest changes' }).click();
    const rematch = admin.getByRole('region', { name: 'Rematch with the fewest changes' });
    await rematch.getByText('Keeps 1 of 1 current pair. 1 person moves:').waitFor();
    expect(await rematch.getByRole('list', { name: 'Who moves' }).textContent()).toBe(
      'Dee Lin: no guide yet → Hal Berg',
    );
    await expectNoSeriousA11yViolations(admin, 'cohort page with a rematch');
    await admin.screenshot({ path: path.join(shots, 'cohort-rematch-1280.png'), fullPage: true });
    await admin.getByRole('button', { name: 'Publish the rematch' }).click();
    await admin.getByRole('dialog', { name: 'Publish 1 pair?' }).waitFor();
    await admin.getByRole('button', { name: 'Publish and mail 2 people' }).click();
    await admin.getByText(/^Proposed 1 pair/).waitFor();
    await rematch.getByText(/^Published: each new pair was proposed/).waitFor();
    expect(adminErrors, adminErrors.join('\n')).toEqual([]);
    await adminContext.close();
    expect(errors, errors.join('\n')).toEqual([]);
  }, 240_000);
});
