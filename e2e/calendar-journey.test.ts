import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ical, { type VEvent } from 'node-ical';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAgreementTerms } from '../src/domain/agreements/agreement-terms';
import { type RadicaleServer, startRadicale } from '../test/support/radicale';
import { launchBrowser, newPage } from './support/browser';
import { signUpInBrowser, visitAtBothWidths } from './support/journey';
import { type RunningServer, startServer } from './support/start-server';

// Issue 13's acceptance journey against a real CalDAV server (Radicale) and real Chromium: a guide connects
// their calendar in Settings, a busy event there hides the overlapping slot in the member's week view, the
// member books another slot and the session appears in the guide's calendar with its meeting link; with
// Radicale stopped the guide's calendar goes into error and the member's page says so, offering no times.
let server: RunningServer;
let browser: Browser;
let radicale: RadicaleServer;
let workUrl: string;
const shots = process.env.CORNER_SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'corner-calendar-journey');

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  radicale = await startRadicale();
  workUrl = await radicale.createCalendar('work', 'Work');
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await radicale?.close();
});

async function api(context: BrowserContext, method: 'get' | 'post' | 'put', url: string, data?: unknown) {
  const response = await context.request[method](url, { data, headers: { origin: server.url } });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

const DAY_MS = 86_400_000;
const berlinDate = (date: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(date);
const dayLabel = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });

