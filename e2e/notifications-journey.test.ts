import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';
import { type RunningServer, startServer } from './support/start-server';

// A member finds their reminders and mail, and subscribes their own calendar to Corner: the secret
// feed link is shown once and serves a calendar a calendar app can read without signing in.
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

describe('reminders, mail and the calendar feed', () => {
  it('shows the reminders and mail pages and hands out a working calendar link', async () => {
    const { page, errors } = await newPage(browser, { baseURL: server.url });
    await page.goto('/');
    await page.getByLabel('Your name').fill('Rae Member');
    await page.getByLabel('Email', { exact: true }).fill('rae@example.test');
    await page.getByLabel('Password', { exact: true }).fill('a-long-password');
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('link', { name: 'Reminders' }).click();
    await page.getByRole('heading', { name: 'Reminders', level: 1 }).waitFor();
    await page.getByText('Nothing waiting for you.').waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'reminders');

    await page.getByRole('button', { name: 'Make my calendar link' }).click();
    const link = page.getByLabel('Your calendar feed link');
    await link.waitFor();
    const url = (await link.textContent()) ?? '';
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await expectNoSeriousA11yViolations(page, 'reminders with calendar link');

    await page.getByRole('link', { name: 'Mail' }).click();
    await page.getByRole('heading', { name: 'Mail Corner sent you' }).waitFor();
    await page.getByText('No mail yet.').waitFor();
    await expectNoSeriousA11yViolations(page, 'outbox');
    expect(errors).toEqual([]);
  });
});
