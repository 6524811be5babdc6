import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';
import { type RunningServer, startServer } from './support/start-server';

// Issue 15's journey: an admin opens a cohort's outcomes, reads the funnel chart, finds the pair at
// risk with its reasons in words, sends the repair nudge, and one person of that pair sees it.
let server: RunningServer;
let browser: Browser;
let cohortId: string;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corner-outcomes-'));
const shots = process.env.CORNER_SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'corner-outcomes-shots');

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const seed = spawnSync(process.execPath, ['--import', 'tsx', 'e2e/fixtures/seed-outcomes-cohort.ts'], {
    env: { ...process.env, CORNER_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  expect(seed.status, seed.stderr).toBe(0);
  cohortId = /Seeded cohort ([0-9a-f-]{36})/.exec(seed.stdout)?.[1] ?? '';
  expect(cohortId).not.toBe('');
  server = await startServer({ env: { CORNER_DATA_DIR: dataDir } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function visit(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  await expectNoSeriousA11yViolations(page, label);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await page.screenshot({ path: path.join(shots, `${label}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function signIn(page: Page, email: string, firstName: string) {
  await page.goto('/sign-in');
  await page.getByLabel(/^Email/).fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel(/^Password/).fill('a-long-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: `Hello, ${firstName}` }).waitFor();
}

describe('outcomes journey', () => {
  it('admin reads the funnel and the at-risk pair, nudges it, and the member sees the nudge', async () => {
    const admin = await newPage(browser, { baseURL: server.url });
    await signIn(admin.page, 'olga@example.test', 'Olga');
    // Straight to the page (the cohort page links it as "Outcomes and pairs at risk"): this seeded
    // cohort has no matching run, and the cohort page's read of the latest run answers 404 then.
    await admin.page.goto(`/cohorts/${cohortId}/outcomes`);
    await admin.page.getByRole('heading', { name: 'Outcomes', level: 1 }).waitFor();
    await admin.page.getByLabel('Funnel chart').waitFor();
    const counts = admin.page.getByRole('table', { name: 'Funnel counts' });
    await expect.poll(() => counts.getByRole('row').first().textContent()).toContain('12');
    expect(await counts.textContent()).toContain('fewer than 5');
    const pair = admin.page.getByLabel('Mia Member and Gus Guide');
    await pair.waitFor();
    const reasons = (await pair.getByRole('listitem').allTextContents()).join(' | ');
    expect(reasons).toMatch(/next step/i);
    expect(reasons).toMatch(/9 days|unanswered|answer/i);
    expect(await admin.page.getByText('Could we find a time next week?').count()).toBe(0);
    await visit(admin.page, 'outcomes');
    await pair.getByRole('button', { name: 'Send nudge' }).click();
    await pair.getByText(/Last step: nudge/).waitFor();

    // The sponsor report: the four levels, with the PDF and CSV one click away.
    await admin.page.getByRole('link', { name: /Sponsor report/ }).click();
    await admin.page.getByRole('heading', { name: 'Sponsor report', level: 1 }).waitFor();
    for (const level of ['Reaction', 'Learning', 'Behaviour', 'Results']) {
      await admin.page.getByRole('region', { name: level }).waitFor();
    }
    await admin.page.getByText('12 people applied and 10 were matched; 10 had a first session.').waitFor();
    expect(await admin.page.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toBe(
      `/api/v1/cohorts/${cohortId}/sponsor-report.pdf`,
    );
    const download = admin.page.waitForEvent('download');
    await admin.page.getByRole('link', { name: 'Download CSV' }).click();
    expect((await download).suggestedFilename()).toBe('sponsor-report.csv');
    await visit(admin.page, 'sponsor-report');
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    const member = await newPage(browser, { baseURL: server.url });
    await signIn(member.page, 'mia@example.test', 'Mia');
    await member.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Reminders/ })
      .click();
    await member.page.getByText(/Your program team noticed your pair has gone quiet/).waitFor();
    await visit(member.page, 'member-nudged');
    expect(member.errors).toEqual([]);
    await member.context.close();
  });
});
