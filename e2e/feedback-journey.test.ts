import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';
import { signUpInBrowser } from './support/journey';
import { type RunningServer, startServer } from './support/start-server';

// Mirror feedback end to end: a member asks one question about one moment, a giver with no account
// answers through the link in another browser, the member reads it and logs a thank-you, and the same
// link refuses a second answer. Then the other growth pages: shadow map, artifact library, settings.
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

async function visit(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  await expectNoSeriousA11yViolations(page, label);
}

const question = 'In Thursday’s roadmap review, did I come across as open to challenge, or defensive?';
const answer = 'Open at first; when Lee questioned the numbers you spoke faster and cut him off once.';

describe('feedback journey', () => {
  it('request → giver answers without an account → member reads and thanks → link refuses a second answer', async () => {
    const member = await newPage(browser, { baseURL: server.url });
    const { page } = member;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await page.getByLabel('Your name').fill('Daniel Okafor');
    await page.getByLabel('Email', { exact: true }).fill('daniel@example.test');
    await page.getByLabel('Password', { exact: true }).fill('a-long-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Hello, Daniel' }).waitFor();

    // The growth tools live on one hub page reached from the Growth item of the navigation.
    await page.getByRole('navigation', { name: 'My growth' }).getByRole('link', { name: 'Growth' }).click();
    await page.getByRole('heading', { name: 'Growth', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Mirror feedback' }).click();
    await page.getByRole('heading', { name: 'Mirror feedback needs an EQ goal' }).waitFor();
    await visit(page, 'feedback (no EQ goal)');
    const goalStatus = await page.evaluate(async () => {
      const response = await fetch('/api/v1/goals', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Have my three directors rate our 1:1s 8/10 for candour by June 30',
          category: 'eq',
          targetDate: '2027-06-30',
        }),
      });
      return response.status;
    });
    expect(goalStatus).toBe(201);
    await page.reload();
    await page.getByRole('heading', { name: 'Ask for one outside view' }).waitFor();
    await page.getByText('No requests yet').waitFor();
    // Without a guide there is no one to share with: a sentence instead of a switch that cannot work.
    await page.getByText(/once you work with a guide/).waitFor();
    expect(await page.getByRole('checkbox', { name: /Share this request/ }).count()).toBe(0);
    await visit(page, 'feedback (empty)');

    await page.getByLabel('Who you are asking').fill('Sam');
    await page.getByLabel('The moment (optional)').fill('Thursday’s roadmap review');
    await page.getByLabel('Your question').fill('Any feedback for me?');
    await page.getByTestId('feedback-check').waitFor();
    expect(await page.getByTestId('feedback-check').textContent()).toMatch(/guessing/);
    await visit(page, 'feedback with checker');
    await page.getByLabel('Your question').fill(question);
    await page.getByText('A question they can answer honestly').waitFor();
    await page.getByRole('button', { name: 'Create the link' }).click();
    const linkBox = page.getByRole('textbox', { name: 'Feedback link' });
    await linkBox.waitFor();
    const link = await linkBox.inputValue();
    expect(link).toMatch(/\/feedback\/[A-Za-z0-9_-]{43}$/);
    await page.getByText('Waiting').waitFor();
    await visit(page, 'feedback with link');

    const giver = await newPage(browser, { baseURL: server.url });
    await giver.page.goto(link);
    await giver.page.getByRole('heading', { name: 'Daniel Okafor would value your view' }).waitFor();
    await giver.page.getByText(question).waitFor();
    expect(await giver.page.getByRole('link', { name: 'Goals' }).count()).toBe(0);
    await visit(giver.page, 'giver page');
    await giver.page.getByLabel('Your answer').fill(answer);
    await giver.page.getByRole('button', { name: 'Send my answer' }).click();
    await giver.page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await visit(giver.page, 'giver thanked');
    expect(giver.errors).toEqual([]);

    await page.reload();
    await page.getByText(answer).waitFor();
    await page
      .getByRole('navigation', { name: 'My growth' })
      .getByRole('link', { name: /Growth.*1 answer to thank/ })
      .waitFor();
    await page.getByText('Thank them first').waitFor();
    await visit(page, 'feedback answered');
    await page
      .getByLabel('Your thank-you to Sam')
      .fill('Thank you, Sam. That is exactly what I needed to hear.');
    await page.getByRole('button', { name: 'Log my thank-you' }).click();
    await page.getByText(/You thanked Sam on/).waitFor();
    expect(await page.getByLabel(/answers? to thank/).count()).toBe(0);
    await visit(page, 'feedback thanked');

    const again = await newPage(browser, { baseURL: server.url });
    await again.page.goto(link);
    await again.page.getByRole('heading', { name: 'This question has been answered' }).waitFor();
    await visit(again.page, 'giver page (used link)');
    const secondAnswer = await again.page.evaluate(async (url) => {
      const response = await fetch(url.replace('/feedback/', '/api/v1/public/feedback/'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answer: 'A second answer' }),
      });
      return { status: response.status, code: ((await response.json()) as { code: string }).code };
    }, link);
    expect(secondAnswer).toEqual({ status: 410, code: 'link-used' });

    // The shadow-side map links a strength to the answer that revealed it.
    await page
      .getByRole('navigation', { name: 'My growth' })
      .getByRole('link', { name: /^Growth/ })
      .click();
    await page.getByRole('link', { name: 'Shadow-side map' }).click();
    await page.getByText('No strengths mapped yet').waitFor();
    await visit(page, 'shadow map (empty)');
    await page.getByLabel(/^Strength/).fill('Quick with data');
    await page
      .getByLabel('How it looks when overdone')
      .fill('Cutting people off when they question the numbers');
    await page.getByLabel(/^Sam:/).check();
    await page.getByRole('button', { name: 'Add to my map' }).click();
    await page.getByRole('heading', { name: 'Quick with data' }).waitFor();
    await page.getByRole('article').getByText(`Sam: “${answer}”`).waitFor();
    await visit(page, 'shadow map');

    // The artifact library: an example with its questions, then a draft started from it.
    await page
      .getByRole('navigation', { name: 'My growth' })
      .getByRole('link', { name: /^Growth/ })
      .click();
    await page.getByRole('link', { name: 'Artifact library' }).click();
    await page.getByText('No examples yet').waitFor();
    await visit(page, 'artifacts (empty)');
    await page.getByLabel(/^Title/).fill('Weekly exec update from the payments team');
    await page
      .getByLabel('Questions it answers (one per line)')
      .fill('What changed?\nWhat do you need from me?');
    await page.getByLabel('Tags (comma separated)').fill('exec, weekly');
    await page.getByRole('button', { name: 'Add to my library' }).click();
    await page.getByRole('heading', { name: 'Weekly exec update from the payments team' }).waitFor();
    await visit(page, 'artifacts');
    await page
      .getByRole('button', { name: 'Use Weekly exec update from the payments team as template' })
      .click();
    await page.getByRole('heading', { name: 'My draft' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Draft' }).inputValue()).toBe(
      '## What changed?\n\n## What do you need from me?\n\n',
    );
    await visit(page, 'artifact draft');

    // Settings: export links and a personal access token shown once.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Your growth record' }).waitFor();
    await page.getByText('No active tokens.').waitFor();
    await visit(page, 'settings (no tokens)');
    const exported = await page.evaluate(async () => {
      const response = await fetch('/api/v1/growth-record?format=json');
      return (await response.json()) as {
        feedbackRequests: { thankYouNote: string | null }[];
        shadowMap: unknown[];
      };
    });
    expect(exported.feedbackRequests[0]?.thankYouNote).toContain('Thank you, Sam');
    expect(exported.shadowMap).toHaveLength(1);
    await page.getByLabel('Where will you use it?').fill('my assistant');
    await page.getByRole('button', { name: 'Create token' }).click();
    const tokenBox = page.getByRole('textbox', { name: 'Token' });
    await tokenBox.waitFor();
    expect(await tokenBox.inputValue()).toMatch(/^corner_pat_/);
    await visit(page, 'settings with token');
    await page.getByRole('button', { name: 'Revoke my assistant' }).click();
    await page.getByText('No active tokens.').waitFor();

    expect(member.errors).toEqual([]);
    await Promise.all([member.context.close(), giver.context.close(), again.context.close()]);
  });

  it('sharing with a guide: one relationship is preselected, with two the member picks whose guide reads it', async () => {
    const member = await newPage(browser, { baseURL: server.url });
    const { page } = member;
    await signUpInBrowser(page, 'Fay Member', 'fay@example.test');
    expect(
      await api(page, 'POST', '/api/v1/goals', {
        title: 'Speak up in the first ten minutes of every staff meeting by May 31',
        category: 'eq',
        targetDate: '2027-05-31',
      }),
    ).toMatchObject({ status: 201 });
    const gusPair = await startRelationshipWith('Gus Guide', 'gus@example.test');

    await page.goto('/feedback-requests');
    await page.getByRole('heading', { name: 'Ask for one outside view' }).waitFor();
    await page.getByLabel('Who you are asking').fill('Lee');
    await page.getByLabel('Your question').fill(question);
    await page
      .getByRole('checkbox', { name: 'Share this request and its answer with Gus Guide, my guide' })
      .check();
    await page.getByRole('button', { name: 'Create the link' }).click();
    await page.getByRole('textbox', { name: 'Feedback link' }).waitFor();
    const card = page.getByRole('article', { name: /^Lee/ });
    const cardSwitch = card.getByRole('switch', { name: 'Shared with Gus Guide, my guide' });
    await expect.poll(() => cardSwitch.isChecked()).toBe(true);
    await visit(page, 'feedback shared with the one guide');
    expect(await sharedWith(gusPair)).toEqual([question]);

    // A second guide: now the member says whose guide reads it, on the form and on the request.
    const hanaPair = await startRelationshipWith('Hana Guide', 'hana@example.test');
    await page.reload();
    const cardPicker = card.getByRole('combobox', { name: 'Shared with' });
    await expect.poll(() => cardPicker.inputValue()).toBe('Gus Guide');
    await page.getByRole('combobox', { name: 'Share this request and its answer with' }).waitFor();
    await visit(page, 'feedback with two guides');
    await cardPicker.click();
    await page.getByRole('option', { name: 'Hana Guide' }).click();
    await expect.poll(() => sharedWith(hanaPair)).toEqual([question]);
    expect(await sharedWith(gusPair)).toEqual([]);
    await cardPicker.click();
    await page.getByRole('option', { name: 'No one, only me' }).click();
    await expect.poll(() => sharedWith(hanaPair)).toEqual([]);
    expect(member.errors).toEqual([]);
    await member.context.close();

    // Each guide signs in on their own page; the member invites them and they accept.
    async function startRelationshipWith(name: string, email: string) {
      const invited = await api(page, 'POST', '/api/v1/relationships', {
        inviteeEmail: email,
        myRole: 'member',
        kind: 'mentoring',
        framing: 'goal-oriented',
      });
      expect(invited.status).toBe(201);
      const relationshipId = (invited.body as { relationship: { id: string } }).relationship.id;
      const guide = await newPage(browser, { baseURL: server.url });
      await signUpInBrowser(guide.page, name, email);
      const accepted = await api(guide.page, 'POST', `/api/v1/me/invitations/${relationshipId}/accept`);
      expect(accepted.status).toBe(200);
      return { guidePage: guide.page, relationshipId };
    }
    async function sharedWith(pair: { guidePage: Page; relationshipId: string }) {
      const shared = await api(
        pair.guidePage,
        'GET',
        `/api/v1/relationships/${pair.relationshipId}/shared-feedback`,
      );
      return (shared.body as { requests: { question: string }[] }).requests.map((r) => r.question);
    }
  });
});

// The page's own session calls the API, as the app would.
function api(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    },
    { method, url, body },
  );
}
