import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';
import { type RunningServer, startServer } from './support/start-server';

// An admin runs a cohort, compares the optimal, stable and fair matchings side by side (each proved),
// asks why one member did not get a guide, and publishes the fair one. The cohort is set up through the
// API (the import journey is program-journey.test.ts); everything the admin decides happens on the page.
const shots = process.env.CORNER_SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'corner-matching-modes');
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
  'ana@modes.test,Ana Ruiz,Acme,Europe/Berlin,en,video,Run three pricing experiments,pricing (iq),challenging,,mid',
  'ben@modes.test,Ben Okafor,Initech,Europe/London,en,video,Lead my first team,influence (eq),supportive,,senior',
  'cy@modes.test,Cy Park,Umbrella,Europe/Paris,en,video,Write a product vision,strategy (iq),,,mid',
  'dee@modes.test,Dee Lin,Hooli,Europe/Berlin,en,video,Price a platform,pricing (iq),challenging,,early',
].join('\n');
const guides = [
  'email,name,organization,time_zone,languages,formats,expertise,capacity,availability,style,structure,approach,works_with',
  'gia@modes.test,Gia Rossi,Globex,Europe/London,en,video,pricing; strategy,1,Tue 10:00-16:00,challenging,blend,craft,mid',
  'hal@modes.test,Hal Berg,Stark,Europe/Berlin,en,video,influence; leadership,2,Wed 09:00-12:00,supportive,blend,person,senior',
  'ivy@modes.test,Ivy Chen,Wayne,Europe/Paris,en,video,strategy; pricing,1,Thu 09:00-17:00,blend,blend,blend,',
].join('\n');

async function api(context: BrowserContext, method: 'get' | 'post', url: string, data?: unknown) {
  const response = await context.request[method](url, { data, headers: { origin: server.url } });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

async function joinAs(name: string, email: string) {
  const context = await browser.newContext({ baseURL: server.url });
  await api(context, 'post', '/api/auth/sign-up/email', { name, email, password: 'a-long-password' });
  const { items } = (await api(context, 'get', '/api/v1/me/invitations')) as {
    items: { about: string; acceptPath: string }[];
  };
  for (const item of items.filter((entry) => entry.about === 'program'))
    await api(context, 'post', item.acceptPath);
  await context.close();
}

describe('matching modes journey', () => {
  it('runs a cohort, compares the three modes, asks why not, and publishes the fair one', async () => {
    const { page, errors, context } = await newPage(browser, { baseURL: server.url });
    await page.goto('/');
    await page.getByLabel('Your name').fill('Pat Admin');
    await page.getByLabel('Email', { exact: true }).fill('pat@modes.test');
    await page.getByLabel('Password', { exact: true }).fill('a-long-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Hello, Pat' }).waitFor();

    const program = (await api(context, 'post', '/api/v1/programs', { name: 'Product League' })) as {
      id: string;
    };
    const cohort = (await api(context, 'post', `/api/v1/programs/${program.id}/cohorts`, {
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
      await api(context, 'post', `/api/v1/cohorts/${cohort.id}/applications/import`, { role, csv });
    for (const line of [...members.split('\n').slice(1), ...guides.split('\n').slice(1)]) {
      const [email = '', name = ''] = line.split(',');
      await joinAs(name, email);
    }

    await page.goto(`/cohorts/${cohort.id}`);
    await page.getByRole('heading', { name: 'Autumn 2027' }).waitFor();
    await page.getByRole('button', { name: 'Run matching' }).click();

    // The three modes side by side, each with its proof checked by the independent verifier.
    const modes = page.getByRole('region', { name: 'Three ways to match this cohort' });
    await modes.waitFor();
    const rows = modes.getByRole('row');
    await expect.poll(() => rows.count()).toBe(4);
    for (const mode of ['Optimal', 'Stable', 'Fair'])
      expect(await rows.filter({ hasText: mode }).getByText('Proved', { exact: true }).count()).toBe(1);
    const stableRow = rows.filter({ hasText: 'Stable' });
    // A stable matching has no blocking pair: its row reads 0 in that column.
    expect((await stableRow.getByRole('cell').nth(4).textContent())?.trim()).toBe('0');
    await rows.filter({ hasText: 'Fair' }).getByText('Proved', { exact: true }).click();
    await modes.getByText(/^Proved fair: \d of 4 mentees matched, the most possible/).waitFor();
    await expectNoSeriousA11yViolations(page, 'cohort (three modes)');
    await page.screenshot({ path: path.join(shots, 'matching-modes-1280.png'), fullPage: true });

    // Look at the fair matching: its pairs are what would be published.
    await modes.getByRole('radio', { name: /Fair/ }).check();
    await page.getByText(/members \(fair: as many people as possible/).waitFor();

    // Why did Ana not get Hal Berg?
    const whyNot = page.getByRole('region', { name: 'Why not this guide?' });
    await whyNot.getByRole('combobox', { name: 'Member' }).click();
    await page.getByRole('option', { name: 'Ana Ruiz' }).click();
    await whyNot.getByRole('combobox', { name: 'Guide' }).click();
    await page.getByRole('option', { name: 'Hal Berg' }).click();
    await whyNot.getByRole('button', { name: 'Ask why' }).click();
    const answer = whyNot.getByRole('status');
    await answer.waitFor();
    expect(await answer.textContent()).toMatch(/Ana Ruiz/);
    expect(await answer.textContent()).toMatch(/Hal Berg/);
    await expectNoSeriousA11yViolations(page, 'cohort (why not)');

    await page.getByRole('button', { name: 'Publish the fair matches' }).click();
    const dialog = page.getByRole('dialog', { name: /^Publish \d pairs?\?$/ });
    await dialog.getByRole('button', { name: /^Publish and mail/ }).click();
    await page.getByText(/^Published \(fair\): each pair was proposed/).waitFor();
    await modes.getByText('Published', { exact: true }).waitFor();
    expect(await rows.filter({ hasText: 'Fair' }).getByText('Published', { exact: true }).count()).toBe(1);
    // Another mode of the same run can no longer be published.
    await modes.getByRole('radio', { name: /Optimal/ }).check();
    await page
      .getByText('Another mode of this run is published. Run matching again to publish a different one.')
      .waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, 'matching-modes-390.png'), fullPage: true });
    expect(errors, errors.join('\n')).toEqual([]);
  }, 240_000);
});
