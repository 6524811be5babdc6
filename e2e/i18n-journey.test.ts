import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';
import { type RunningServer, startServer } from './support/start-server';

// A person switches Corner to German in Settings: the navigation, the page and its dates speak German,
// <html lang> follows, and the choice survives a reload. A browser set to German starts in German.
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

describe('language journey', () => {
  it('switches to German in Settings and keeps it', async () => {
    const { context, page, errors } = await newPage(browser, { baseURL: server.url });
    await page.goto('/');
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('Your name').fill('Lena Schmidt');
    await page.getByLabel('Email', { exact: true }).fill('lena@example.org');
    await page.getByLabel('Password', { exact: true }).fill('a-long-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Hello, Lena' }).waitFor();

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Where will you use it?').fill('Laptop');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('button', { name: 'Revoke Laptop' }).waitFor();
    const today = new Date();
    const germanDate = new Intl.DateTimeFormat('de', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
    }).format(today);
    const englishDate = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
    }).format(today);
    await page.getByRole('cell', { name: englishDate }).first().waitFor();

    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'Deutsch' }).click();

    await page.getByRole('heading', { name: 'Einstellungen', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Meine Entwicklung' });
    await nav.getByRole('link', { name: 'Start' }).waitFor();
    await nav.getByRole('link', { name: 'Ziele' }).waitFor();
    await nav.getByRole('link', { name: 'Einstellungen' }).waitFor();
    await page.getByRole('cell', { name: germanDate }).first().waitFor();
    await page.getByRole('button', { name: 'Laptop widerrufen' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'settings in German');

    await page.reload();
    await page.getByRole('heading', { name: 'Einstellungen', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Start' }).click();
    await page.getByRole('heading', { name: 'Hallo, Lena' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'home in German');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts in German for a browser that speaks German', async () => {
    const { context, page, errors } = await newPage(browser, { baseURL: server.url, locale: 'de-DE' });
    await page.goto('/');
    await page.getByRole('heading', { name: 'Erstelle dein Konto' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'sign-up in German');
    expect(errors).toEqual([]);
    await context.close();
  });
});
