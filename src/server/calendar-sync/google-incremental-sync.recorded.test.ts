import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  fixture,
  type RecordedApi,
  type RecordedRequest,
  startRecordedApi,
} from '../../../test/support/recorded-api';
import {
  createTestApp,
  type Member,
  signUp,
  TEST_CALENDAR_KEY,
  type TestApp,
} from '../../../test/support/test-app';
import { calendarBusyIntervals, calendarConnections } from '../db/schema';
import { readBusy } from '../scheduling/busy-reader';
import { connectorsFor } from './connectors';
import { encryptCredentials } from './credentials';
import { type CalendarProviders, calendarProvidersFrom } from './oauth-providers';
import { syncConnection } from './sync-connection';

// Google Calendar cannot be reached from here: the real @googleapis/calendar client runs against
// hand-written responses modelled on Google's documented incremental sync (events.list with
// nextPageToken / nextSyncToken, deleted events as `cancelled`, 410 fullSyncRequired), in
// test/fixtures/google-calendar/sync/, served by a local HTTP server this file starts.

const G = (name: string) => fixture('google-calendar', name);
const S = (name: string) => fixture('google-calendar', `sync/${name}`);
const PRIMARY = 'ana.guide@gmail.com';
const TEAM = 'c_8q3k0b2f1n5m7r9t@group.calendar.google.com';
const TOKEN = 'ya29.a0AfB_byC-recorded-access-token-1';
const FULL_PAGE_2 = 'CigKGjVrMW1sMnFmMGQ4YjF2MGM3aHNkM2hidGdtGAEggICA6uC3_hY';
const CHANGES_PAGE_2 = 'EjYKKzVrMW1sMnFmMGQ4YjF2MGM3aHNkM2hidGdtGAEggIDA8fmb_xYiB0NQREFsdlc';
const SYNC_1 = 'CMDkqPaDx70CEMDkqPaDx70CGAU=';
const SYNC_2 = 'CMCi0ZeEx70CEMCi0ZeEx70CGAU=';
const NOW = new Date('2026-11-21T09:00:00Z');
const DAY = 86_400_000;

let api: RecordedApi;
let t: TestApp;
let ana: Member;
let providers: CalendarProviders;
let connectionId: string;

const eventReads = (calendar = PRIMARY) =>
  api.requests.filter((request) => request.path === `/calendar/v3/calendars/${calendar}/events`);

/** events.list as Google answers it: a full read or a read from a sync token, each over two pages. */
function eventsList(request: RecordedRequest, calendar: string | undefined) {
  if (calendar === TEAM) return { status: 200, body: G('events-team.json') };
  const syncToken = request.query.get('syncToken');
  const pageToken = request.query.get('pageToken');
  if (!syncToken) {
    return {
      status: 200,
      body: S(pageToken === FULL_PAGE_2 ? 'events-full-page-2.json' : 'events-full-page-1.json'),
    };
  }
  if (syncToken === SYNC_1) {
    return {
      status: 200,
      body: S(pageToken === CHANGES_PAGE_2 ? 'events-changes-page-2.json' : 'events-changes-page-1.json'),
    };
  }
  if (syncToken === SYNC_2) return { status: 200, body: S('events-no-changes.json') };
  return { status: 410, body: S('error-full-sync-required-410.json') };
}

beforeAll(async () => {
  api = await startRecordedApi([
    {
      method: 'GET',
      path: '/calendar/v3/users/me/calendarList',
      answer: () => ({ status: 200, body: G('calendar-list.json') }),
    },
    {
      method: 'GET',
      path: /^\/calendar\/v3\/calendars\/([^/]+)\/events$/,
      answer: (request, match) => eventsList(request, match?.[1]),
    },
  ]);
  const configured = calendarProvidersFrom({
    google: {
      clientId: 'corner-test.apps.googleusercontent.com',
      clientSecret: 'recorded-client-secret',
      redirectUrl: 'http://localhost:3000/api/v1/me/calendar-connections/google/callback',
    },
  });
  if (!configured.google) throw new Error('google should be configured');
  providers = {
    google: { ...configured.google, tokenUrl: `${api.url}/token`, apiBaseUrl: `${api.url}/` },
  };
  t = await createTestApp(NOW, { calendarProviders: providers });
  ana = await signUp(t, 'Ana Guide', 'Europe/Berlin');
  const [row] = await t.database.db
    .insert(calendarConnections)
    .values({
      userId: ana.userId,
      provider: 'google',
      displayName: 'Google Calendar',
      serverUrl: providers.google?.apiBaseUrl ?? '',
      username: PRIMARY,
      credentials: encryptCredentials(
        TEST_CALENDAR_KEY,
        JSON.stringify({
          refreshToken: '1//0g-recorded',
          accessToken: TOKEN,
          expiresAt: Date.now() + 3_600_000,
        }),
      ),
      createdAt: NOW,
    })
    .returning();
  if (!row) throw new Error('no connection row');
  connectionId = row.id;
});
afterAll(async () => {
  await t?.close();
  await api?.close();
});
beforeEach(() => api.reset());

