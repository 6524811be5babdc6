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
import { base32hex } from './google-connector';
import { type CalendarProviders, calendarProvidersFrom, parseTokens } from './oauth-providers';
import { OAUTH_NONCE_COOKIE } from './oauth-state';
import { syncConnection } from './sync-connection';
import { writeSessionToCalendars } from './write-session-job';

// Google Calendar cannot be reached from here: these tests run the real @googleapis/calendar client and
// google-auth-library against recorded Google Calendar API responses (test/fixtures/google-calendar/),
// served by a local HTTP server this file starts, with the OAuth token endpoint beside them.

const G = (name: string) => fixture('google-calendar', name);
const PRIMARY = 'ana.guide@gmail.com';
const TEAM = 'c_8q3k0b2f1n5m7r9t@group.calendar.google.com';
const REFRESH = '1//0g-recorded-refresh-token-Google';
const TOKEN_1 = 'ya29.a0AfB_byC-recorded-access-token-1';
const TOKEN_2 = 'ya29.a0AfB_byC-recorded-access-token-2';

let api: RecordedApi;
let t: TestApp;
let ana: Member;
let providers: CalendarProviders;
/** The events Corner wrote, by calendar and event id (the recorded insert/update/delete answers). */
const written = new Map<string, Record<string, unknown>>();
const revoked = new Set<string>();
const validTokens = new Set([TOKEN_1, TOKEN_2]);

const authorized = (request: RecordedRequest) =>
  validTokens.has((request.headers.authorization ?? '').replace(/^Bearer /, ''));
const unauthorized = { status: 401, body: G('error-unauthorized-401.json') };

