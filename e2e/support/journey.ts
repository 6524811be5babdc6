import path from 'node:path';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations } from './axe';

export const JOURNEY_PASSWORD = 'a-long-password';

/** Fills Corner's sign-up form and submits it, without waiting for what comes next (it may be refused). */
export async function submitSignUp(page: Page, name: string, email: string) {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(JOURNEY_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Signs a new person up through the page and waits for their Home greeting. */
export async function signUpInBrowser(page: Page, name: string, email: string) {
  await submitSignUp(page, name, email);
  await page.getByRole('heading', { name: `Hello, ${name.split(' ')[0]}` }).waitFor();
}

/** axe (no serious or critical finding) and a full-page screenshot at 1280 and at 390 pixels wide. */
export async function visitAtBothWidths(page: Page, shotsDir: string, label: string) {
  await page.waitForLoadState('networkidle');
  await expectNoSeriousA11yViolations(page, label);
  await page.screenshot({ path: path.join(shotsDir, `${label}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(150);
  await expectNoSeriousA11yViolations(page, `${label} (390)`);
  await page.screenshot({ path: path.join(shotsDir, `${label}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}
