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

// Microsoft 365 cannot be reached from here: the real @microsoft/microsoft-graph-client runs against
// hand-written responses modelled on Graph's documented calendarView delta (pages linked by
// @odata.nextLink, an @odata.deltaLink at the end, deleted events as `@removed`, 410 SyncStateNotFound),
// in test/fixtures/microsoft-graph/delta/, served by a local HTTP server this file starts. The links in
// them name graph.microsoft.com, as Graph's do; the connector follows them on the configured host.

const M = (name: string) => fixture('microsoft-graph', name);
const D = (name: string) => fixture('microsoft-graph', `delta/${name}`);
const CALENDAR = 'AAMkAGI2TGuLAAA=';
const HOLIDAYS = 'AAMkAGI2TGuLBBB=';
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJub25jZSI6-recorded-graph-token-1';
const FULL_PAGE_2 = 'R0usmcCM996atia_s-Full2';
const CHANGES_PAGE_2 = 'R0usmcMDNGg0J1E-Changes2';
const DELTA_1 = 'R0usmci39OQxqJrxK4-Delta1';
const DELTA_2 = 'R0usmcMDNGg0J1E-Delta2';
const NOW = new Date('2026-11-21T09:00:00Z');
const DAY = 86_400_000;

let api: RecordedApi;
let t: TestApp;
let ana: Member;
let providers: CalendarProviders;
let connectionId: string;

const deltaReads = (calendar = CALENDAR) =>
  api.requests.filter((request) => request.path === `/v1.0/me/calendars/${calendar}/calendarView/delta`);

/** calendarView delta as Graph answers it: the first round and a round from a delta link, two pages each. */
function delta(request: RecordedRequest, calendar: string | undefined) {
  const skip = request.query.get('$skiptoken');
  const token = request.query.get('$deltatoken');
  if (calendar === HOLIDAYS) return { status: 200, body: D('empty-calendar.json') };
  if (skip === FULL_PAGE_2) return { status: 200, body: D('full-page-2.json') };
  if (skip === CHANGES_PAGE_2) return { status: 200, body: D('changes-page-2.json') };
  if (token === DELTA_1) return { status: 200, body: D('changes-page-1.json') };
  if (token === DELTA_2) return { status: 200, body: D('no-changes.json') };
  if (token) return { status: 410, body: D('error-sync-state-not-found-410.json') };
  if (!request.query.get('startDateTime') || !request.query.get('endDateTime')) {
    return { status: 400, body: { error: { code: 'ErrorInvalidParameter', message: 'startDateTime' } } };
  }
  return { status: 200, body: D('full-page-1.json') };
}

