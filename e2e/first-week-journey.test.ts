import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';
import { signUpInBrowser } from './support/journey';
import { type RunningServer, startServer } from './support/start-server';

// The first week of each role (issue 12): a new member, a new guide and a new admin go from sign-up to
// their first real step, each step at most three clicks, every page checked with axe, screenshots at
// 1280 and 390 wide, and the five main pages without horizontal scroll on a phone.
let server: RunningServer;
let browser: Browser;
const shots = process.env.CORNER_SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'corner-first-week');

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
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
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path.join(shots, `${label}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(150);
  const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  await page.screenshot({ path: path.join(shots, `${label}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  return scrollWidth;
}

const guideProfile = {
  headline: 'Product leader who helps PMs grow',
  bio: 'Fifteen years in product, from startups to scale-ups.',
  kind: 'mentor',
  expertise: ['pricing', 'growth'],
  formats: ['video'],
  languages: ['en'],
  timeZone: 'Europe/Berlin',
  availability: [{ weekday: 2, start: '10:00', end: '14:00' }],
  capacity: 3,
};

const sidebarItems = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link');

describe('first week', () => {
  it('a new member: short menu, Growth hub, self-coaching journal, directory filters in the URL', async () => {
    const { page, errors, context } = await newPage(browser, { baseURL: server.url });
    await signUpInBrowser(page, 'Mina Member', 'mina@example.test');
    expect(await visit(page, 'member-home')).toBeLessThanOrEqual(390);
    const items = await sidebarItems(page).allTextContents();
    expect(items.length).toBeLessThanOrEqual(7);
    expect(items).not.toContain('Shadow-side map');
    expect(items).not.toContain('My guide profile');

    // Growth (1 click) → Journal (1 click) → write and save (1 click).
    await page.getByRole('link', { name: 'Growth' }).click();
    await page.getByRole('heading', { name: 'Growth', level: 1 }).waitFor();
    await page.getByText('Nothing written yet — your first entry takes five minutes.').waitFor();
    await visit(page, 'member-growth');
    await page.getByRole('link', { name: 'Journal', exact: true }).click();
    await page
      .getByRole('textbox', { name: 'Entry', exact: true })
      .fill('What I avoided this week: the pricing conversation.');
    await visit(page, 'member-journal');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByText('What I avoided this week: the pricing conversation.').waitFor();
    expect(await page.getByLabel('Share this entry with my guide').count()).toBe(0);

    // Goals on a phone.
    await page.getByRole('link', { name: 'Goals' }).click();
    await page.getByRole('heading', { name: 'Goals', level: 1 }).waitFor();
    expect(await visit(page, 'member-goals')).toBeLessThanOrEqual(390);

    // The directory keeps its filters in the address, and back/forward walks them.
    // With no filters set, an empty directory does not blame the member's filters.
    await page.getByRole('link', { name: 'Find a guide' }).click();
    await page.getByText('No guides are taking requests yet').waitFor();
    await page.goto('/guides?kind=coach');
    await page.getByRole('status').filter({ hasText: 'guides found' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Kind of guide' }).inputValue()).toBe('Coaches');
    expect(await visit(page, 'member-directory')).toBeLessThanOrEqual(390);
    const searchBox = page.getByRole('textbox', { name: 'Search' });
    const languageBox = page.getByRole('combobox', { name: 'Language' });
    const overlapBox = page.getByRole('checkbox', { name: 'Only guides free during my working day' });
    const priceBox = page.getByRole('textbox', { name: 'Highest price per session' });
    const kindBox = page.getByRole('combobox', { name: 'Kind of guide' });
    await searchBox.fill('pricing');
    await languageBox.click();
    await page.getByRole('option', { name: 'German' }).click();
    await overlapBox.check();
    await priceBox.fill('80');
    await page.getByRole('textbox', { name: 'Expertise (comma separated)' }).fill('growth');
    await kindBox.click();
    await page.getByRole('option', { name: 'Mentors' }).click();
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=pricing/);
    await page.getByText('No guide matches all of that').waitFor();
    // Searching again with the same filters adds no step to the history: one Back undoes the search.
    await page.getByRole('button', { name: 'Search' }).click();
    // Back and forward move the form with the address, not only the results.
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('q=pricing'));
    await page.getByRole('status').filter({ hasText: '0 guides found' }).waitFor();
    await expect.poll(() => searchBox.inputValue()).toBe('');
    await expect.poll(() => languageBox.inputValue()).toBe('Any language');
    expect(await overlapBox.isChecked()).toBe(false);
    expect(await priceBox.inputValue()).toBe('');
    expect(await page.getByRole('textbox', { name: 'Expertise (comma separated)' }).inputValue()).toBe('');
    expect(await kindBox.inputValue()).toBe('Coaches');
    await page.goForward();
    await page.waitForURL(/q=pricing/);
    await page.getByText('No guide matches all of that').waitFor();
    await expect.poll(() => searchBox.inputValue()).toBe('pricing');
    await expect.poll(() => languageBox.inputValue()).toBe('German');
    expect(await overlapBox.isChecked()).toBe(true);
    expect(await priceBox.inputValue()).toBe('80');
    expect(await kindBox.inputValue()).toBe('Mentors');

    // A relationship page on a phone (an invitation just sent).
    const relationshipId = await page.evaluate(async () => {
      const response = await fetch('/api/v1/relationships', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          inviteeEmail: 'someone@example.test',
          myRole: 'member',
          kind: 'mentoring',
          framing: 'goal-oriented',
        }),
      });
      return ((await response.json()) as { relationship: { id: string } }).relationship.id;
    });
    await page.goto(`/relationships/${relationshipId}`);
    await page.getByRole('heading', { name: /Mentoring with/ }).waitFor();
    expect(await visit(page, 'member-relationship')).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a new guide: offers to guide, then the menu and home show guiding', async () => {
    const { page, errors, context } = await newPage(browser, { baseURL: server.url });
    await signUpInBrowser(page, 'Gale Guide', 'gale@example.test');
    await page.getByRole('link', { name: 'Offer to guide others' }).click();
    await page.waitForURL(/my-guide-profile/);
    await visit(page, 'guide-profile-form');
    // The profile is long; its fields are covered by the directory journey. Publishing it here
    // through the same API the form calls keeps this journey about what changes afterwards.
    const status = await page.evaluate(async (profile) => {
      const response = await fetch('/api/v1/me/guide-profile', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(profile),
      });
      return response.status;
    }, guideProfile);
    expect(status).toBe(200);
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: /Intro requests/ }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My guide profile' })
      .waitFor();
    expect(await sidebarItems(page).allTextContents()).toContain('Intro requests');
    expect(await visit(page, 'guide-home')).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an invited guide sees the invitations in the menu, declines one and accepts the other from Home', async () => {
    for (const [name, email] of [
      ['Omar Other', 'omar@example.test'],
      ['Noor Newcomer', 'noor@example.test'],
    ] as const) {
      await inviteIris(name, email);
    }

    const { page, errors, context } = await newPage(browser, { baseURL: server.url });
    await signUpInBrowser(page, 'Iris Invited', 'iris@example.test');
    // The count is part of the Home link's name, so a screen reader hears it with the link.
    const mainNav = page.getByRole('navigation', { name: 'Main' });
    const homeLink = (name: string) => mainNav.getByRole('link', { name, exact: true });
    await homeLink('Home 2 invitations').waitFor();
    await page.getByRole('heading', { name: 'Waiting for your answer' }).waitFor();
    await page.getByText('Noor Newcomer invites you to a relationship, as their guide.').waitFor();
    expect(await visit(page, 'invited-guide-home')).toBeLessThanOrEqual(390);
    const fromOmar = page.getByRole('listitem').filter({ hasText: 'Omar Other invites you' });
    await fromOmar.getByLabel('Reason, if you decline').fill('I do not know Omar.');
    await fromOmar.getByRole('button', { name: /^Decline/ }).click();
    await fromOmar.waitFor({ state: 'detached' });
    await homeLink('Home 1 invitation').waitFor();
    await page.getByRole('button', { name: /^Accept/ }).click();
    await page.getByRole('heading', { name: 'Waiting for your answer' }).waitFor({ state: 'detached' });
    await homeLink('Home').waitFor();
    await mainNav.getByRole('link', { name: 'Relationships' }).click();
    await page.getByText('Noor Newcomer').first().waitFor();
    // The invitation mail, as kept in Corner: its link is a real link.
    await page.goto('/outbox');
    const invitationLink = page.getByRole('link', { name: /\/invitations\// });
    await invitationLink.first().waitFor();
    expect(await invitationLink.first().getAttribute('href')).toMatch(/^http.*\/invitations\/[^/]+$/);
    await expectNoSeriousA11yViolations(page, 'invited-guide-outbox');
    expect(errors).toEqual([]);
    await context.close();
  });

  async function inviteIris(name: string, email: string) {
    const member = await newPage(browser, { baseURL: server.url });
    await signUpInBrowser(member.page, name, email);
    const sent = await member.page.evaluate(async () => {
      const response = await fetch('/api/v1/relationships', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          inviteeEmail: 'iris@example.test',
          myRole: 'member',
          kind: 'mentoring',
          framing: 'goal-oriented',
        }),
      });
      return response.status;
    });
    expect(sent).toBe(201);
    await member.context.close();
  }

  it('a new admin: creates a program and lands on its page', async () => {
    const { page, errors, context } = await newPage(browser, { baseURL: server.url });
    await signUpInBrowser(page, 'Ada Admin', 'ada@example.test');
    expect(await sidebarItems(page).allTextContents()).not.toContain('Programs I run');
    await page.getByRole('link', { name: 'Run a mentoring program' }).click();
    await page.getByLabel('Program name').fill('Product League');
    await visit(page, 'admin-programs');
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.getByRole('heading', { name: 'Product League', level: 1 }).waitFor();
    await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Programs I run' })
      .waitFor();
    expect(await visit(page, 'admin-program')).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });
});
