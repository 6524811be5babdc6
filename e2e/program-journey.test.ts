import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage, type PageWithErrors } from './support/browser';
import { signUpInBrowser } from './support/journey';
import { type RunningServer, startServer } from './support/start-server';

// An admin runs a cohort: creates it, imports spreadsheets (a bad row blocks the whole file; the fixed
// file goes in), runs matching, reads why each pair was chosen and pins one pair, publishes, reads the
// pairs' health, and reads and closes a problem a member reported.
let server: RunningServer;
let browser: Browser;
const fixtures = path.join(import.meta.dirname, 'fixtures');

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function visit(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  await expectNoSeriousA11yViolations(page, label);
}

describe('program admin journey', () => {
  it('program → cohort → CSV import (bad, then fixed) → matching with explanations → pin', async () => {
    const { page, errors, context } = await newPage(browser, { baseURL: server.url });
    await page.goto('/');
    await page.getByLabel('Your name').fill('Pat Admin');
    await page.getByLabel('Email', { exact: true }).fill('pat@example.test');
    await page.getByLabel('Password', { exact: true }).fill('a-long-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Hello, Pat' }).waitFor();

    // A new account has no Programs item yet: Home offers to run a program, and creating one lands on it.
    await page.getByRole('link', { name: 'Run a mentoring program' }).click();
    await page.getByRole('heading', { name: 'Programs you run' }).waitFor();
    await visit(page, 'programs');
    await page.getByLabel('Program name').fill('Product League');
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Cohorts' }).waitFor();
    await visit(page, 'program');
    await page.getByLabel('Cohort name').fill('Spring 2027');
    const dates = ['2027-01-05', '2027-01-31', '2027-02-03', '2027-02-10', '2027-06-30'];
    const labels = [
      'Applications open',
      'Applications close',
      'Matching day',
      'Cohort starts',
      'Cohort ends',
    ];
    for (const [index, label] of labels.entries()) await page.getByLabel(label).fill(dates[index] ?? '');
    await page.getByRole('button', { name: 'Create cohort' }).click();
    await page.getByRole('link', { name: 'Spring 2027' }).click();
    await page.getByRole('heading', { name: 'Spring 2027' }).waitFor();
    await visit(page, 'cohort (empty)');

    await chooseFile(page, 'Members CSV file', 'members-bad.csv');
    await page.getByRole('button', { name: 'Import members' }).click();
    const rejection = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await rejection.waitFor();
    expect(await rejection.textContent()).toMatch(/line 3, time_zone/);
    await page.getByText('0 members · 0 guides').waitFor();
    await visit(page, 'cohort (import rejected)');

    await chooseFile(page, 'Members CSV file', 'members.csv');
    await page.getByRole('button', { name: 'Import members' }).click();
    await page.getByText('Imported 3 members').waitFor();
    await chooseFile(page, 'Guides CSV file', 'guides.csv');
    await page.getByRole('button', { name: 'Import guides' }).click();
    await page.getByText('Imported 2 guides').waitFor();
    await page.getByText('3 members · 2 guides with 4 seats · 5 invited, not yet confirmed').waitFor();
    const participants = page.getByRole('region', { name: 'Participants' });
    await participants
      .getByRole('row')
      .filter({ hasText: 'Ana Ruiz' })
      .filter({ hasText: 'Pending' })
      .waitFor();
    await visit(page, 'cohort (invited)');

    // Each imported person confirms they joined: Ana and Gia on their Home page, the others by API.
    const people: PageWithErrors[] = [];
    for (const [name, email] of [
      ['Ana Ruiz', 'ana@example.test'],
      ['Gia Rossi', 'gia@example.test'],
    ] as const) {
      const person = await newPage(browser, { baseURL: server.url });
      await signUpInBrowser(person.page, name, email);
      const invitations = person.page.getByRole('region', { name: 'Waiting for your answer' });
      await invitations.getByText(/Product League \(Spring 2027\) invites you to join/).waitFor();
      await visit(person.page, `home with program invitation (${name})`);
      await invitations.getByRole('button', { name: /^Confirm I joined/ }).click();
      await invitations.waitFor({ state: 'detached' });
      people.push(person);
    }
    for (const [name, email] of [
      ['Ben Okafor', 'ben@example.test'],
      ['Cy Park', 'cy@example.test'],
      ['Hal Berg', 'hal@example.test'],
    ] as const) {
      await answerByApi(name, email);
    }
    await page.reload();
    await page.getByText(/^3 members · 2 guides with 4 seats$/).waitFor();
    await participants
      .getByRole('row')
      .filter({ hasText: 'Ana Ruiz' })
      .filter({ hasText: 'Confirmed' })
      .waitFor();

    await page.getByRole('button', { name: 'Run matching' }).click();
    await page.getByText('Matched 3 of 3 members').waitFor();
    const anaRow = page
      .getByRole('region', { name: 'Matching' })
      .getByRole('row')
      .filter({ hasText: 'Ana Ruiz' });
    expect(await anaRow.textContent()).toMatch(/Gia Rossi/);
    expect(await anaRow.textContent()).toMatch(/The guide knows pricing/);
    await visit(page, 'cohort (matched)');

    await page.getByRole('button', { name: 'Pin Cy Park with Gia Rossi' }).click();
    await page.getByRole('row').filter({ hasText: 'Cy Park' }).getByText('pinned').waitFor();
    await visit(page, 'cohort (pinned)');

    // Publishing asks first, naming how many people get mail; each pair is then only proposed.
    await page.getByRole('button', { name: 'Publish the optimal matches' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish 3 pairs?' });
    await dialog.getByText(/6 people get an e-mail/).waitFor();
    await visit(page, 'publish confirmation');
    await dialog.getByRole('button', { name: 'Publish and mail 6 people' }).click();
    await page.getByText('Proposed 3 pairs: each starts once both people accept.').waitFor();

    // Ana (member) answers on the pair's own page: a decline needs a reason there too, as on Home.
    const anaMember = people[0];
    if (!anaMember) throw new Error('Ana signed up above');
    await anaMember.page.goto('/relationships');
    await anaMember.page.getByRole('link', { name: /with Gia Rossi/ }).click();
    const proposal = anaMember.page.getByRole('region', { name: 'Product League proposes this pair' });
    await proposal.getByRole('button', { name: 'Decline' }).click();
    await proposal
      .getByText('Say in a few words why you decline, so the other person understands.')
      .waitFor();
    expect(
      await proposal.getByRole('textbox', { name: 'Reason, if you decline' }).getAttribute('aria-invalid'),
    ).toBe('true');
    await visit(anaMember.page, 'relationship with proposal');
    await proposal.getByRole('button', { name: 'Accept' }).click();
    await proposal.getByText('You accepted. The pair starts once Gia Rossi accepts too.').waitFor();
    await anaMember.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Home', exact: true })
      .waitFor();
    await visit(anaMember.page, 'relationship with proposal accepted');
    expect(anaMember.errors).toEqual([]);
    await anaMember.context.close();

    // Gia (guide) accepts hers on Home: their pair starts.
    for (const person of people.slice(1)) {
      await person.page.reload();
      const waiting = person.page.getByRole('region', { name: 'Waiting for your answer' });
      // A guide with two seats is proposed twice: one answer per proposal.
      const proposals = waiting.getByText(/Product League proposes you and .* as a pair/);
      await proposals.first().waitFor();
      await visit(person.page, 'home with proposal');
      const count = await proposals.count();
      for (let answered = 0; answered < count; answered += 1) {
        await waiting
          .getByRole('button', { name: /^Accept/ })
          .first()
          .click();
        await expect.poll(() => proposals.count()).toBe(count - answered - 1);
      }
      await waiting.waitFor({ state: 'detached' });
      expect(person.errors).toEqual([]);
      await person.context.close();
    }
    await page.reload();
    const dashboard = page.getByRole('region', { name: 'Pair health' });
    await dashboard
      .getByRole('row')
      .filter({ hasText: 'Ana Ruiz' })
      .filter({ hasText: 'Gia Rossi' })
      .filter({ hasText: 'On track' })
      .waitFor();
    await visit(page, 'cohort (published, dashboard)');
    // The pair list filters by state and downloads as CSV with the same states.
    await dashboard.getByText(/^At risk \(0\)$/).click();
    await dashboard.getByText('No pairs in this state.').waitFor();
    await dashboard.getByText(/^All \(\d+\)$/).click();
    const csv = await page.evaluate(
      async (href) => (await fetch(href)).text(),
      (await dashboard.getByRole('link', { name: 'Download the pair list (CSV)' }).getAttribute('href')) ??
        '',
    );
    expect(csv).toContain('Ana Ruiz,Gia Rossi,on track,');

    // Ana reports that her guide did not come; the admin reads it on the cohort page and marks it reviewed.
    const problems = page.getByRole('region', { name: 'Problem reports' });
    await problems.getByText('No one in this cohort has reported a problem.').waitFor();
    const ana = await browser.newContext({ baseURL: server.url });
    const signIn = await ana.request.post('/api/auth/sign-in/email', {
      data: { email: 'ana@example.test', password: 'a-long-password' },
      headers: { origin: server.url },
    });
    expect(signIn.status()).toBe(200);
    const mine = (await (await ana.request.get('/api/v1/relationships')).json()) as {
      relationships: { id: string }[];
    };
    const reported = await ana.request.post(
      `/api/v1/relationships/${mine.relationships[0]?.id}/problem-reports`,
      {
        data: { kind: 'no-show', details: 'Gia did not join our first session and has not replied since.' },
        headers: { origin: server.url },
      },
    );
    expect(reported.status()).toBe(201);
    await ana.close();
    await page.reload();
    const report = problems.getByRole('row').filter({ hasText: 'Gia did not join our first session' });
    await report.filter({ hasText: 'No-show' }).filter({ hasText: 'Member' }).waitFor();
    await visit(page, 'cohort (problem reported)');
    await report
      .getByRole('button', { name: /Mark reviewed: the report about Ana Ruiz and Gia Rossi/ })
      .click();
    await report.getByText(/Reviewed/).waitFor();
    // The rejected import (422) and the not-yet-run matching (404) are expected answers, not page errors.
    expect(errors.filter((error) => !error.includes('Failed to load resource'))).toEqual([]);
    await context.close();
  });
});

// Signs up and confirms every pending program invitation through the API, as the Home card would.
async function answerByApi(name: string, email: string) {
  const context = await browser.newContext({ baseURL: server.url });
  const headers = { origin: server.url };
  const signUp = await context.request.post('/api/auth/sign-up/email', {
    data: { name, email, password: 'a-long-password' },
    headers,
  });
  expect(signUp.status()).toBe(200);
  const { items } = (await (await context.request.get('/api/v1/me/invitations')).json()) as {
    items: { about: string; acceptPath: string }[];
  };
  const programInvitations = items.filter((item) => item.about === 'program');
  expect(programInvitations).toHaveLength(1);
  for (const item of programInvitations) {
    expect((await context.request.post(item.acceptPath, { headers })).status()).toBe(200);
  }
  await context.close();
}

async function chooseFile(page: Page, label: string, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel(label).click()]);
  await chooser.setFiles(path.join(fixtures, file));
}