const sync = (now = NOW) =>
  syncConnection(t.database.db, TEST_CALENDAR_KEY, connectionId, now, connectorsFor(providers));

async function cached() {
  const rows = await t.database.db
    .select()
    .from(calendarBusyIntervals)
    .where(eq(calendarBusyIntervals.connectionId, connectionId))
    .orderBy(calendarBusyIntervals.startsAt);
  return rows.map((row) => `${row.startsAt.toISOString()} ${row.endsAt.toISOString()} ${row.objectId}`);
}
async function primaryCalendar() {
  const [row] = await t.database.db
    .select()
    .from(calendarConnections)
    .where(eq(calendarConnections.id, connectionId));
  return { row, primary: row?.calendars.find((calendar) => calendar.url === PRIMARY) };
}

const FULL_STATE = [
  '2026-12-01T13:00:00.000Z 2026-12-01T14:30:00.000Z 5k1ml2qf0d8b1v0c7hsd3hbtgm',
  '2026-12-03T15:00:00.000Z 2026-12-03T16:00:00.000Z 2c4e6g8i0k2m4o6q8s0u2w4y6a',
  '2026-12-07T08:00:00.000Z 2026-12-07T09:00:00.000Z 3qvf1ohq8a3pnqog2kdm1i3t5u_20261207T080000Z',
  '2026-12-14T08:00:00.000Z 2026-12-14T09:00:00.000Z 3qvf1ohq8a3pnqog2kdm1i3t5u_20261214T080000Z',
];

