import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  fixture,
  type RecordedApi,
  type RecordedRequest,
  startRecordedApi,
} from '../../../test/support/recorded-api';
import {
  BASE_URL,
  createTestApp,
  type Member,
  signUp,
  TEST_CALENDAR_KEY,
  type TestApp,
} from '../../../test/support/test-app';
import { calendarBusyIntervals, calendarConnections } from '../db/schema';
import { readBusy } from '../scheduling/busy-reader';
import { connectorsFor } from './connectors';
import { decryptCredentials, encryptCredentials } from './credentials';
import { SESSION_UID_PROPERTY } from './microsoft-connector';
import { type CalendarProviders, calendarProvidersFrom, parseTokens } from './oauth-providers';
import { OAUTH_NONCE_COOKIE } from './oauth-state';
import { syncConnection } from './sync-connection';
import { writeSessionToCalendars } from './write-session-job';

// Microsoft 365 cannot be reached from here: these tests run the real @microsoft/microsoft-graph-client
// against recorded Microsoft Graph responses (test/fixtures/microsoft-graph/), with the identity
// platform's token endpoint beside them, served by a local HTTP server this file starts.

const M = (name: string) => fixture('microsoft-graph', name);
const CALENDAR = 'AAMkAGI2TGuLAAA=';
const HOLIDAYS = 'AAMkAGI2TGuLBBB=';
const REFRESH_1 = '0.AXEA-recorded-graph-refresh-token-1';
const REFRESH_2 = '0.AXEA-recorded-graph-refresh-token-2';
const TOKEN_1 = 'eyJ0eXAiOiJKV1QiLCJub25jZSI6-recorded-graph-token-1';
const TOKEN_2 = 'eyJ0eXAiOiJKV1QiLCJub25jZSI6-recorded-graph-token-2';

let api: RecordedApi;
let t: TestApp;
let ana: Member;
let providers: CalendarProviders;
const validTokens = new Set([TOKEN_1, TOKEN_2]);
const revoked = new Set<string>();
type Stored = { id: string; calendar: string; body: Record<string, unknown>; uid: string };
const events = new Map<string, Stored>();
let nextId = 1;

const authorized = (request: RecordedRequest) =>
  validTokens.has((request.headers.authorization ?? '').replace(/^Bearer /, ''));
const unauthorized = { status: 401, body: M('error-unauthorized-401.json') };
const notFound = { status: 404, body: M('error-not-found-404.json') };

