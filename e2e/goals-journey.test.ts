import { spawn } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';
import { type RunningServer, startServer } from './support/start-server';

// Acceptance of the foundation: a newcomer signs up, takes the readiness check, turns a vague goal into a
// concrete one, checks in and sees the chart; everything survives a restart and a kill -9; a second
// server on the same data folder refuses to start.
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

const earlyCareerAnswers: Record<string, string> = {
  knowFrameworks: '1',
  wantPlaybook: '5',
  wantDirectAdvice: '5',
  whoNotWhat: '1',
  stuckDespiteKnowing: '1',
  adviceNotEnough: '1',
  findOwnAnswers: '2',
  newToArea: '5',
  fewPeers: '2',
  learnFromPeers: '3',
  oneNarrowProblem: '2',
  careerStage: 'early',
  recentTransition: 'new-domain',
  recurringFeedback: 'no',
  internalWork: 'not-now',
  budget: 'company',
  time: 'regular',
  topic: 'craft',
  wellbeing: 'false',
};

async function visit(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  await expectNoSeriousA11yViolations(page, label);
}

describe('foundation journey', () => {
  it('sign up → readiness → vague goal → fix → check-in → chart → restart keeps everything', async () => {
    const { page, errors, context } = await newPage(browser, { baseURL: server.url });
    await page.goto('/');
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await visit(page, 'sign-up');

    await page.getByLabel('Your name').fill('Maya Chen');
    await page.getByLabel('Email', { exact: true }).fill('maya@example.test');
    await page.getByLabel('Password', { exact: true }).fill('a-long-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Hello, Maya' }).waitFor();
    await visit(page, 'home (empty)');

    await page.getByRole('link', { name: 'Take the readiness check' }).click();
    await page.getByRole('heading', { name: 'What kind of help do you need?' }).waitFor();
    await visit(page, 'readiness form');
    for (const [questionId, value] of Object.entries(earlyCareerAnswers)) {
      await page.locator(`#question-${questionId} input[value="${value}"]`).check();
    }
    await page.getByRole('button', { name: 'See what fits me' }).click();
    await page.getByRole('heading', { name: 'What fits you now' }).waitFor();
    await expect(page.getByText('Best fit')).toBeTruthy();
    const firstRecommendation = await page.locator('section h2').first().textContent();
    expect(firstRecommendation?.toLowerCase()).toContain('mentor');
    await expect(page.getByText('Why we suggest this').first().isVisible()).resolves.toBe(true);
    await visit(page, 'readiness result');

    await page.getByRole('link', { name: 'Set a goal' }).click();
    await page.getByRole('heading', { name: 'Set a goal' }).waitFor();
    await page.getByLabel('Your goal').fill('get better at strategy');
    const livePanel = page.getByTestId('goal-check');
    await livePanel.waitFor();
    expect(await livePanel.textContent()).toMatch(/want to learn/);
    await visit(page, 'new goal with checker');
    await page
      .getByRole('textbox', { name: 'Sign of progress 1' })
      .fill('Leadership uses my strategy doc in planning');
    await page.getByRole('button', { name: 'Save goal' }).click();

    await page.getByRole('heading', { name: 'get better at strategy' }).waitFor();
    const savedPanel = page.getByTestId('goal-check');
    expect(await savedPanel.textContent()).toMatch(/Try this pattern/);
    await visit(page, 'goal detail (vague)');

    await page.getByRole('button', { name: 'Edit goal' }).click();
    await page
      .getByLabel('Your goal')
      .fill('Write and get approval for a two-year product vision that aligns three teams');
    await page.getByLabel('Target date').fill(fourMonthsFromNow());
    await page.getByText('This reads like a concrete goal').waitFor();
    await visit(page, 'goal edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: /Write and get approval/ }).waitFor();
    await page.getByText('This reads like a concrete goal').waitFor();

    await page.getByLabel('Leadership uses my strategy doc in planning').fill('4');
    await page.getByLabel(/^Note/).fill('Outline drafted and shared with two leads.');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByText('Outline drafted and shared with two leads.').waitFor();
    await page.getByTestId('progress-chart').locator('.recharts-line-dot').first().waitFor();
    await visit(page, 'goal detail with chart');
    if (process.env.CORNER_E2E_SCREENSHOTS)
      await page.screenshot({ path: `${process.env.CORNER_E2E_SCREENSHOTS}/goal.png`, fullPage: true });
    const goalUrl = page.url();

    await server.restart();
    await page.goto(goalUrl);
    await page.getByRole('heading', { name: /Write and get approval/ }).waitFor();
    await page.getByText('Outline drafted and shared with two leads.').waitFor();
    await page.getByTestId('progress-chart').locator('.recharts-line-dot').first().waitFor();
    await page.goto('/readiness');
    await page.getByText('Your earlier results').waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });

  it('kill -9 right after the API acknowledged a new goal loses nothing', async () => {
    const { page, context } = await newPage(browser, { baseURL: server.url });
    await signUpThroughApi(page, 'kill9@example.test');
    const created = await page.evaluate(async () => {
      const response = await fetch('/api/v1/goals', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Lift trial-to-paid conversion by 5% by June 30', category: 'iq' }),
      });
      return { status: response.status, body: (await response.json()) as { id: string } };
    });
    expect(created.status).toBe(201);
    await server.kill9();
    await server.restart();
    const reread = await page.evaluate(
      async (id) => (await fetch(`/api/v1/goals/${id}`)).status,
      created.body.id,
    );
    expect(reread).toBe(200);
    await context.close();
  });

  it('a second server on the same data folder exits non-zero saying the folder is in use', async () => {
    const result = await runCorner(['serve'], {
      CORNER_DATA_DIR: server.dataDir,
      PORT: '39999',
      HOST: '127.0.0.1',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/in use/);
  });

  it('renders the API reference at /api/docs from /api/openapi.json', async () => {
    const { page, context } = await newPage(browser, { baseURL: server.url });
    await page.goto('/api/docs');
    await page.getByText('Corner API').first().waitFor();
    // Areas start collapsed; every area is listed, and opening one shows its operations.
    await page.getByRole('heading', { name: 'Relationships' }).first().waitFor();
    await page.getByRole('heading', { name: 'Goals' }).first().click();
    await page.getByText('/v1/goals/{goalId}/check-ins').first().waitFor();
    await context.close();
  });
});

async function signUpThroughApi(page: Page, email: string) {
  await page.goto('/sign-in');
  const status = await page.evaluate(async (address) => {
    const response = await fetch('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Kim', email: address, password: 'a-long-password' }),
    });
    return response.status;
  }, email);
  expect(status).toBe(200);
}

function fourMonthsFromNow(): string {
  const date = new Date();
  date.setMonth(date.getMonth() + 4);
  return date.toISOString().slice(0, 10);
}

function runCorner(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/corner.js', ...args], { env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}
