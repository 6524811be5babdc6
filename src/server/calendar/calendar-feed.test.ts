import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import type { FeedEvent } from './build-session-invite';

let t: TestApp;
let ana: Member;
let ben: Member;
const sessionsByUser = new Map<string, FeedEvent[]>();

beforeAll(async () => {
  t = await createTestApp(undefined, { sessionSource: async (userId) => sessionsByUser.get(userId) ?? [] });
  ana = await signUp(t, 'Ana Member', 'Europe/Berlin');
  ben = await signUp(t, 'Ben Guide', 'America/New_York');
  sessionsByUser.set(ana.userId, [
    {
      uid: 's1@corner',
      start: '2026-03-27T16:00:00Z',
      end: '2026-03-27T17:00:00Z',
      timeZone: 'Europe/Berlin',
      summary: 'With Ben',
    },
    {
      uid: 's2@corner',
      start: '2026-03-30T15:00:00Z',
      end: '2026-03-30T16:00:00Z',
      timeZone: 'Europe/Berlin',
      summary: 'With Ben',
    },
    {
      uid: 's3@corner',
      start: '2026-03-09T14:00:00Z',
      end: '2026-03-09T15:00:00Z',
      timeZone: 'America/New_York',
      summary: 'Peer call',
      cancelled: true,
      sequence: 2,
    },
  ]);
});
afterAll(() => t.close());

const createFeed = async (member: Member) => {
  const response = await member.request('/api/v1/calendar-feed', { method: 'POST' });
  expect(response.status).toBe(201);
  return ((await response.json()) as { url: string }).url;
};
const pathOf = (url: string) => new URL(url).pathname;

describe('the calendar feed', () => {
  it('is off until created, and the link is shown once', async () => {
    const before = await (await ana.request('/api/v1/calendar-feed')).json();
    expect(before).toEqual({ active: false, createdAt: null });
    const url = await createFeed(ana);
    expect(url).toMatch(/^http:\/\/localhost(:\d+)?\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const after = (await (await ana.request('/api/v1/calendar-feed')).json()) as Record<string, unknown>;
    expect(after.active).toBe(true);
    expect(JSON.stringify(after)).not.toContain(pathOf(url).slice(10, 53));
  });

  it('serves the person’s sessions at the real instants, without signing in', async () => {
    const url = await createFeed(ana);
    const response = await t.app.request(pathOf(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const text = await response.text();
    const events = Object.values(ical.sync.parseICS(text)).filter(
      (component): component is VEvent => component?.type === 'VEVENT',
    );
    const byUid = Object.fromEntries(events.map((event) => [event.uid, event]));
    expect(byUid['s1@corner']?.start.toISOString()).toBe('2026-03-27T16:00:00.000Z');
    expect(byUid['s2@corner']?.start.toISOString()).toBe('2026-03-30T15:00:00.000Z');
    expect(byUid['s3@corner']?.start.toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(byUid['s3@corner']?.status).toBe('CANCELLED');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260327T170000');
  });

  it('stops serving the old link when the person rotates it', async () => {
    const old = await createFeed(ana);
    const fresh = await createFeed(ana);
    expect((await t.app.request(pathOf(old))).status).toBe(404);
    expect((await t.app.request(pathOf(fresh))).status).toBe(200);
  });

  it('shows each person only their own sessions', async () => {
    const url = await createFeed(ben);
    const text = await (await t.app.request(pathOf(url))).text();
    expect(text).not.toContain('s1@corner');
    expect(text).toContain('BEGIN:VCALENDAR');
  });

  it('turns off, and answers unknown or malformed tokens with the same 404', async () => {
    const url = await createFeed(ben);
    expect((await ben.request('/api/v1/calendar-feed', { method: 'DELETE' })).status).toBe(200);
    for (const path of [
      pathOf(url),
      '/calendar/not-a-token.ics',
      `/calendar/${'a'.repeat(43)}.ics`,
      '/calendar/x',
    ]) {
      const response = await t.app.request(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('needs a signed-in person to create a link', async () => {
    const anonymous = { method: 'POST', headers: { origin: 'http://localhost:3000' } };
    expect((await t.app.request('/api/v1/calendar-feed', anonymous)).status).toBe(401);
  });
});