beforeAll(async () => {
  api = await startRecordedApi([
    {
      method: 'POST',
      path: '/common/oauth2/v2.0/token',
      answer: (request) => {
        const form = new URLSearchParams(request.body);
        if (form.get('grant_type') === 'authorization_code') {
          return form.get('code') === 'recorded-code'
            ? { status: 200, body: M('token.json') }
            : { status: 400, body: M('token-invalid-grant.json') };
        }
        const token = form.get('refresh_token') ?? '';
        return revoked.has(token) || ![REFRESH_1, REFRESH_2].includes(token)
          ? { status: 400, body: M('token-invalid-grant.json') }
          : { status: 200, body: M('token-refreshed.json') };
      },
    },
    {
      method: 'GET',
      path: '/v1.0/me',
      answer: (r) => (authorized(r) ? { status: 200, body: M('me.json') } : unauthorized),
    },
    {
      method: 'GET',
      path: '/v1.0/me/calendars',
      answer: (r) => (authorized(r) ? { status: 200, body: M('calendars.json') } : unauthorized),
    },
    {
      method: 'GET',
      path: /^\/v1\.0\/me\/calendars\/([^/]+)\/calendarView$/,
      answer: (r, match) => {
        if (!authorized(r)) return unauthorized;
        return {
          status: 200,
          body: M(match?.[1] === CALENDAR ? 'calendar-view.json' : 'calendar-view-empty.json'),
        };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\.0\/me\/calendars\/([^/]+)\/calendarView\/delta$/,
      answer: (r, match) => {
        if (!authorized(r)) return unauthorized;
        if (match?.[1] !== CALENDAR) return { status: 200, body: M('calendar-view-delta-empty.json') };
        return {
          status: 200,
          body: M(
            r.query.get('$deltatoken') ? 'calendar-view-delta-unchanged.json' : 'calendar-view-delta.json',
          ),
        };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\.0\/me\/calendars\/([^/]+)\/events$/,
      answer: (r, match) => {
        if (!authorized(r)) return unauthorized;
        const uid = /ep\/value eq '((?:[^']|'')*)'/
          .exec(r.query.get('$filter') ?? '')?.[1]
          ?.replaceAll("''", "'");
        const found = [...events.values()].filter(
          (event) => event.calendar === match?.[1] && event.uid === uid,
        );
        return { status: 200, body: { value: found.map((event) => ({ id: event.id })) } };
      },
    },
    {
      method: 'POST',
      path: /^\/v1\.0\/me\/calendars\/([^/]+)\/events$/,
      answer: (r, match) => {
        if (!authorized(r)) return unauthorized;
        const body = JSON.parse(r.body) as Record<string, unknown> & {
          singleValueExtendedProperties?: { id: string; value: string }[];
        };
        const uid =
          body.singleValueExtendedProperties?.find((p) => p.id === SESSION_UID_PROPERTY)?.value ?? '';
        const id = `AAMkAGI2TGuL-created-${nextId++}`;
        events.set(id, { id, calendar: match?.[1] ?? '', body, uid });
        return { status: 201, body: { id, ...body } };
      },
    },
    {
      method: 'PATCH',
      path: /^\/v1\.0\/me\/events\/([^/]+)$/,
      answer: (r, match) => {
        if (!authorized(r)) return unauthorized;
        const event = events.get(match?.[1] ?? '');
        if (!event) return notFound;
        event.body = { ...event.body, ...(JSON.parse(r.body) as Record<string, unknown>) };
        return { status: 200, body: { id: event.id, ...event.body } };
      },
    },
    {
      method: 'DELETE',
      path: /^\/v1\.0\/me\/events\/([^/]+)$/,
      answer: (r, match) => {
        if (!authorized(r)) return unauthorized;
        return events.delete(match?.[1] ?? '') ? { status: 204 } : notFound;
      },
    },
  ]);
  const configured = calendarProvidersFrom({
    microsoft: {
      clientId: '00001111-aaaa-2222-bbbb-3333cccc4444',
      clientSecret: 'recorded-client-secret',
      redirectUrl: `${BASE_URL}/api/v1/me/calendar-connections/microsoft/callback`,
      tenant: 'common',
    },
  });
  if (!configured.microsoft) throw new Error('microsoft should be configured');
  providers = {
    microsoft: {
      ...configured.microsoft,
      authorizeUrl: `${api.url}/common/oauth2/v2.0/authorize`,
      tokenUrl: `${api.url}/common/oauth2/v2.0/token`,
      apiBaseUrl: `${api.url}/v1.0`,
    },
  };
  t = await createTestApp(new Date('2026-11-21T09:00:00Z'), { calendarProviders: providers });
  ana = await signUp(t, 'Ana Guide', 'Europe/Berlin');
});
afterAll(async () => {
  await t?.close();
  await api?.close();
});
beforeEach(() => api.reset());

async function anaConnection() {
  const [row] = await t.database.db
    .select()
    .from(calendarConnections)
    .where(and(eq(calendarConnections.userId, ana.userId), eq(calendarConnections.provider, 'microsoft')));
  if (!row) throw new Error('no Microsoft connection');
  return row;
}

