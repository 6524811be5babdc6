import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGuide } from '../../../test/support/guide-factory';
import { type RadicaleServer, startRadicale } from '../../../test/support/radicale';
import { json, startPair } from '../../../test/support/relationship-fixtures';
import {
  createTestApp,
  type Member,
  signUp,
  TEST_CALENDAR_KEY,
  type TestApp,
} from '../../../test/support/test-app';
import { calendarSessionEvents, notifications } from '../db/schema';
import { createOutboxMailer } from '../mail/mailer';
import { noRelationships } from '../notifications/reminder-source';
import { CALENDAR_CHANGE_KIND } from './check-session-events';

// Issue 13 §4 on a real CalDAV server: the session Corner wrote into the guide's Radicale calendar is
// deleted, then moved, directly on the server; each sync marks the session for rescheduling and tells
// both people once per change, and Corner's own time never changes.

// Monday 7 December 2026, 08:00 UTC.
const START = new Date('2026-12-07T08:00:00Z');
const BOOKED = '2026-12-16T08:00:00.000Z';

let t: TestApp;
let radicale: RadicaleServer;
let workUrl: string;

beforeAll(async () => {
  radicale = await startRadicale();
  workUrl = await radicale.createCalendar('work', 'Work');
  t = await createTestApp(START);
});
afterAll(async () => {
  await t?.close();
  await radicale?.close();
});

const startWorker = () =>
  t.jobs.startWorker({
    db: t.database.db,
    mailer: createOutboxMailer(t.database.db),
    clock: () => t.clock.now,
    jobs: t.jobs,
    reminderFacts: noRelationships,
    publicUrl: 'https://corner.test',
    calendarKey: TEST_CALENDAR_KEY,
  });

type Change = {
  kind: string;
  personName: string;
  movedTo: { start: string; end: string } | null;
  reason: string;
};
type SessionView = { id: string; startsAt: string; endsAt: string; calendarChanges: Change[] };

async function notices(person: Member) {
  return t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, person.userId), eq(notifications.kind, CALENDAR_CHANGE_KIND)));
}