describe('Google Calendar incremental sync (hand-written responses modelled on the documented API)', () => {
  it('reads the window whole at first, over every page, and keeps the sync token with its window', async () => {
    const summary = await sync();
    expect(summary).toMatchObject({ status: 'ok', calendarsRead: 2 });
    const [first, second, ...more] = eventReads();
    expect(more).toEqual([]);
    expect(first?.query.get('syncToken')).toBeNull();
    expect(first?.query.get('timeMin')).toBe('2026-11-20T09:00:00.000Z');
    expect(first?.query.get('singleEvents')).toBe('true');
    expect(first?.query.get('showDeleted')).toBe('false');
    expect(second?.query.get('pageToken')).toBe(FULL_PAGE_2);
    expect(second?.query.get('timeMin')).toBe('2026-11-20T09:00:00.000Z');
    expect(await cached()).toEqual(FULL_STATE);

    const { row, primary } = await primaryCalendar();
    // The token is bound to the window of this read, which reaches past today's window by the slack.
    expect(primary?.delta).toEqual({
      token: SYNC_1,
      from: '2026-11-20T09:00:00.000Z',
      to: new Date(Date.parse(first?.query.get('timeMax') ?? '')).toISOString(),
    });
    expect(Date.parse(primary?.delta?.to ?? '')).toBeGreaterThan(NOW.getTime() + 370 * DAY);
    // The team calendar's answer had no token: nothing to keep, it is read whole next time.
    expect(row?.calendars.find((calendar) => calendar.url === TEAM)?.delta).toBeNull();
    expect(row?.warnings).toEqual([
      expect.stringContaining('skipped 4f1h3j5l7n9p1r3t5v7a9c1e3g,'),
      expect.stringContaining('skipped 1h8o0m4d6s3r2kq9u0v1p2t3ab,'),
    ]);
  });

  it('then sends the token, follows the pages and applies an added, a changed and two deleted events', async () => {
    const before = await t.database.db
      .select()
      .from(calendarBusyIntervals)
      .where(eq(calendarBusyIntervals.objectId, '3qvf1ohq8a3pnqog2kdm1i3t5u_20261207T080000Z'));
    const summary = await sync(new Date(NOW.getTime() + 15 * 60_000));
    expect(summary).toMatchObject({ status: 'ok', calendarsRead: 2 });
    const [first, second, ...more] = eventReads();
    expect(more).toEqual([]);
    expect(first?.query.get('syncToken')).toBe(SYNC_1);
    // Google refuses timeMin/timeMax beside a sync token, and showDeleted=false with one.
    expect(first?.query.get('timeMin')).toBeNull();
    expect(first?.query.get('timeMax')).toBeNull();
    expect(first?.query.get('showDeleted')).toBeNull();
    expect(first?.query.get('singleEvents')).toBe('true');
    expect(second?.query.get('syncToken')).toBe(SYNC_1);
    expect(second?.query.get('pageToken')).toBe(CHANGES_PAGE_2);

    expect(await cached()).toEqual([
      // Moved a day later.
      '2026-12-02T13:00:00.000Z 2026-12-02T14:30:00.000Z 5k1ml2qf0d8b1v0c7hsd3hbtgm',
      // The dentist (deleted) is gone; the untouched occurrence stays.
      '2026-12-07T08:00:00.000Z 2026-12-07T09:00:00.000Z 3qvf1ohq8a3pnqog2kdm1i3t5u_20261207T080000Z',
      // Added.
      '2026-12-10T16:00:00.000Z 2026-12-10T17:00:00.000Z 6e8g0i2k4m6o8q0s2u4w6y8a0c',
      // The event that had no start now has one; the removed occurrence of 14 Dec is gone.
      '2026-12-11T09:00:00.000Z 2026-12-11T10:00:00.000Z 4f1h3j5l7n9p1r3t5v7a9c1e3g',
    ]);
    // Untouched events keep their cached rows: only the changes were written.
    const after = await t.database.db
      .select()
      .from(calendarBusyIntervals)
      .where(eq(calendarBusyIntervals.objectId, '3qvf1ohq8a3pnqog2kdm1i3t5u_20261207T080000Z'));
    expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id));

    const { row, primary } = await primaryCalendar();
    expect(primary?.delta?.token).toBe(SYNC_2);
    // The repaired event's warning is gone; the one still broken (and not sent again) keeps its warning.
    expect(row?.warnings).toEqual([expect.stringContaining('skipped 1h8o0m4d6s3r2kq9u0v1p2t3ab,')]);
  });

  it('counts a calendar with no changes as unchanged and keeps its cache and warnings', async () => {
    const summary = await sync(new Date(NOW.getTime() + 30 * 60_000));
    expect(summary).toMatchObject({ status: 'ok', calendarsRead: 1, calendarsUnchanged: 1 });
    expect(eventReads()[0]?.query.get('syncToken')).toBe(SYNC_2);
    expect(await cached()).toHaveLength(4);
    expect((await primaryCalendar()).row?.warnings).toHaveLength(1);
  });

  it('reads the calendar whole again when Google answers 410 GONE to the token', async () => {
    const { row } = await primaryCalendar();
    await t.database.db
      .update(calendarConnections)
      .set({
        calendars: (row?.calendars ?? []).map((calendar) =>
          calendar.delta
            ? { ...calendar, delta: { ...calendar.delta, token: 'CJDexpired-token' } }
            : calendar,
        ),
      })
      .where(eq(calendarConnections.id, connectionId));
    const summary = await sync(new Date(NOW.getTime() + 45 * 60_000));
    expect(summary).toMatchObject({ status: 'ok' });
    const reads = eventReads();
    expect(reads.map((request) => request.query.get('syncToken'))).toEqual(['CJDexpired-token', null, null]);
    expect(reads[1]?.query.get('timeMin')).toBe('2026-11-20T09:00:00.000Z');
    expect(reads[2]?.query.get('pageToken')).toBe(FULL_PAGE_2);
    // The cache is what the full read says, the earlier changes included or dropped by it.
    expect(await cached()).toEqual(FULL_STATE);
    expect((await primaryCalendar()).primary?.delta?.token).toBe(SYNC_1);
  });

  it('fails closed when an incremental read fails, and reads whole after the failure', async () => {
    api.override({
      method: 'GET',
      path: /^\/calendar\/v3\/calendars\/([^/]+)\/events$/,
      answer: () => ({ status: 503, body: { error: { code: 503, message: 'Backend Error' } } }),
    });
    const hourLater = new Date(NOW.getTime() + 60 * 60_000);
    const failed = await sync(hourLater);
    expect(failed?.status).toBe('error');
    expect(eventReads()[0]?.query.get('syncToken')).toBe(SYNC_1);
    const answer = await readBusy(
      t.database.db,
      [ana.userId],
      { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') },
      hourLater,
    );
    expect(answer.unreadable).toEqual([expect.objectContaining({ userId: ana.userId })]);

    api.reset();
    expect((await sync(hourLater))?.status).toBe('ok');
    // A connection coming back from an error does not trust its token: the calendar is read whole.
    expect(eventReads()[0]?.query.get('syncToken')).toBeNull();
    expect(await cached()).toEqual(FULL_STATE);
  });

  it('reads whole once the rolling window has moved past the token’s window', async () => {
    const { primary } = await primaryCalendar();
    const tokenEnd = Date.parse(primary?.delta?.to ?? '');
    // Still inside: the token is used.
    const inside = new Date(tokenEnd - 370 * DAY);
    await sync(inside);
    expect(eventReads()[0]?.query.get('syncToken')).toBe(SYNC_1);
    api.reset();
    const later = new Date(tokenEnd - 370 * DAY + 60_000);
    await sync(later);
    const [first] = eventReads();
    expect(first?.query.get('syncToken')).toBeNull();
    expect(first?.query.get('timeMin')).toBe(new Date(later.getTime() - DAY).toISOString());
    expect((await primaryCalendar()).primary?.delta?.from).toBe(
      new Date(later.getTime() - DAY).toISOString(),
    );
  });
});