describe('Microsoft 365 connector (recorded Microsoft Graph responses)', () => {
  it('refuses a state minted for Google or tampered with, and connects with a good one', async () => {
    const start = await ana.request('/api/v1/me/calendar-connections/microsoft/authorize');
    expect(start.status).toBe(302);
    const location = new URL(start.headers.get('location') ?? '');
    expect(location.pathname).toBe('/common/oauth2/v2.0/authorize');
    expect(location.searchParams.get('scope')).toContain('offline_access');
    expect(location.searchParams.get('scope')).toContain('Calendars.ReadWrite');
    const state = location.searchParams.get('state') ?? '';
    const nonce =
      (start.headers.getSetCookie?.() ?? [])
        .find((h) => h.startsWith(`${OAUTH_NONCE_COOKIE}=`))
        ?.split(';')[0] ?? '';
    const back = (query: Record<string, string>) =>
      ana.request(`/api/v1/me/calendar-connections/microsoft/callback?${new URLSearchParams(query)}`, {
        headers: { cookie: `${ana.cookie}; ${nonce}` },
      });

    const tampered = await back({ code: 'recorded-code', state: `x${state}` });
    expect(tampered.status).toBe(400);
    expect(await tampered.json()).toMatchObject({ code: 'calendar-oauth-state-rejected', field: 'state' });
    expect(api.requests.some((request) => request.path.endsWith('/token'))).toBe(false);

    const connected = await back({ code: 'recorded-code', state });
    expect(connected.status, await connected.clone().text()).toBe(302);
    expect(connected.headers.get('location')).toBe('/settings?calendarConnected=microsoft');
    const row = await anaConnection();
    expect(row).toMatchObject({
      username: 'ana.guide@contoso.com',
      status: 'ok',
      displayName: 'Microsoft 365',
    });
    expect(row.credentials).not.toContain(REFRESH_1);
    expect(parseTokens(decryptCredentials(TEST_CALENDAR_KEY, row.credentials)).refreshToken).toBe(REFRESH_1);
    expect(row.calendars.map((calendar) => [calendar.url, calendar.displayName])).toEqual([
      [CALENDAR, 'Calendar'],
      [HOLIDAYS, 'United States holidays'],
    ]);
    const listing = await (await ana.request('/api/v1/me/calendar-connections')).text();
    expect(listing).not.toContain(REFRESH_1);
    expect(listing).not.toContain(TOKEN_1);
  });

  it('reads busy time from calendarView delta: a single event, an all-day one, an occurrence and a moved one; free time is not busy', async () => {
    const row = await anaConnection();
    const summary = await syncConnection(
      t.database.db,
      TEST_CALENDAR_KEY,
      row.id,
      t.clock.now,
      connectorsFor(providers),
    );
    expect(summary).toMatchObject({ status: 'ok', warnings: [] });
    // Connecting read the window whole (a first delta round); this sync asks for the changes since.
    // (The first round's window and pages: microsoft-incremental-sync.recorded.test.ts.)
    const view = api.requests.find(
      (request) => request.path === `/v1.0/me/calendars/${CALENDAR}/calendarView/delta`,
    );
    expect(view?.query.get('$deltatoken')).toBe('R0usmcRecordedDelta1');
    expect(view?.headers.prefer).toContain('outlook.timezone="UTC"');
    expect(view?.headers.authorization).toBe(`Bearer ${TOKEN_1}`);
    const cached = await t.database.db
      .select()
      .from(calendarBusyIntervals)
      .where(eq(calendarBusyIntervals.connectionId, row.id))
      .orderBy(calendarBusyIntervals.startsAt);
    expect(
      cached.map((i) => `${i.startsAt.toISOString()} ${i.endsAt.toISOString()} ${i.recurrenceId ?? '-'}`),
    ).toEqual([
      '2026-12-01T13:00:00.000Z 2026-12-01T14:30:00.000Z -',
      '2026-12-07T08:00:00.000Z 2026-12-07T09:00:00.000Z 2026-12-07T08:00:00.000Z',
      '2026-12-15T13:00:00.000Z 2026-12-15T14:00:00.000Z 2026-12-14T08:00:00.000Z',
      '2026-12-23T23:00:00.000Z 2026-12-25T23:00:00.000Z -',
    ]);
  });

  it('writes, moves and deletes a session event tagged with the session’s UID and the meeting link', async () => {
    const row = await anaConnection();
    await ana.request(`/api/v1/me/calendar-connections/${row.id}`, {
      method: 'PATCH',
      body: { writeCalendarUrl: CALENDAR },
    });
    const invite = {
      uid: 'session-456@corner',
      start: '2026-12-15T10:00:00.000Z',
      end: '2026-12-15T11:00:00.000Z',
      timeZone: 'Europe/Berlin',
      summary: 'Corner session: Ben and Ana',
      url: 'https://meet.jit.si/corner-test-room',
      organizer: { name: 'Ana Guide', email: 'ana@example.test' },
      attendees: [{ name: 'Ben Member', email: 'ben@example.test' }],
      sequence: 0,
      method: 'REQUEST' as const,
    };
    const write = (change: 'booked' | 'moved' | 'cancelled', start = invite.start, end = invite.end) =>
      writeSessionToCalendars(
        t.database.db,
        TEST_CALENDAR_KEY,
        { userIds: [ana.userId], change, invite: { ...invite, start, end } },
        connectorsFor(providers),
      );
    await write('booked');
    const [created] = [...events.values()];
    expect(created?.uid).toBe('session-456@corner');
    expect(created?.body).toMatchObject({
      subject: 'Corner session: Ben and Ana',
      transactionId: 'session-456@corner',
      location: { displayName: 'https://meet.jit.si/corner-test-room' },
      start: { dateTime: '2026-12-15T10:00:00.000', timeZone: 'UTC' },
    });
    await write('moved', '2026-12-16T10:00:00.000Z', '2026-12-16T11:00:00.000Z');
    expect(events.size).toBe(1);
    expect(created?.body).toMatchObject({ start: { dateTime: '2026-12-16T10:00:00.000' } });
    await write('cancelled');
    expect(events.size).toBe(0);
    await write('cancelled');
    expect(api.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1);
  });

  it('refreshes an expired access token and keeps the rotated refresh token', async () => {
    const row = await anaConnection();
    await t.database.db
      .update(calendarConnections)
      .set({
        credentials: encryptCredentials(
          TEST_CALENDAR_KEY,
          JSON.stringify({ refreshToken: REFRESH_1, accessToken: 'expired', expiresAt: Date.now() - 1000 }),
        ),
      })
      .where(eq(calendarConnections.id, row.id));
    const summary = await syncConnection(
      t.database.db,
      TEST_CALENDAR_KEY,
      row.id,
      t.clock.now,
      connectorsFor(providers),
    );
    expect(summary?.status).toBe('ok');
    const refresh = api.requests.filter((request) => request.path.endsWith('/token'));
    expect(refresh).toHaveLength(1);
    expect(new URLSearchParams(refresh[0]?.body).get('refresh_token')).toBe(REFRESH_1);
    const graph = api.requests.filter((request) => request.path.startsWith('/v1.0/'));
    expect(graph.every((request) => request.headers.authorization === `Bearer ${TOKEN_2}`)).toBe(true);
    expect(
      parseTokens(decryptCredentials(TEST_CALENDAR_KEY, (await anaConnection()).credentials)),
    ).toMatchObject({
      refreshToken: REFRESH_2,
      accessToken: TOKEN_2,
    });
  });

  it('gets a fresh token and tries once more when Graph refuses a token that had not expired yet', async () => {
    const row = await anaConnection();
    await t.database.db
      .update(calendarConnections)
      .set({
        credentials: encryptCredentials(
          TEST_CALENDAR_KEY,
          JSON.stringify({
            refreshToken: REFRESH_2,
            accessToken: 'revoked-early',
            expiresAt: Date.now() + 3_600_000,
          }),
        ),
      })
      .where(eq(calendarConnections.id, row.id));
    const summary = await syncConnection(
      t.database.db,
      TEST_CALENDAR_KEY,
      row.id,
      t.clock.now,
      connectorsFor(providers),
    );
    expect(summary?.status).toBe('ok');
    const [first, ...rest] = api.requests.filter((request) => request.path.startsWith('/v1.0/'));
    expect(first?.headers.authorization).toBe('Bearer revoked-early');
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((request) => request.headers.authorization === `Bearer ${TOKEN_2}`)).toBe(true);
    expect(api.requests.filter((request) => request.path.endsWith('/token'))).toHaveLength(1);
  });

  it('marks a revoked authorization as failing and hides the person’s times (fail closed)', async () => {
    const row = await anaConnection();
    revoked.add(REFRESH_2);
    validTokens.delete(TOKEN_2);
    try {
      const summary = await syncConnection(
        t.database.db,
        TEST_CALENDAR_KEY,
        row.id,
        t.clock.now,
        connectorsFor(providers),
      );
      expect(summary?.status).toBe('error');
      expect((await anaConnection()).status).toBe('error');
      const answer = await readBusy(
        t.database.db,
        [ana.userId],
        { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') },
        t.clock.now,
      );
      expect(answer.unreadable).toEqual([
        expect.objectContaining({ userId: ana.userId, calendarName: 'Microsoft 365' }),
      ]);
    } finally {
      revoked.delete(REFRESH_2);
      validTokens.add(TOKEN_2);
    }
  });
});