beforeAll(async () => {
  api = await startRecordedApi([
    {
      method: 'POST',
      path: '/token',
      answer: (request) => {
        const form = new URLSearchParams(request.body);
        if (form.get('grant_type') === 'authorization_code') {
          return form.get('code') === 'recorded-code'
            ? { status: 200, body: G('token-from-code.json') }
            : { status: 400, body: G('token-invalid-grant.json') };
        }
        const token = form.get('refresh_token') ?? '';
        return revoked.has(token) || token !== REFRESH
          ? { status: 400, body: G('token-invalid-grant.json') }
          : { status: 200, body: G('token-refreshed.json') };
      },
    },
    {
      method: 'GET',
      path: '/calendar/v3/calendars/primary',
      answer: (request) =>
        authorized(request) ? { status: 200, body: G('calendars-get-primary.json') } : unauthorized,
    },
    {
      method: 'GET',
      path: '/calendar/v3/users/me/calendarList',
      answer: (request) =>
        authorized(request) ? { status: 200, body: G('calendar-list.json') } : unauthorized,
    },
    {
      method: 'GET',
      path: /^\/calendar\/v3\/calendars\/([^/]+)\/events$/,
      answer: (request, match) => {
        if (!authorized(request)) return unauthorized;
        return { status: 200, body: G(match?.[1] === PRIMARY ? 'events-primary.json' : 'events-team.json') };
      },
    },
    {
      method: 'POST',
      path: /^\/calendar\/v3\/calendars\/([^/]+)\/events$/,
      answer: (request, match) => {
        if (!authorized(request)) return unauthorized;
        const event = JSON.parse(request.body) as Record<string, unknown>;
        const key = `${match?.[1]}/${event.id}`;
        if (written.has(key)) return { status: 409, body: G('error-duplicate-409.json') };
        written.set(key, event);
        return { status: 200, body: { kind: 'calendar#event', status: 'confirmed', ...event } };
      },
    },
    {
      // events.get, as Google documents it: the event, or 404 once it was deleted.
      method: 'GET',
      path: /^\/calendar\/v3\/calendars\/([^/]+)\/events\/([^/]+)$/,
      answer: (request, match) => {
        if (!authorized(request)) return unauthorized;
        const event = written.get(`${match?.[1]}/${match?.[2]}`);
        if (!event) return { status: 404, body: { error: { code: 404, message: 'Not Found' } } };
        return { status: 200, body: { kind: 'calendar#event', status: 'confirmed', ...event } };
      },
    },
    {
      method: 'PUT',
      path: /^\/calendar\/v3\/calendars\/([^/]+)\/events\/([^/]+)$/,
      answer: (request, match) => {
        if (!authorized(request)) return unauthorized;
        const key = `${match?.[1]}/${match?.[2]}`;
        if (!written.has(key)) return { status: 404, body: { error: { code: 404, message: 'Not Found' } } };
        written.set(key, JSON.parse(request.body) as Record<string, unknown>);
        return { status: 200, body: { kind: 'calendar#event', ...written.get(key) } };
      },
    },
    {
      method: 'DELETE',
      path: /^\/calendar\/v3\/calendars\/([^/]+)\/events\/([^/]+)$/,
      answer: (request, match) => {
        if (!authorized(request)) return unauthorized;
        const key = `${match?.[1]}/${match?.[2]}`;
        if (!written.delete(key)) return { status: 410, body: G('error-gone-410.json') };
        return { status: 204 };
      },
    },
  ]);
  const configured = calendarProvidersFrom({
    google: {
      clientId: 'corner-test.apps.googleusercontent.com',
      clientSecret: 'recorded-client-secret',
      redirectUrl: `${BASE_URL}/api/v1/me/calendar-connections/google/callback`,
    },
  });
  if (!configured.google) throw new Error('google should be configured');
  providers = {
    google: {
      ...configured.google,
      authorizeUrl: `${api.url}/o/oauth2/v2/auth`,
      tokenUrl: `${api.url}/token`,
      apiBaseUrl: `${api.url}/`,
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

/** The consent round trip: authorize (state + cookie), then the callback with what Google sends back. */
async function authorize(person: Member) {
  const response = await person.request('/api/v1/me/calendar-connections/google/authorize');
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  const cookie = (response.headers.getSetCookie?.() ?? []).find((header) =>
    header.startsWith(`${OAUTH_NONCE_COOKIE}=`),
  );
  const nonce = cookie?.split(';')[0] ?? '';
  return { location, state: location.searchParams.get('state') ?? '', nonce };
}
const callback = (person: Member, query: Record<string, string>, nonce: string) =>
  person.request(`/api/v1/me/calendar-connections/google/callback?${new URLSearchParams(query)}`, {
    headers: { cookie: `${person.cookie}; ${nonce}` },
  });

async function anaConnection() {
  const [row] = await t.database.db
    .select()
    .from(calendarConnections)
    .where(and(eq(calendarConnections.userId, ana.userId), eq(calendarConnections.provider, 'google')));
  if (!row) throw new Error('no Google connection');
  return row;
}

describe('Google Calendar connector (recorded Google Calendar API responses)', () => {
  it('sends the person to Google’s consent page asking for offline access, with a state', async () => {
    const { location, state, nonce } = await authorize(ana);
    expect(location.origin + location.pathname).toBe(`${api.url}/o/oauth2/v2/auth`);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: 'corner-test.apps.googleusercontent.com',
      redirect_uri: `${BASE_URL}/api/v1/me/calendar-connections/google/callback`,
      response_type: 'code',
      access_type: 'offline',
      prompt: 'consent',
    });
    expect(location.searchParams.get('scope')).toContain('https://www.googleapis.com/auth/calendar.events');
    expect(state.length).toBeGreaterThan(40);
    expect(nonce).toMatch(new RegExp(`^${OAUTH_NONCE_COOKIE}=.+`));
  });

  it('refuses a bad state, another person’s state and a state without its browser cookie, saving nothing', async () => {
    const ben = await signUp(t, 'Ben Member', 'Europe/Berlin');
    const mine = await authorize(ana);
    const forged = await callback(
      ana,
      { code: 'recorded-code', state: `${mine.state.slice(0, -2)}xx` },
      mine.nonce,
    );
    expect(forged.status).toBe(400);
    expect(forged.headers.get('content-type')).toContain('application/problem+json');
    expect(await forged.json()).toMatchObject({ code: 'calendar-oauth-state-rejected', field: 'state' });

    // Ben is handed Ana's consent answer (login CSRF): it is bound to Ana, so it does nothing for Ben.
    const crossed = await callback(ben, { code: 'recorded-code', state: mine.state }, mine.nonce);
    expect(crossed.status).toBe(400);
    expect(await crossed.json()).toMatchObject({ field: 'state' });

    const noCookie = await callback(ana, { code: 'recorded-code', state: mine.state }, 'other=1');
    expect(noCookie.status).toBe(400);

    const none = await callback(ana, { code: 'recorded-code' }, mine.nonce);
    expect(none.status).toBe(400);
    expect(api.requests.filter((request) => request.path === '/token')).toHaveLength(0);
    const rows = await t.database.db
      .select()
      .from(calendarConnections)
      .where(eq(calendarConnections.userId, ana.userId));
    expect(rows).toHaveLength(0);
  });

  it('refuses a code Google does not accept with a 422 naming the code, saving nothing', async () => {
    const { state, nonce } = await authorize(ana);
    const response = await callback(ana, { code: 'stale-code', state }, nonce);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'calendar-code-rejected', field: 'code' });
    const rows = await t.database.db
      .select()
      .from(calendarConnections)
      .where(eq(calendarConnections.userId, ana.userId));
    expect(rows).toHaveLength(0);
  });

  it('exchanges the code, stores the refresh token encrypted, lists the calendars and reads busy time', async () => {
    const { state, nonce } = await authorize(ana);
    const response = await callback(ana, { code: 'recorded-code', state }, nonce);
    expect(response.status, await response.clone().text()).toBe(302);
    expect(response.headers.get('location')).toBe('/settings?calendarConnected=google');
    const token = api.requests.find((request) => request.path === '/token');
    expect(Object.fromEntries(new URLSearchParams(token?.body))).toMatchObject({
      code: 'recorded-code',
      grant_type: 'authorization_code',
      client_id: 'corner-test.apps.googleusercontent.com',
    });
    expect(new URLSearchParams(token?.body).get('redirect_uri')).toBe(
      `${BASE_URL}/api/v1/me/calendar-connections/google/callback`,
    );

    const row = await anaConnection();
    expect(row.credentials).not.toContain(REFRESH);
    expect(parseTokens(decryptCredentials(TEST_CALENDAR_KEY, row.credentials)).refreshToken).toBe(REFRESH);

    const list = await ana.request('/api/v1/me/calendar-connections');
    const text = await list.text();
    expect(text).not.toContain(REFRESH);
    expect(text).not.toContain(TOKEN_1);
    const body = JSON.parse(text) as {
      providers: { google: boolean; microsoft: boolean };
      connections: {
        provider: string;
        username: string;
        status: string;
        warnings: string[];
        calendars: { url: string; displayName: string }[];
      }[];
    };
    expect(body.providers).toEqual({ google: true, microsoft: false });
    const [connection] = body.connections;
    expect(connection).toMatchObject({ provider: 'google', username: PRIMARY, status: 'ok' });
    // The free/busy-only calendar has no events to read, so it is not offered.
    expect(connection?.calendars.map((calendar) => [calendar.url, calendar.displayName])).toEqual([
      [PRIMARY, PRIMARY],
      [TEAM, 'Team offsites'],
    ]);
    // The event without a start is skipped with a warning; the rest is read.
    expect(connection?.warnings).toHaveLength(1);
    expect(connection?.warnings[0]).toContain('1h8o0m4d6s3r2kq9u0v1p2t3ab');

    const eventsCall = api.requests.find(
      (request) => request.path === `/calendar/v3/calendars/${PRIMARY}/events`,
    );
    expect(eventsCall?.query.get('singleEvents')).toBe('true');
    expect(eventsCall?.headers.authorization).toBe(`Bearer ${TOKEN_1}`);

    const cached = await t.database.db
      .select()
      .from(calendarBusyIntervals)
      .where(eq(calendarBusyIntervals.connectionId, row.id))
      .orderBy(calendarBusyIntervals.startsAt);
    expect(
      cached.map((i) => `${i.startsAt.toISOString()} ${i.endsAt.toISOString()} ${i.recurrenceId ?? '-'}`),
    ).toEqual([
      '2026-12-01T13:00:00.000Z 2026-12-01T14:30:00.000Z -',
      // The recurring series' instances, the moved one at its new time, both with their original start.
      '2026-12-07T08:00:00.000Z 2026-12-07T09:00:00.000Z 2026-12-07T08:00:00.000Z',
      '2026-12-15T13:00:00.000Z 2026-12-15T14:00:00.000Z 2026-12-14T08:00:00.000Z',
      // The all-day holiday, in Ana's zone: 24 Dec 00:00 to 26 Dec 00:00 Berlin.
      '2026-12-23T23:00:00.000Z 2026-12-25T23:00:00.000Z -',
    ]);

    const answer = await readBusy(
      t.database.db,
      [ana.userId],
      { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') },
      t.clock.now,
    );
    expect(answer.unreadable).toEqual([]);
    expect(answer.busy.get(ana.userId)).toHaveLength(4);
  });

  it('writes, moves and deletes a session event with the session’s UID and the meeting link', async () => {
    const row = await anaConnection();
    await ana.request(`/api/v1/me/calendar-connections/${row.id}`, {
      method: 'PATCH',
      body: { writeCalendarUrl: PRIMARY },
    });
    const invite = {
      uid: 'session-123@corner',
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
    const connect = connectorsFor(providers);
    const write = (change: 'booked' | 'moved' | 'cancelled', start = invite.start, end = invite.end) =>
      writeSessionToCalendars(
        t.database.db,
        TEST_CALENDAR_KEY,
        { userIds: [ana.userId], change, invite: { ...invite, start, end } },
        connect,
      );
    const key = `${PRIMARY}/${base32hex(invite.uid)}`;

    expect(await write('booked')).toBe(1);
    expect(written.get(key)).toMatchObject({
      iCalUID: 'session-123@corner',
      summary: 'Corner session: Ben and Ana',
      location: 'https://meet.jit.si/corner-test-room',
      source: { url: 'https://meet.jit.si/corner-test-room' },
      start: { dateTime: '2026-12-15T10:00:00.000Z', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-12-15T11:00:00.000Z' },
    });
    expect(base32hex(invite.uid)).toMatch(/^[0-9a-v]{5,1024}$/);

    await write('moved', '2026-12-16T10:00:00.000Z', '2026-12-16T11:00:00.000Z');
    expect(api.requests.filter((request) => request.method === 'PUT')).toHaveLength(1);
    expect(written.get(key)).toMatchObject({ start: { dateTime: '2026-12-16T10:00:00.000Z' } });

    // Read back as the sync does, to notice a move or a deletion made in Google Calendar itself.
    const connector = await connect({
      provider: 'google',
      url: row.serverUrl,
      username: row.username,
      password: decryptCredentials(TEST_CALENDAR_KEY, (await anaConnection()).credentials),
    });
    const readBack = () => connector.readSessionEvents(PRIMARY, [invite.uid], 'Europe/Berlin');
    expect((await readBack()).get(invite.uid)).toEqual({
      start: new Date('2026-12-16T10:00:00.000Z'),
      end: new Date('2026-12-16T11:00:00.000Z'),
    });
    const inGoogle = written.get(key) ?? {};
    written.set(key, {
      ...inGoogle,
      start: { dateTime: '2026-12-16T15:00:00+01:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-12-16T16:00:00+01:00', timeZone: 'Europe/Berlin' },
    });
    expect((await readBack()).get(invite.uid)).toEqual({
      start: new Date('2026-12-16T14:00:00.000Z'),
      end: new Date('2026-12-16T15:00:00.000Z'),
    });
    written.set(key, { ...inGoogle, status: 'cancelled' });
    expect((await readBack()).get(invite.uid)).toBeNull();
    written.set(key, inGoogle);

    await write('cancelled');
    expect(written.has(key)).toBe(false);
    expect((await readBack()).get(invite.uid)).toBeNull();
    // Cancelling again (a retried job) finds it gone, which is fine.
    expect(await write('cancelled')).toBe(1);
  });

  it('refreshes an expired access token and keeps the new one for the next sync', async () => {
    const row = await anaConnection();
    await t.database.db
      .update(calendarConnections)
      .set({
        credentials: encryptCredentials(
          TEST_CALENDAR_KEY,
          JSON.stringify({
            refreshToken: REFRESH,
            accessToken: 'ya29.expired',
            expiresAt: Date.now() - 60_000,
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
    const refresh = api.requests.find((request) => request.path === '/token');
    expect(new URLSearchParams(refresh?.body).get('grant_type')).toBe('refresh_token');
    expect(new URLSearchParams(refresh?.body).get('refresh_token')).toBe(REFRESH);
    const apiCalls = api.requests.filter((request) => request.path.startsWith('/calendar/'));
    expect(apiCalls.every((request) => request.headers.authorization === `Bearer ${TOKEN_2}`)).toBe(true);
    const tokens = parseTokens(decryptCredentials(TEST_CALENDAR_KEY, (await anaConnection()).credentials));
    expect(tokens).toMatchObject({ refreshToken: REFRESH, accessToken: TOKEN_2 });
    expect(tokens.expiresAt).toBeGreaterThan(Date.now());
  });

  it('shows a revoked authorization as failing and stops offering the person’s times (fail closed)', async () => {
    const row = await anaConnection();
    revoked.add(REFRESH);
    validTokens.delete(TOKEN_2);
    try {
      const response = await ana.request(`/api/v1/me/calendar-connections/${row.id}/sync`, {
        method: 'POST',
      });
      expect(response.status).toBe(200);
      const view = (await response.json()) as { status: string; lastError: string; errorSince: string };
      expect(view.status).toBe('error');
      expect(view.lastError).toContain('connect the calendar again');
      expect(view.errorSince).toBe(t.clock.now.toISOString());
      const answer = await readBusy(
        t.database.db,
        [ana.userId],
        { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') },
        t.clock.now,
      );
      expect(answer.unreadable).toEqual([
        expect.objectContaining({ userId: ana.userId, calendarName: 'Google Calendar' }),
      ]);
    } finally {
      revoked.delete(REFRESH);
      validTokens.add(TOKEN_2);
    }
  });

  it('connecting the same account again replaces its tokens and clears the failure, in one connection', async () => {
    const before = await anaConnection();
    expect(before.status).toBe('error');
    const { state, nonce } = await authorize(ana);
    const response = await callback(ana, { code: 'recorded-code', state }, nonce);
    expect(response.status).toBe(302);
    const rows = await t.database.db
      .select()
      .from(calendarConnections)
      .where(eq(calendarConnections.userId, ana.userId));
    expect(rows.map((row) => [row.id, row.status])).toEqual([[before.id, 'ok']]);
  });

  it('returns to the settings when the person declines on Google’s page, saving nothing new', async () => {
    const { state, nonce } = await authorize(ana);
    const response = await callback(ana, { error: 'access_denied', state }, nonce);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/settings?calendarDenied=google');
    expect(api.requests.some((request) => request.path === '/token')).toBe(false);
  });

  it('says clearly when a provider is not configured on this installation', async () => {
    const response = await ana.request('/api/v1/me/calendar-connections/microsoft/authorize');
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: 'calendar-provider-not-configured',
      field: 'provider',
    });
    const unknown = await ana.request('/api/v1/me/calendar-connections/yahoo/authorize');
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ field: 'provider' });
  });
});
