import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';
import { type RunningServer, startServer } from './support/start-server';

// `corner demo` loads a realistic cast; a demo member signs in and finds her readiness result, her goal
// and its progress chart. With CORNER_UPDATE_SCREENSHOT=1 this journey also refreshes the README picture.
let server: RunningServer;
let browser: Browser;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corner-demo-'));

beforeAll(async () => {
  const demo = spawnSync(process.execPath, ['bin/corner.js', 'demo'], {
    env: { ...process.env, CORNER_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  expect(demo.status, demo.stderr).toBe(0);
  expect(demo.stdout).toContain('Created maya@demo.corner');
  server = await startServer({ env: { CORNER_DATA_DIR: dataDir } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('demo data', () => {
  it('a demo member signs in and sees her goals, readiness result and progress chart', async () => {
    const { page, errors, context } = await newPage(browser, {
      baseURL: server.url,
      timezoneId: 'America/New_York',
    });
    await page.goto('/sign-in');
    await page.getByLabel(/^Email/).fill('maya@demo.corner');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel(/^Password/).fill('corner-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Hello, Maya' }).waitFor();
    await page.getByText(/Your last check/).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'demo home');

    await page.getByRole('link', { name: /Run three pricing experiments/ }).click();
    await page.getByTestId('progress-chart').locator('.recharts-line-curve').first().waitFor();
    expect(await page.getByTestId('progress-chart').locator('.recharts-line-dot').count()).toBe(8);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'demo goal');
    if (process.env.CORNER_UPDATE_SCREENSHOT === '1') {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: 'docs/screenshot.png' });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