// The first weekday at least eight days ahead (past the method's week of notice, whatever the hour).
function targetDay(): string {
  for (let days = 8; ; days += 1) {
    const date = new Date(Date.now() + days * DAY_MS);
    const weekday = new Date(`${berlinDate(date)}T12:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) return berlinDate(date);
  }
}

// 09:00 on `date` in Berlin as an instant (December or June alike: the offset comes from Intl).
function berlinInstant(date: string, hour: number): Date {
  const guess = new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  const offsetPart = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Berlin',
    timeZoneName: 'shortOffset',
  })
    .formatToParts(guess)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offsetHours = Number(/GMT([+-]\d+)?/.exec(offsetPart ?? '')?.[1] ?? 0);
  return new Date(guess.getTime() - offsetHours * 3_600_000);
}

// Clicks "Sync now" and waits for the server's answer: the page already said "Last synced now" before.
async function syncNow(page: Page, item: ReturnType<Page['getByRole']>) {
  const answered = page.waitForResponse((r) => r.url().endsWith('/sync') && r.request().method() === 'POST');
  await item.getByRole('button', { name: 'Sync Work now' }).click();
  expect((await answered).status()).toBe(200);
}

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

describe('calendar journey', () => {
  it('connect in Settings → a busy event hides a slot → the member books → the event is in Radicale → fail closed', async () => {
    const guide = await newPage(browser, { baseURL: server.url, timezoneId: 'Europe/Berlin' });
    const member = await newPage(browser, { baseURL: server.url, timezoneId: 'America/New_York' });
    const g = guide.page;
    const m = member.page;

    // Gus is a guide with weekday mornings (09:00–11:00 Berlin); Maya is his mentee with an agreement.
    await signUpInBrowser(g, 'Gus Ortega', 'gus@calendar.test');
    await signUpInBrowser(m, 'Maya Chen', 'maya@calendar.test');
    await api(guide.context, 'put', '/api/v1/me/guide-profile', {
      headline: 'Product leader',
      bio: 'Helps PMs grow.',
      kind: 'mentor',
      expertise: ['pricing'],
      formats: ['video'],
      languages: ['en'],
      timeZone: 'Europe/Berlin',
      availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '11:00' })),
      capacity: 5,
    });
    const created = (await api(member.context, 'post', '/api/v1/relationships', {
      inviteeEmail: 'gus@calendar.test',
      myRole: 'member',
      kind: 'mentoring',
      framing: 'goal-oriented',
    })) as { relationship: { id: string }; invitationLink: string };
    const token = new URL(created.invitationLink).pathname.split('/').pop();
    await api(guide.context, 'post', `/api/v1/invitations/${token}/accept`);
    const relationshipId = created.relationship.id;
    await api(member.context, 'post', `/api/v1/relationships/${relationshipId}/agreements`, {
      terms: defaultAgreementTerms('mentoring'),
    });
    await api(guide.context, 'post', `/api/v1/relationships/${relationshipId}/agreements/1/accept`);

    // The guide connects his calendar in Settings: a wrong password first, named under its field.
    await g.getByRole('link', { name: 'Settings' }).click();
    await g.getByRole('heading', { name: 'Calendars' }).waitFor();
    await g.getByText('No calendar connected yet').waitFor();
    await visitAtBothWidths(g, shots, 'settings-calendars-empty');
    await g.getByLabel('Calendar server address').fill(radicale.url);
    await g.getByLabel('User name').fill(radicale.username);
    await g.getByLabel(/^Password/).fill('not-the-password');
    await g.getByLabel('Name to show (optional)').fill('Work');
    await g.getByRole('button', { name: 'Connect calendar' }).click();
    const passwordInput = g.getByLabel(/^Password/);
    await expect.poll(() => passwordInput.getAttribute('aria-invalid')).toBe('true');
    await visitAtBothWidths(g, shots, 'settings-calendars-wrong-password');
    await passwordInput.fill(radicale.password);
    await g.getByRole('button', { name: 'Connect calendar' }).click();
    const item = g.getByRole('listitem', { name: 'Work' });
    await item.getByText('synced', { exact: true }).waitFor();
    await item.getByText(/Last synced now/).waitFor();
    await item.getByLabel('Write sessions into').click();
    await g.getByRole('option', { name: 'Work', exact: true }).click();
    await expect.poll(() => item.getByLabel('Write sessions into').inputValue()).toBe('Work');
    await visitAtBothWidths(g, shots, 'settings-calendars-connected');

    // A busy hour appears in his calendar: 09:00–10:00 Berlin on the target day; he syncs.
    const day = targetDay();
    const busyStart = berlinInstant(day, 9);
    await radicale.putEvent(
      workUrl,
      'dentist.ics',
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:dentist-1\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:${stamp(busyStart)}\r\nDTEND:${stamp(new Date(busyStart.getTime() + 3_600_000))}\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`,
    );
    await syncNow(g, item);
    await item.getByText(/Last synced now/).waitFor();

    // Maya (New York) sees the week by day in her zone, with Gus's time beside each slot.
    await m.goto(`/relationships/${relationshipId}`);
    await m.getByRole('heading', { name: 'Pick an open time' }).waitFor();
    const dayList = m.getByRole('list', { name: `Open times on ${dayLabel(day)}` });
    const loading = m.getByText('Loading the open times…');
    await loading.waitFor({ state: 'detached' });
    for (let tries = 0; tries < 3 && !(await dayList.isVisible()); tries += 1) {
      await m.getByRole('button', { name: 'Next week' }).click();
      await loading.waitFor({ state: 'detached' });
    }
    await dayList.waitFor();
    // 09:00 and 09:30 Berlin (03:00, 03:30 New York) overlap the busy hour; 10:00 Berlin (04:00) is open.
    const names = await dayList
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((b) => b.textContent ?? ''));
    expect(
      names.some((name) => /, 03:00 to/.test(name)),
      names.join('\n'),
    ).toBe(false);
    expect(names.some((name) => /, 03:30 to/.test(name))).toBe(false);
    const open = dayList.getByRole('button', { name: /, 04:00 to 05:00 your time · 10:00 for Gus/ });
    await open.waitFor();
    await visitAtBothWidths(m, shots, 'relationship-week-view');

    // She books it with the keyboard.
    await open.focus();
    await m.keyboard.press('Enter');
    await m.getByRole('button', { name: 'Book this time' }).click();
    await m.getByRole('list', { name: 'Sessions' }).getByRole('link').first().waitFor();
    await visitAtBothWidths(m, shots, 'relationship-booked');

    // The worker writes the session into Gus's Work calendar, with its meeting room.
    const booked = berlinInstant(day, 10);
    let session: VEvent | undefined;
    await expect
      .poll(
        async () => {
          const events = await radicale.listEvents(workUrl);
          session = events
            .flatMap((e) => Object.values(ical.sync.parseICS(e.ics)))
            .filter((c): c is VEvent => c?.type === 'VEVENT')
            .find((e) => String(e.uid).endsWith('@corner'));
          return session?.start.toISOString();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(booked.toISOString());
    expect(String(session?.location)).toMatch(/^https:\/\/meet\.jit\.si\/Corner-/);

    // Radicale goes down; the guide's sync fails and his calendar is in error.
    await radicale.stop();
    await syncNow(g, item);
    await item.getByText('error', { exact: true }).waitFor();
    await item.getByText(/could not be read/).waitFor();
    await visitAtBothWidths(g, shots, 'settings-calendars-error');

    // The member's page offers no times: it says whose calendar, since when, and how to book by agreement.
    await m.reload();
    const hidden = m.getByTestId('slots-hidden');
    await hidden.waitFor();
    await hidden.getByText(/We cannot read Gus Ortega’s Work calendar/).waitFor();
    await hidden.getByText(/since /).waitFor();
    await hidden.getByText(/book by agreement/).waitFor();
    expect(await m.getByRole('list', { name: /^Open times on/ }).count()).toBe(0);
    await visitAtBothWidths(m, shots, 'relationship-fail-closed');

    // His booking rules: an insecure room link is refused under its field; a secure one is saved.
    const roomLink = g.getByLabel('Your own meeting room link');
    await roomLink.fill('http://meet.example.test/gus');
    await g.getByRole('button', { name: 'Save booking rules' }).click();
    await expect.poll(() => roomLink.getAttribute('aria-invalid')).toBe('true');
    await g.getByText('Some rules need a fix').waitFor();
    await visitAtBothWidths(g, shots, 'settings-booking-rules-error');
    await roomLink.fill('https://meet.example.test/gus');
    await g.getByRole('button', { name: 'Add a date override' }).click();
    await g.getByLabel('Date of override 1').fill(day);
    await g.getByRole('button', { name: 'Save booking rules' }).click();
    await g.getByText('Saved. Open slots follow the new rules now.').waitFor();
    const rules = (await api(guide.context, 'get', '/api/v1/me/booking-rules')) as {
      roomLink: string | null;
      dateOverrides: { date: string; windows: unknown[] }[];
    };
    expect(rules.roomLink).toBe('https://meet.example.test/gus');
    expect(rules.dateOverrides).toEqual([{ date: day, windows: [] }]);

    expect(guide.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    expect(member.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await radicale.start();
  }, 240_000);
});
