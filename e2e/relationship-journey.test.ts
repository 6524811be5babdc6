import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';
import { type RunningServer, startServer } from './support/start-server';

// Two people in two browsers and two time zones run a coaching relationship from the invitation to the
// first held session, and watch its momentum change when weeks pass without a session.
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ env: { CORNER_TEST_CLOCK: '1' } });
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

async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

// The server's test clock and the browsers' clocks move together: pages decide what is due (closing a
// session once it has started) from the browser's own time, as they do for a real person.
let daysAhead = 0;
async function advanceDays(days: number, contexts: BrowserContext[]) {
  daysAhead += days;
  for (const context of contexts) await context.clock.setSystemTime(Date.now() + daysAhead * 86_400_000);
  const response = await fetch(`${server.url}/api/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceDays: days }),
  });
  expect(response.status).toBe(200);
}

// A wall-clock time `days` from now in Europe/Berlin, as a datetime-local input takes it.
function berlinLocal(days: number, hour: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(date);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

describe('relationship journey', () => {
  it('invite → accept → agree → schedule in two zones → prepare → hold → act → journal → momentum', async () => {
    const member = await newPage(browser, { baseURL: server.url, timezoneId: 'Europe/Berlin' });
    const guide = await newPage(browser, { baseURL: server.url, timezoneId: 'America/New_York' });
    await member.context.clock.install();
    await guide.context.clock.install();
    const m = member.page;
    const g = guide.page;

    // The member signs up and invites a coach who has no account yet.
    await m.goto('/');
    await m.getByLabel('Your name').fill('Maya Chen');
    await m.getByLabel('Email', { exact: true }).fill('maya@example.test');
    await m.getByLabel('Password', { exact: true }).fill('a-long-password');
    await m.getByRole('button', { name: 'Create account' }).click();
    await m.getByRole('heading', { name: 'Hello, Maya' }).waitFor();
    await m.getByRole('link', { name: 'Relationships' }).click();
    await m.getByRole('heading', { name: 'Relationships', level: 1 }).waitFor();
    await m.getByText('No relationships yet').waitFor();
    await visit(m, 'relationships (empty)');
    await m.getByLabel('Their email').fill('gus@example.test');
    await choose(m, 'Kind of relationship', 'Coaching');
    await m.getByLabel('A short message').fill('Would you coach me through my first year as a group PM?');
    await m.getByRole('button', { name: 'Send invitation' }).click();
    const link = (await m.getByTestId('invitation-link').textContent())?.trim() ?? '';
    expect(link).toMatch(/\/invitations\/[\w-]{40,}$/);
    await visit(m, 'relationships with invitation');

    // The guide opens the link, creates an account on the spot and accepts.
    await g.goto(new URL(link).pathname);
    await g.getByText('Maya Chen').waitFor();
    await g.getByRole('heading', { name: 'Create an account to answer' }).waitFor();
    await visit(g, 'invitation (no account)');
    await g.getByLabel('Your name').fill('Gus Ortega');
    await g.getByLabel('Email', { exact: true }).fill('gus@example.test');
    await g.getByLabel('Password', { exact: true }).fill('another-long-password');
    await g.getByRole('button', { name: 'Create account' }).click();
    await g.getByRole('button', { name: 'Accept invitation' }).waitFor();
    await visit(g, 'invitation (signed in)');
    await g.getByRole('button', { name: 'Accept invitation' }).click();
    await g.getByRole('heading', { name: 'Coaching with Maya Chen' }).waitFor();

    // The member proposes monthly coaching, sees the method's warning, and proposes every two weeks instead.
    await m.goto('/relationships');
    await m.getByRole('link', { name: /coaching with Gus Ortega/ }).click();
    await m.getByRole('heading', { name: 'Coaching with Gus Ortega' }).waitFor();
    await m.getByRole('button', { name: 'Propose an agreement' }).click();
    await choose(m, 'Cadence', 'Monthly');
    await m
      .getByLabel('Intended outcomes')
      .fill('Run my first planning cycle as a group PM with confidence.');
    await m.getByRole('button', { name: 'Send proposal' }).click();
    await m.getByText(/Coaching loses momentum with fewer than 2 sessions a month/).waitFor();
    await visit(m, 'relationship with agreement warning');
    await m.getByRole('button', { name: 'Propose a change' }).click();
    await choose(m, 'Cadence', 'Every two weeks');
    await m.getByRole('button', { name: 'Send proposal' }).click();
    await m.getByRole('heading', { name: /Proposed by the member \(version 2\)/ }).waitFor();
    expect(await m.getByText(/Coaching loses momentum/).count()).toBe(0);

    await g.reload();
    await g.getByRole('button', { name: 'Accept version 2' }).click();
    await g.getByRole('heading', { name: 'What we agreed (version 2)' }).waitFor();
    await visit(g, 'relationship (guide)');

    // The member books a session nine days ahead at 18:00 Berlin time: 12:00 for the guide in New York.
    await m.reload();
    await m.getByLabel('Starts at').fill(berlinLocal(9, 18));
    await m.getByRole('button', { name: 'Book session' }).click();
    const sessionLink = m.getByRole('link', { name: /18:00 \(Europe\/Berlin\)/ });
    await sessionLink.waitFor();
    await m.getByText(/For the guide: .*12:00 \(America\/New_York\)/).waitFor();
    expect(await m.getByTestId('momentum-state').textContent()).toBe('On track');
    await sessionLink.click();
    await m.getByRole('heading', { name: 'First session', level: 1 }).waitFor();
    await m
      .getByTestId('session-time-other')
      .getByText(/12:00 \(America\/New_York\)/)
      .waitFor();
    const sessionUrl = new URL(m.url()).pathname;
    await m.getByLabel('Agenda topic').fill('Getting to know each other and picking a goal');
    await m.getByLabel('Pre-session note').fill('I want to work on saying no to stakeholders.');
    await m.getByRole('button', { name: 'Save preparation' }).click();
    await m.getByText('Saved.').waitFor();
    await visit(m, 'session before it is held');

    await g.goto(sessionUrl);
    await g.getByText(/Your time: .*12:00 \(America\/New_York\)/).waitFor();
    await g.getByText('The member’s note: I want to work on saying no to stakeholders.').waitFor();
    await visit(g, 'session (guide)');

    // Ten days later the session has happened: notes, then closing needs a next step.
    await advanceDays(10, [member.context, guide.context]);
    await m.reload();
    await m.getByLabel('Notes', { exact: true }).fill('Goal: say no to one low-value request a week.');
    await m.getByRole('button', { name: 'Save shared notes' }).click();
    await m.getByText('Saved (version 1).').waitFor();

    // The guide had the page open at version 0: their save is refused with both texts, and merged.
    await g.getByLabel('Notes', { exact: true }).fill('Guide: start with low-stakes requests.');
    await g.getByRole('button', { name: 'Save shared notes' }).click();
    await g.getByText('Someone saved while you were editing').waitFor();
    expect(await g.getByLabel('Current version').inputValue()).toBe(
      'Goal: say no to one low-value request a week.',
    );
    expect(await g.getByLabel('Your version').inputValue()).toBe('Guide: start with low-stakes requests.');
    await visit(g, 'shared notes conflict');
    await g.getByRole('button', { name: 'Merge both into the editor' }).click();
    await g.getByRole('button', { name: 'Save shared notes' }).click();
    await g.getByText('Saved (version 2).').waitFor();
    const merged = await g.getByLabel('Notes', { exact: true }).inputValue();
    expect(merged).toContain('Goal: say no to one low-value request a week.');
    expect(merged).toContain('Guide: start with low-stakes requests.');
    await m.getByRole('button', { name: 'Close session' }).click();
    await m.getByText(/Add at least one next step/).waitFor();
    await m.getByLabel('Next step 1', { exact: true }).fill('Talk to my manager about scope');
    await m.getByRole('button', { name: 'Close session' }).click();
    await m.getByRole('heading', { name: 'Next steps' }).waitFor();
    await m.getByLabel('How valuable was it? (1–5)').fill('5');
    await m.getByLabel('One word on how it felt').fill('clarifying');
    await m.getByRole('button', { name: 'Send pulse' }).click();
    await m.getByText(/The other side’s rating appears once they have answered/).waitFor();
    await visit(m, 'session held');

    // Between sessions: the action is done; one private and one shared journal entry.
    await m.getByRole('link', { name: 'Back to the relationship' }).click();
    await m.getByRole('button', { name: 'Mark “Talk to my manager about scope” done' }).click();
    await m.getByRole('list', { name: 'Actions' }).getByText('done').waitFor();
    await m
      .getByLabel('Entry', { exact: true })
      .fill('Private: I am scared my manager thinks I am not senior enough.');
    await m.getByRole('button', { name: 'Save entry' }).click();
    await m.getByText('Private: I am scared my manager').waitFor();
    await expect.poll(() => m.getByLabel('Entry', { exact: true }).inputValue()).toBe('');
    await m
      .getByLabel('Entry', { exact: true })
      .fill('Shared: I said no to a reporting request and nothing broke.');
    await m.getByLabel('Share this entry with my guide').check();
    await m.getByRole('button', { name: 'Save entry' }).click();
    await m.getByText('Shared: I said no to a reporting request').waitFor();
    expect(await m.getByTestId('momentum-state').textContent()).toBe('On track');
    await visit(m, 'relationship after the first session');

    await g.goto(new URL(m.url()).pathname);
    await g.getByText('Shared: I said no to a reporting request').waitFor();
    expect(await g.getByText('Private: I am scared').count()).toBe(0);
    await g.getByText('Replies within the agreed time', { exact: false }).waitFor();

    // Twenty-five days without a session: both see the relationship is no longer on track, and why.
    await advanceDays(25, [member.context, guide.context]);
    await m.reload();
    await m.getByTestId('momentum-state').getByText('At risk').waitFor();
    await m.getByText(/No session in \d+ days/).waitFor();
    await g.reload();
    await g.getByTestId('momentum-state').getByText('At risk').waitFor();
    await visit(g, 'relationship at risk (guide)');

    await m.getByRole('tab', { name: /Closing/ }).click();
    await m.getByRole('link', { name: 'End report' }).click();
    await m.getByRole('heading', { name: 'End report' }).waitFor();
    await m.getByText(/Sessions held: 1 of about/).waitFor();
    await visit(m, 'end report');
    await m.getByRole('link', { name: 'Growth', exact: true }).click();
    await m.getByRole('link', { name: 'Journal', exact: true }).click();
    await m.getByRole('heading', { name: 'Journal', level: 1 }).waitFor();
    await m.getByText('Private: I am scared my manager').waitFor();
    await visit(m, 'journal');
    await g.getByRole('link', { name: 'My guide profile', exact: true }).click();
    await g.getByRole('heading', { name: 'My guide profile' }).waitFor();
    await g.getByLabel('Headline').fill('Group PM coach for first-time managers');
    await g.getByRole('button', { name: 'Add a window' }).click();
    await g.getByLabel('From (window 1)').fill('10:00');
    await g.getByRole('button', { name: 'Save profile' }).click();
    await g.getByText('Profile saved.').waitFor();
    await visit(g, 'my guide profile');

    // The refused close (no next step) and the refused stale save are expected 4xx answers.
    const unexpected = (errors: string[]) => errors.filter((e) => !/status of (409|422)/.test(e));
    expect(unexpected(member.errors)).toEqual([]);
    expect(unexpected(guide.errors)).toEqual([]);
    await member.context.close();
    await guide.context.close();
  });
});
