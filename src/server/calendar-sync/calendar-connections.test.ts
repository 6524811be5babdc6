import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RadicaleServer, startRadicale } from '../../../test/support/radicale';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { calendarBusyIntervals, calendarConnections } from '../db/schema';
import { readBusy } from '../scheduling/busy-reader';
import { staleConnectionIds } from './sync-connection';

// Against a real CalDAV server (Radicale, started for this file on a free port with its own storage).

let t: TestApp;
let radicale: RadicaleServer;
let ana: Member;
let workUrl: string;
let homeUrl: string;

const BERLIN =
  'BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n';
const ics = (body: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${body}END:VCALENDAR\r\n`;
const event = (uid: string, lines: string) =>
  `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20261101T000000Z\r\n${lines}END:VEVENT\r\n`;

type View = {
  id: string;
  provider: string;
  status: 'ok' | 'error';
  lastSyncedAt: string | null;
  lastError: string | null;
  warnings: string[];
  calendars: { url: string; displayName: string; busy: boolean; write: boolean }[];
};

beforeAll(async () => {
  radicale = await startRadicale();
  t = await createTestApp(new Date('2026-11-21T09:00:00Z'));
  ana = await signUp(t, 'Ana Guide', 'Europe/Berlin');
  workUrl = await radicale.createCalendar('work', 'Work');
  homeUrl = await radicale.createCalendar('home', 'Home');
  // Weekly on Mondays 09:00 Berlin from 7 Dec, four times; 14 Dec removed; 21 Dec moved to Tuesday 14:00.
  await radicale.putEvent(
    workUrl,
    'series.ics',
    ics(
      BERLIN +
        event(
          'series-1',
          'DTSTART;TZID=Europe/Berlin:20261207T090000\r\nDTEND;TZID=Europe/Berlin:20261207T100000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nEXDATE;TZID=Europe/Berlin:20261214T090000\r\n',
        ) +
        event(
          'series-1',
          'RECURRENCE-ID;TZID=Europe/Berlin:20261221T090000\r\nDTSTART;TZID=Europe/Berlin:20261222T140000\r\nDTEND;TZID=Europe/Berlin:20261222T150000\r\n',
        ),
    ),
  );
  await radicale.putEvent(
    homeUrl,
    'holiday.ics',
    ics(event('holiday-1', 'DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261226\r\n')),
  );
});
afterAll(async () => {
  await t?.close();
  await radicale?.close();
});

const connect = (body: Record<string, unknown>) =>
  ana.request('/api/v1/me/calendar-connections', { method: 'POST', body: { provider: 'caldav', ...body } });

async function connectionCount() {
  return (
    await t.database.db.select().from(calendarConnections).where(eq(calendarConnections.userId, ana.userId))
  ).length;
}

describe('calendar connections on a real CalDAV server', () => {
  it('refuses a wrong password and a wrong address, naming the field, and saves nothing', async () => {
    const wrongPassword = await connect({ url: radicale.url, username: radicale.username, password: 'nope' });
    expect(wrongPassword.status).toBe(422);
    expect(await wrongPassword.json()).toMatchObject({ field: 'password' });

    const wrongUrl = await connect({
      url: 'http://127.0.0.1:1/',
      username: radicale.username,
      password: radicale.password,
    });
    expect(wrongUrl.status).toBe(422);
    expect(await wrongUrl.json()).toMatchObject({ field: 'url' });

    const notAUrl = await connect({
      url: 'calendar please',
      username: radicale.username,
      password: radicale.password,
    });
    expect(notAUrl.status).toBe(422);
    expect(await notAUrl.json()).toMatchObject({ field: 'url' });
    expect(await connectionCount()).toBe(0);
  });

  let connection: View;

  it('connects, syncs the series (EXDATE, moved occurrence) and the all-day event, and never shows the password', async () => {
    const response = await connect({
      url: radicale.url,
      username: radicale.username,
      password: radicale.password,
      displayName: 'Radicale',
    });
    const text = await response.text();
    expect(response.status, text).toBe(201);
    expect(text).not.toContain(radicale.password);
    connection = JSON.parse(text) as View;
    expect(connection).toMatchObject({ provider: 'caldav', status: 'ok', warnings: [] });
    expect(connection.calendars.map((calendar) => calendar.displayName).sort()).toEqual(['Home', 'Work']);

    const rows = await t.database.db
      .select()
      .from(calendarConnections)
      .where(eq(calendarConnections.id, connection.id));
    expect(JSON.stringify(rows)).not.toContain(radicale.password);

    const listed = await (await ana.request('/api/v1/me/calendar-connections')).text();
    expect(listed).not.toContain(radicale.password);
    expect(JSON.parse(listed).connections).toHaveLength(1);

    const intervals = await t.database.db
      .select()
      .from(calendarBusyIntervals)
      .where(eq(calendarBusyIntervals.connectionId, connection.id));
    expect(
      intervals.map((i) => `${i.startsAt.toISOString()} ${i.endsAt.toISOString()} ${i.eventUid}`).sort(),
    ).toEqual([
      '2026-12-07T08:00:00.000Z 2026-12-07T09:00:00.000Z series-1',
      '2026-12-22T13:00:00.000Z 2026-12-22T14:00:00.000Z series-1',
      '2026-12-23T23:00:00.000Z 2026-12-25T23:00:00.000Z holiday-1',
      '2026-12-28T08:00:00.000Z 2026-12-28T09:00:00.000Z series-1',
    ]);

    const answer = await readBusy(
      t.database.db,
      [ana.userId],
      { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-23T00:00:00Z') },
      t.clock.now,
    );
    expect(answer.unreadable).toEqual([]);
    expect(answer.busy.get(ana.userId)?.map((i) => i.start.toISOString())).toEqual([
      '2026-12-07T08:00:00.000Z',
      '2026-12-22T13:00:00.000Z',
    ]);
  });

  it('skips a malformed event with a visible warning and keeps the rest; an unchanged calendar is not read again', async () => {
    await radicale.putEvent(
      workUrl,
      'broken.ics',
      ics(event('broken-1', 'DTSTART:20261211T150000Z\r\nDTEND:20261211T140000Z\r\n')),
    );
    await radicale.putEvent(
      workUrl,
      'single.ics',
      ics(event('single-1', 'DTSTART:20261210T150000Z\r\nDTEND:20261210T160000Z\r\n')),
    );
    const response = await ana.request(`/api/v1/me/calendar-connections/${connection.id}/sync`, {
      method: 'POST',
    });
    expect(response.status).toBe(200);
    const synced = (await response.json()) as View;
    expect(synced.status).toBe('ok');
    expect(synced.warnings).toHaveLength(1);
    expect(synced.warnings[0]).toContain('broken.ics');
    const uids = (
      await t.database.db
        .select()
        .from(calendarBusyIntervals)
        .where(eq(calendarBusyIntervals.connectionId, connection.id))
    ).map((i) => i.eventUid);
    expect(uids).toContain('single-1');
    expect(uids).toContain('holiday-1');

    // Home did not change, so only Work (changed) was read: its markers moved, Home's rows are the same rows.
    const homeBefore = await t.database.db
      .select({ id: calendarBusyIntervals.id })
      .from(calendarBusyIntervals)
      .where(eq(calendarBusyIntervals.calendarUrl, homeUrl));
    const { syncConnection } = await import('./sync-connection');
    const { TEST_CALENDAR_KEY } = await import('../../../test/support/test-app');
    const summary = await syncConnection(t.database.db, TEST_CALENDAR_KEY, connection.id, t.clock.now);
    expect(summary).toMatchObject({ status: 'ok', calendarsRead: 0, calendarsUnchanged: 2 });
    const homeAfter = await t.database.db
      .select({ id: calendarBusyIntervals.id })
      .from(calendarBusyIntervals)
      .where(eq(calendarBusyIntervals.calendarUrl, homeUrl));
    expect(homeAfter).toEqual(homeBefore);
  });

  it('chooses busy and write calendars; a calendar no longer busy leaves the cache', async () => {
    const home = connection.calendars.find((calendar) => calendar.displayName === 'Home');
    const work = connection.calendars.find((calendar) => calendar.displayName === 'Work');
    const response = await ana.request(`/api/v1/me/calendar-connections/${connection.id}`, {
      method: 'PATCH',
      body: { busyCalendarUrls: [work?.url], writeCalendarUrl: work?.url },
    });
    expect(response.status).toBe(200);
    const updated = (await response.json()) as View;
    expect(updated.calendars.find((calendar) => calendar.url === home?.url)).toMatchObject({
      busy: false,
      write: false,
    });
    expect(updated.calendars.find((calendar) => calendar.url === work?.url)).toMatchObject({
      busy: true,
      write: true,
    });
    await ana.request(`/api/v1/me/calendar-connections/${connection.id}/sync`, { method: 'POST' });
    const uids = (
      await t.database.db
        .select()
        .from(calendarBusyIntervals)
        .where(eq(calendarBusyIntervals.connectionId, connection.id))
    ).map((i) => i.eventUid);
    expect(uids).not.toContain('holiday-1');
    const bad = await ana.request(`/api/v1/me/calendar-connections/${connection.id}`, {
      method: 'PATCH',
      body: { writeCalendarUrl: 'http://elsewhere/' },
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ field: 'writeCalendarUrl' });
  });

  it('fails closed: a server down puts the connection in error and its person in unreadable', async () => {
    await radicale.stop();
    try {
      const response = await ana.request(`/api/v1/me/calendar-connections/${connection.id}/sync`, {
        method: 'POST',
      });
      expect(response.status).toBe(200);
      const view = (await response.json()) as View;
      expect(view.status).toBe('error');
      expect(view.lastError).toMatch(/could not be read/);
      const answer = await readBusy(
        t.database.db,
        [ana.userId],
        { from: t.clock.now, to: new Date('2027-01-01T00:00:00Z') },
        t.clock.now,
      );
      expect(answer.unreadable).toEqual([
        expect.objectContaining({ userId: ana.userId, calendarName: 'Radicale', since: t.clock.now }),
      ]);
      expect(answer.unreadable[0]?.reason).toMatch(/could not be read/);
    } finally {
      await radicale.start();
    }
    const back = (await (
      await ana.request(`/api/v1/me/calendar-connections/${connection.id}/sync`, { method: 'POST' })
    ).json()) as View;
    expect(back.status).toBe('ok');
  });

  it('fails closed on a cache older than the allowed staleness', async () => {
    const later = new Date(t.clock.now.getTime() + 2 * 3_600_000);
    const answer = await readBusy(
      t.database.db,
      [ana.userId],
      { from: later, to: new Date('2027-01-01T00:00:00Z') },
      later,
    );
    expect(answer.unreadable).toEqual([expect.objectContaining({ userId: ana.userId, since: t.clock.now })]);
    expect(answer.unreadable[0]?.reason).toMatch(/not been refreshed/);
  });

  it('writes a session into the chosen calendar with the invite UID, moves it and removes it', async () => {
    const { writeSessionToCalendars } = await import('./write-session-job');
    const { TEST_CALENDAR_KEY } = await import('../../../test/support/test-app');
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
    const file = `${encodeURIComponent(invite.uid)}.ics`;
    const write = (change: 'booked' | 'moved' | 'cancelled', start = invite.start, end = invite.end) =>
      writeSessionToCalendars(t.database.db, TEST_CALENDAR_KEY, {
        userIds: [ana.userId],
        change,
        invite: { ...invite, start, end },
      });
    expect(await write('booked')).toBe(1);
    const booked = await radicale.getEvent(workUrl, file);
    expect(booked).toContain('UID:session-123@corner');
    expect(booked).not.toMatch(/^METHOD:/m);
    await write('moved', '2026-12-16T10:00:00.000Z', '2026-12-16T11:00:00.000Z');
    expect(await radicale.getEvent(workUrl, file)).toMatch(/DTSTART[^:]*:20261216T1[01]0000/);
    await write('cancelled');
    expect(await radicale.getEvent(workUrl, file)).toBeUndefined();
  });

  it('is the owner’s alone: anyone else gets 404 and changes nothing', async () => {
    const eve = await signUp(t, 'Eve Elsewhere', 'Europe/Berlin');
    const list = await (await eve.request('/api/v1/me/calendar-connections')).json();
    // Nothing of Ana's; and this installation has no Google or Microsoft client, so only CalDAV is offered.
    expect(list).toEqual({ connections: [], providers: { google: false, microsoft: false } });
    const path = `/api/v1/me/calendar-connections/${connection.id}`;
    const patch = await eve.request(path, { method: 'PATCH', body: { busyCalendarUrls: [] } });
    const sync = await eve.request(`${path}/sync`, { method: 'POST' });
    const remove = await eve.request(path, { method: 'DELETE' });
    expect([patch.status, sync.status, remove.status]).toEqual([404, 404, 404]);
    expect(await connectionCount()).toBe(1);
  });

  it('lists for the refresh job only the connections synced before the cut-off', async () => {
    const db = t.database.db;
    const [row] = await db
      .select({ lastSyncedAt: calendarConnections.lastSyncedAt })
      .from(calendarConnections)
      .where(eq(calendarConnections.id, connection.id));
    const syncedAt = row?.lastSyncedAt?.getTime() ?? 0;
    expect(syncedAt).toBeGreaterThan(0);
    expect(await staleConnectionIds(db, new Date(syncedAt + 1), [ana.userId])).toEqual([connection.id]);
    expect(await staleConnectionIds(db, new Date(syncedAt), [ana.userId])).toEqual([]);
  });

  it('disconnects and drops the cache', async () => {
    const response = await ana.request(`/api/v1/me/calendar-connections/${connection.id}`, {
      method: 'DELETE',
    });
    expect(response.status).toBe(204);
    expect(await connectionCount()).toBe(0);
    const left = await t.database.db
      .select()
      .from(calendarBusyIntervals)
      .where(eq(calendarBusyIntervals.connectionId, connection.id));
    expect(left).toEqual([]);
  });
});