describe('a session moved or deleted in the guide’s CalDAV calendar', () => {
  it('is marked for rescheduling, both are told once per change, and the Corner time stays', async () => {
    const guide = await createGuide(t, 'Ana Guide', {
      availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '11:00' })),
      capacity: 5,
    });
    const connection = await json<{ id: string; calendars: { url: string; displayName: string }[] }>(
      await guide.request('/api/v1/me/calendar-connections', {
        method: 'POST',
        body: {
          provider: 'caldav',
          url: radicale.url,
          username: radicale.username,
          password: radicale.password,
        },
      }),
      201,
    );
    const work = connection.calendars.find((calendar) => calendar.displayName === 'Work');
    await json(
      await guide.request(`/api/v1/me/calendar-connections/${connection.id}`, {
        method: 'PATCH',
        body: { writeCalendarUrl: work?.url },
      }),
      200,
    );
    const { member, relationshipId } = await startPair(t, {
      guide,
      memberName: 'Ben Member',
      memberZone: 'America/New_York',
    });
    const outsider = await signUp(t, 'Cleo Outsider', 'Europe/Paris');
    const booked = await json<{ id: string }>(
      await member.request(`/api/v1/relationships/${relationshipId}/slots/book`, {
        method: 'POST',
        body: { start: BOOKED },
      }),
      201,
    );
    const sync = async () => {
      const response = await guide.request(`/api/v1/me/calendar-connections/${connection.id}/sync`, {
        method: 'POST',
      });
      expect(response.status).toBe(200);
      const view = (await response.json()) as { status: string };
      expect(view.status).toBe('ok');
    };
    const read = async (person: Member) =>
      json<SessionView>(await person.request(`/api/v1/sessions/${booked.id}`), 200);

    // The write job has not run yet: the event is not in Radicale, and that is not a deletion.
    await sync();
    expect((await read(member)).calendarChanges).toEqual([]);
    expect(await notices(member)).toHaveLength(0);

    await startWorker();
    const fileName = `${encodeURIComponent(`${booked.id}@corner`)}.ics`;
    const original = await vi.waitFor(
      async () => {
        const ics = await radicale.getEvent(workUrl, fileName);
        expect(ics, 'the session in Radicale').toBeDefined();
        const [record] = await t.database.db
          .select()
          .from(calendarSessionEvents)
          .where(
            and(eq(calendarSessionEvents.sessionId, booked.id), isNotNull(calendarSessionEvents.writtenAt)),
          );
        expect(record, 'the written record').toBeDefined();
        return ics ?? '';
      },
      { timeout: 45_000, interval: 250 },
    );
    await sync();
    expect((await read(member)).calendarChanges).toEqual([]);

    // Deleted directly on the server.
    await radicale.deleteEvent(workUrl, fileName);
    await sync();
    const deleted = await read(member);
    expect(deleted.startsAt).toBe(BOOKED);
    expect(deleted.calendarChanges).toEqual([
      expect.objectContaining({
        kind: 'deleted',
        personName: 'Ana Guide',
        movedTo: null,
        reason: 'deleted from Ana Guide’s calendar',
      }),
    ]);
    expect((await read(guide)).calendarChanges).toHaveLength(1);
    const listed = await json<{ sessions: SessionView[] }>(
      await guide.request(`/api/v1/relationships/${relationshipId}/sessions`),
      200,
    );
    expect(listed.sessions.find((s) => s.id === booked.id)?.calendarChanges[0]?.kind).toBe('deleted');
    expect(await notices(member)).toHaveLength(1);
    expect(await notices(guide)).toHaveLength(1);
    expect((await notices(guide))[0]?.text).toContain('deleted from your calendar');
    expect((await notices(member))[0]?.text).toContain('deleted from Ana Guide’s calendar');
    expect((await notices(member))[0]?.link).toBe(`/sessions/${booked.id}`);

    // A second sync finds the same deletion: nobody is told again.
    await sync();
    expect(await notices(member)).toHaveLength(1);
    expect(await notices(guide)).toHaveLength(1);

    // Only the pair sees the session, its mark and the notice.
    expect((await outsider.request(`/api/v1/sessions/${booked.id}`)).status).toBe(404);
    expect((await outsider.request(`/api/v1/relationships/${relationshipId}/sessions`)).status).toBe(404);
    expect(await notices(outsider)).toHaveLength(0);

    // Put back an hour later, as a calendar app moving it would.
    // Only inside the VEVENT: the VTIMEZONE block before it has DTSTART lines of its own.
    const moved = original.replace(/BEGIN:VEVENT[\s\S]*?END:VEVENT/, (event) =>
      event
        .replace(/^DTSTART(;[^:]*)?:[^\r\n]*$/m, 'DTSTART:20261216T090000Z')
        .replace(/^DTEND(;[^:]*)?:[^\r\n]*$/m, 'DTEND:20261216T100000Z'),
    );
    await radicale.putEvent(workUrl, fileName, moved);
    await sync();
    const afterMove = await read(member);
    expect(afterMove.startsAt).toBe(BOOKED);
    expect(afterMove.calendarChanges).toEqual([
      expect.objectContaining({
        kind: 'moved',
        movedTo: { start: '2026-12-16T09:00:00.000Z', end: '2026-12-16T10:00:00.000Z' },
      }),
    ]);
    // In Ben's own zone (New York).
    expect(afterMove.calendarChanges[0]?.reason).toBe(
      'moved to Wed, 16 Dec 2026, 04:00 (America/New_York) in Ana Guide’s calendar',
    );
    expect(await notices(member)).toHaveLength(2);
    expect(await notices(guide)).toHaveLength(2);
    await sync();
    expect(await notices(member)).toHaveLength(2);
    expect(await notices(guide)).toHaveLength(2);

    // Ben keeps the Corner time: the mark clears and the event goes back to Corner's time.
    const kept = await json<SessionView>(
      await member.request(`/api/v1/sessions/${booked.id}/keep-calendar-time`, { method: 'POST' }),
      200,
    );
    expect(kept.calendarChanges).toEqual([]);
    expect(kept.startsAt).toBe(BOOKED);
    await vi.waitFor(
      async () => {
        const ics = (await radicale.getEvent(workUrl, fileName)) ?? '';
        // Back at the Corner time, 08:00 UTC, written in the organiser's zone (03:00 in New York).
        expect(ics).toMatch(/\r\nDTSTART;TZID=America\/New_York:20261216T030000\r\n/);
        const [record] = await t.database.db
          .select()
          .from(calendarSessionEvents)
          .where(
            and(eq(calendarSessionEvents.sessionId, booked.id), isNotNull(calendarSessionEvents.writtenAt)),
          );
        expect(record, 'rewritten').toBeDefined();
      },
      { timeout: 45_000, interval: 250 },
    );
    await sync();
    expect((await read(guide)).calendarChanges).toEqual([]);
    expect(await notices(member)).toHaveLength(2);
    // Nothing to keep any more.
    const again = await member.request(`/api/v1/sessions/${booked.id}/keep-calendar-time`, {
      method: 'POST',
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'no-calendar-change' });
  }, 120_000);
});