beforeAll(async () => {
  api = await startRecordedApi([
    { method: 'GET', path: '/v1.0/me/calendars', answer: () => ({ status: 200, body: M('calendars.json') }) },
    {
      method: 'GET',
      path: /^\/v1\.0\/me\/calendars\/([^/]+)\/calendarView\/delta$/,
      answer: (request, match) => delta(request, match?.[1]),
    },
  ]);
  const configured = calendarProvidersFrom({
    microsoft: {
      clientId: '00001111-aaaa-2222-bbbb-3333cccc4444',
      clientSecret: 'recorded-client-secret',
      redirectUrl: 'http://localhost:3000/api/v1/me/calendar-connections/microsoft/callback',
      tenant: 'common',
    },
  });
  if (!configured.microsoft) throw new Error('microsoft should be configured');
  providers = {
    microsoft: {
      ...configured.microsoft,
      tokenUrl: `${api.url}/common/oauth2/v2.0/token`,
      apiBaseUrl: `${api.url}/v1.0`,
    },
  };
  t = await createTestApp(NOW, { calendarProviders: providers });
  ana = await signUp(t, 'Ana Guide', 'Europe/Berlin');
  const [row] = await t.database.db
    .insert(calendarConnections)
    .values({
      userId: ana.userId,
      provider: 'microsoft',
      displayName: 'Microsoft 365',
      serverUrl: providers.microsoft?.apiBaseUrl ?? '',
      username: 'ana.guide@contoso.com',
      credentials: encryptCredentials(
        TEST_CALENDAR_KEY,
        JSON.stringify({
          refreshToken: '0.AXEA-recorded',
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
async function mainCalendar() {
  const [row] = await t.database.db
    .select()
    .from(calendarConnections)
    .where(eq(calendarConnections.id, connectionId));
  return row?.calendars.find((calendar) => calendar.url === CALENDAR);
}
const setToken = async (token: string) => {
  const [row] = await t.database.db
    .select()
    .from(calendarConnections)
    .where(eq(calendarConnections.id, connectionId));
  await t.database.db
    .update(calendarConnections)
    .set({
      calendars: (row?.calendars ?? []).map((calendar) =>
        calendar.url === CALENDAR && calendar.delta
          ? { ...calendar, delta: { ...calendar.delta, token } }
          : calendar,
      ),
    })
    .where(eq(calendarConnections.id, connectionId));
};

const FULL_STATE = [
  '2026-12-01T13:00:00.000Z 2026-12-01T14:30:00.000Z AAMkAGI2TGuLAAA-single',
  '2026-12-03T15:00:00.000Z 2026-12-03T16:00:00.000Z AAMkAGI2TGuLAAA-dentist',
  '2026-12-07T08:00:00.000Z 2026-12-07T09:00:00.000Z AAMkAGI2TGuLAAA-occurrence-1',
  '2026-12-14T08:00:00.000Z 2026-12-14T09:00:00.000Z AAMkAGI2TGuLAAA-occurrence-2',
];
const linkTo = (token: string) =>
  `https://graph.microsoft.com/v1.0/me/calendars/AAMkAGI2TGuLAAA%3D/calendarView/delta?$deltatoken=${token}`;

describe('Microsoft 365 incremental sync (hand-written responses modelled on the documented Graph API)', () => {
  it('reads the window whole in a first delta round, over every page, and keeps the delta link', async () => {
    const summary = await sync();
    expect(summary).toMatchObject({ status: 'ok', calendarsRead: 2, warnings: [] });
    const [first, second, ...more] = deltaReads();
    expect(more).toEqual([]);
    expect(first?.query.get('startDateTime')).toBe('2026-11-20T09:00:00.000Z');
    expect(Date.parse(first?.query.get('endDateTime') ?? '')).toBeGreaterThan(NOW.getTime() + 370 * DAY);
    expect(first?.headers.prefer).toContain('outlook.timezone="UTC"');
    expect(first?.headers.prefer).toContain('odata.maxpagesize=');
    // The next link names graph.microsoft.com; it is followed on the configured host, with the token.
    expect(second?.query.get('$skiptoken')).toBe(FULL_PAGE_2);
    expect(second?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(second?.headers.prefer).toContain('outlook.timezone="UTC"');
    expect(await cached()).toEqual(FULL_STATE);
    expect(await mainCalendar()).toMatchObject({
      delta: {
        token: linkTo(DELTA_1),
        from: '2026-11-20T09:00:00.000Z',
        to: new Date(Date.parse(first?.query.get('endDateTime') ?? '')).toISOString(),
      },
    });
  });

  it('then requests the delta link, follows its pages and applies added, changed and removed events', async () => {
    const summary = await sync(new Date(NOW.getTime() + 15 * 60_000));
    expect(summary).toMatchObject({ status: 'ok', calendarsRead: 1, calendarsUnchanged: 1 });
    const [first, second, ...more] = deltaReads();
    expect(more).toEqual([]);
    expect(first?.query.get('$deltatoken')).toBe(DELTA_1);
    expect(first?.query.get('startDateTime')).toBeNull();
    expect(second?.query.get('$skiptoken')).toBe(CHANGES_PAGE_2);
    expect(await cached()).toEqual([
      // Shown as free before, now busy: it enters the cache.
      '2026-12-02T08:00:00.000Z 2026-12-02T10:00:00.000Z AAMkAGI2TGuLAAA-free',
      // Moved a day later.
      '2026-12-02T13:00:00.000Z 2026-12-02T14:30:00.000Z AAMkAGI2TGuLAAA-single',
      '2026-12-07T08:00:00.000Z 2026-12-07T09:00:00.000Z AAMkAGI2TGuLAAA-occurrence-1',
      // Added; the dentist and the second occurrence (@removed) are gone.
      '2026-12-10T16:00:00.000Z 2026-12-10T17:00:00.000Z AAMkAGI2TGuLAAA-board',
    ]);
    expect((await mainCalendar())?.delta?.token).toBe(linkTo(DELTA_2));
  });

  it('keeps the cache as it is when the delta link brings no change', async () => {
    const summary = await sync(new Date(NOW.getTime() + 30 * 60_000));
    expect(summary).toMatchObject({ status: 'ok', calendarsRead: 0, calendarsUnchanged: 2 });
    expect(deltaReads()[0]?.query.get('$deltatoken')).toBe(DELTA_2);
    expect(await cached()).toHaveLength(4);
  });

  it('reads the window whole again when Graph no longer knows the delta token (410 SyncStateNotFound)', async () => {
    await setToken(linkTo('R0usmcExpired'));
    const summary = await sync(new Date(NOW.getTime() + 45 * 60_000));
    expect(summary).toMatchObject({ status: 'ok' });
    const reads = deltaReads();
    expect(reads.map((request) => request.query.get('$deltatoken'))).toEqual(['R0usmcExpired', null, null]);
    expect(reads[1]?.query.get('startDateTime')).toBe('2026-11-20T09:00:00.000Z');
    expect(reads[2]?.query.get('$skiptoken')).toBe(FULL_PAGE_2);
    expect(await cached()).toEqual(FULL_STATE);
    expect((await mainCalendar())?.delta?.token).toBe(linkTo(DELTA_1));
  });

  it('fails closed when a delta read fails for another reason, and reads whole after the failure', async () => {
    const hourLater = new Date(NOW.getTime() + 60 * 60_000);
    api.override({
      method: 'GET',
      path: /calendarView\/delta$/,
      answer: () => ({
        status: 500,
        body: { error: { code: 'ErrorInternalServerError', message: 'An internal server error occurred.' } },
      }),
    });
    const failed = await sync(hourLater);
    expect(failed?.status).toBe('error');
    expect(deltaReads()[0]?.query.get('$deltatoken')).toBe(DELTA_1);
    const answer = await readBusy(
      t.database.db,
      [ana.userId],
      { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') },
      hourLater,
    );
    expect(answer.unreadable).toEqual([expect.objectContaining({ userId: ana.userId })]);

    api.reset();
    expect((await sync(hourLater))?.status).toBe('ok');
    expect(deltaReads()[0]?.query.get('$deltatoken')).toBeNull();
    expect(await cached()).toEqual(FULL_STATE);
  });

  it('starts a new first round once the rolling window has moved past the delta link’s window', async () => {
    const tokenEnd = Date.parse((await mainCalendar())?.delta?.to ?? '');
    await sync(new Date(tokenEnd - 370 * DAY));
    expect(deltaReads()[0]?.query.get('$deltatoken')).toBe(DELTA_1);
    api.reset();
    const later = new Date(tokenEnd - 370 * DAY + 60_000);
    await sync(later);
    const [first] = deltaReads();
    expect(first?.query.get('$deltatoken')).toBeNull();
    expect(first?.query.get('startDateTime')).toBe(new Date(later.getTime() - DAY).toISOString());
  });
});
