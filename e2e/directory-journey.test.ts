import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';
import { type RunningServer, startServer } from './support/start-server';

// Issue 4 acceptance: a member's readiness result pre-filters the directory; they shortlist three
// mentors, two guides answer intro requests in their own browsers, the member fills scorecards,
// compares them side by side and chooses, ending at the recorded choice with its prefilled agreement.
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

const mentorAnswers = {
  knowFrameworks: 1,
  wantPlaybook: 5,
  wantDirectAdvice: 5,
  whoNotWhat: 1,
  stuckDespiteKnowing: 1,
  adviceNotEnough: 1,
  findOwnAnswers: 2,
  newToArea: 5,
  fewPeers: 2,
  learnFromPeers: 3,
  oneNarrowProblem: 2,
  careerStage: 'early',
  recentTransition: 'new-domain',
  recurringFeedback: 'no',
  internalWork: 'not-now',
  budget: 'company',
  time: 'regular',
  topic: 'craft',
  wellbeing: false,
};

const profile = (overrides: Record<string, unknown>) => ({
  headline: 'Product leader',
  bio: 'Years of shipping products.',
  kind: 'mentor',
  expertise: ['pricing', 'growth'],
  formats: ['video'],
  languages: ['en'],
  timeZone: 'Europe/Berlin',
  availability: [{ weekday: 2, start: '10:00', end: '16:00' }],
  capacity: 3,
  ...overrides,
});

async function visit(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  await expectNoSeriousA11yViolations(page, label);
}

async function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    { method, path, body },
  );
}

async function person(name: string, email: string) {
  const { page, context, errors } = await newPage(browser, { baseURL: server.url });
  await page.goto('/sign-in');
  const created = await api(page, 'POST', '/api/auth/sign-up/email', {
    name,
    email,
    password: 'a-long-password',
  });
  expect(created.status).toBe(200);
  return { page, context, errors };
}

function inDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setHours(10, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T10:00`;
}

describe('directory journey', () => {
  it('readiness → pre-filtered directory → shortlist 3 → intros answered → scorecards → compare → choose', async () => {
    const ana = await person('Ana Mentor', 'ana@example.test');
    await ana.page.goto('/my-guide-profile');
    await ana.page.getByRole('heading', { name: 'My guide profile' }).waitFor();
    await visit(ana.page, 'my guide profile (empty)');
    await ana.page.getByLabel('Headline').fill('Pricing mentor for early PMs');
    await ana.page.getByLabel('About me').fill('I led pricing at two marketplaces.');
    await ana.page.getByLabel('Expertise (comma separated)').fill('pricing, marketplaces');
    await ana.page.getByLabel('Time zone').fill('Europe/Berlin');
    await ana.page.getByRole('button', { name: 'Add a window' }).click();
    await ana.page.getByRole('combobox', { name: 'Day of window 1' }).click();
    await ana.page.getByRole('option', { name: 'Tuesday' }).click();
    await ana.page.getByLabel('From (window 1)').fill('10:00');
    await ana.page.getByLabel('To (window 1)').fill('16:00');
    await ana.page.getByRole('button', { name: 'Save profile' }).click();
    await ana.page.getByText('Profile saved.').waitFor();

    const ben = await person('Ben Mentor', 'ben@example.test');
    expect(
      (await api(ben.page, 'PUT', '/api/v1/me/guide-profile', profile({ headline: 'Growth mentor' }))).status,
    ).toBe(200);
    const cal = await person('Cal Mentor', 'cal@example.test');
    expect(
      (await api(cal.page, 'PUT', '/api/v1/me/guide-profile', profile({ headline: 'Strategy mentor' })))
        .status,
    ).toBe(200);
    const cora = await person('Cora Coach', 'cora@example.test');
    expect(
      (
        await api(
          cora.page,
          'PUT',
          '/api/v1/me/guide-profile',
          profile({ kind: 'coach', headline: 'Leadership coach' }),
        )
      ).status,
    ).toBe(200);

    const maya = await person('Maya Member', 'maya@example.test');
    const page = maya.page;
    expect((await api(page, 'POST', '/api/v1/readiness/results', { answers: mentorAnswers })).status).toBe(
      201,
    );

    await page.goto('/guides');
    await page.getByRole('heading', { name: 'Find a guide' }).waitFor();
    await page.getByText(/showing mentors, as your readiness check suggests/).waitFor();
    await page.getByRole('heading', { name: 'Ana Mentor' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Cora Coach' }).count()).toBe(0);
    expect(await page.getByText('Why this guide').count()).toBe(3);
    await visit(page, 'directory');
    for (const name of ['Ana Mentor', 'Ben Mentor', 'Cal Mentor']) {
      await page.getByRole('button', { name: new RegExp(`Add to shortlist.*${name}`) }).click();
      await page.getByRole('button', { name: new RegExp(`On your shortlist.*${name}`) }).waitFor();
    }

    await page.getByRole('link', { name: /My shortlist \(3 of 5\)/ }).click();
    await page.getByRole('heading', { name: 'My shortlist' }).waitFor();
    await page.getByText(/Book a free intro session/).waitFor();
    await visit(page, 'shortlist');

    for (const name of ['Ana Mentor', 'Ben Mentor']) {
      await page.goto('/shortlist');
      await page.getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      if (name === 'Ana Mentor') await visit(page, 'guide profile');
      await page
        .getByLabel('What you would like to talk about')
        .fill('I want to learn how to run my first pricing change.');
      await page.getByLabel('A time that suits you').fill(inDays(10));
      await page.getByRole('button', { name: 'Send intro request' }).click();
      await page.getByText('Request sent.').waitFor();
    }

    await ana.page.goto('/intros');
    await ana.page.getByRole('heading', { name: 'From Maya Member' }).waitFor();
    await visit(ana.page, 'intro requests (guide side)');
    await ana.page.getByRole('button', { name: 'Accept this time' }).click();
    await ana.page.getByText('Accepted').first().waitFor();

    await ben.page.goto('/intros');
    await ben.page.getByLabel('Time for the intro with Maya Member').fill(inDays(11));
    await ben.page.getByRole('button', { name: 'Propose this time instead' }).click();
    await ben.page.getByText('Another time proposed').waitFor();

    await page.goto('/intros');
    await page.getByRole('heading', { name: 'To Ana Mentor' }).waitFor();
    await page.getByRole('button', { name: 'Take the proposed time' }).click();
    await page.getByRole('article', { name: 'Intro request to Ben Mentor' }).getByText('Accepted').waitFor();
    await visit(page, 'intro requests (member side)');

    const fill = async (guide: string, answers: string[], flags: string[], note: string) => {
      await page.goto('/shortlist');
      await page.getByRole('link', { name: `Fill in scorecard for ${guide}` }).click();
      await page.getByRole('heading', { name: `Scorecard: intro with ${guide}` }).waitFor();
      const questions = [
        'Did it click?',
        /safe being honest/,
        /see your situation differently/,
        'How did you feel afterwards?',
      ];
      for (const [index, question] of questions.entries()) {
        await page
          .getByRole('radiogroup', { name: question })
          .getByRole('radio', { name: answers[index] ?? '' })
          .check();
      }
      for (const flag of flags) await page.getByRole('checkbox', { name: flag }).check();
      await page.getByLabel('What is mentoring to you?').fill(note);
      await page.getByRole('button', { name: 'Save scorecard' }).click();
      await page.getByText('Your verdict').waitFor();
    };
    await fill(
      'Ana Mentor',
      ['Yes, it felt right', 'Yes', 'Yes', 'Energized'],
      [],
      'Sharing the playbook and letting me try',
    );
    await visit(page, 'scorecard');
    await fill(
      'Ben Mentor',
      ['Not sure', 'Somewhat', 'A little', 'Neither'],
      ['They talked more than they listened'],
      'Telling me what worked for him',
    );

    await page.goto('/shortlist/compare');
    await page.getByRole('heading', { name: 'Compare your intros' }).waitFor();
    const headers = await page.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['Question', 'Ana Mentor', 'Ben Mentor']);
    await page.getByText('Sharing the playbook and letting me try').waitFor();
    await visit(page, 'scorecard comparison');

    await page.goto('/outreach');
    await page.getByLabel('Your first ask').fill('Would you be my mentor? Can we grab coffee?');
    await page.getByText('This ask is too big').waitFor();
    await visit(page, 'outreach tracker');

    await page.goto('/shortlist');
    await page.getByRole('button', { name: 'Choose Ana Mentor' }).click();
    await page.getByRole('heading', { name: 'You chose Ana Mentor' }).waitFor();
    await page.getByRole('heading', { name: 'Your starting agreement' }).waitFor();
    await page.getByText(/Prefilled from the method’s defaults/).waitFor();
    await page.getByText(/^Meet every/).waitFor();
    await visit(page, 'choice with prefilled agreement');

    for (const who of [ana, ben, cal, cora, maya]) {
      expect(who.errors).toEqual([]);
      await who.context.close();
    }
  });
});
