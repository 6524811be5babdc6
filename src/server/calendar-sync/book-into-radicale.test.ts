import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGuide } from '../../../test/support/guide-factory';
import { type RadicaleServer, startRadicale } from '../../../test/support/radicale';
import { json, startPair } from '../../../test/support/relationship-fixtures';
import { createTestApp, type Member, TEST_CALENDAR_KEY, type TestApp } from '../../../test/support/test-app';
import { createOutboxMailer } from '../mail/mailer';
import { noRelationships } from '../notifications/reminder-source';

// The whole way through real parts: a guide's calendar on a real CalDAV server (Radicale) hides a slot,
// the member books another through the API, and Corner's worker writes the session into that calendar.

// Monday 7 December 2026, 08:00 UTC (09:00 in Berlin).
const START = new Date('2026-12-07T08:00:00Z');

let t: TestApp;
let radicale: RadicaleServer;
let workUrl: string;

const ics = (body: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${body}END:VCALENDAR\r\n`;

beforeAll(async () => {
  radicale = await startRadicale();
  workUrl = await radicale.createCalendar('work', 'Work');
  // The guide is busy on Tuesday 15 December 09:00–10:00 Berlin (08:00–09:00 UTC).
  await radicale.putEvent(
    workUrl,
    'dentist.ics',
    ics(
      'BEGIN:VEVENT\r\nUID:dentist-1\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261215T080000Z\r\nDTEND:20261215T090000Z\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\n',
    ),
  );
  t = await createTestApp(START);
  await t.jobs.startWorker({
    db: t.database.db,
    mailer: createOutboxMailer(t.database.db),
    clock: () => t.clock.now,
    jobs: t.jobs,
    reminderFacts: noRelationships,
    publicUrl: 'https://corner.test',
    calendarKey: TEST_CALENDAR_KEY,
  });
});
afterAll(async () => {
  await t?.close();
  await radicale?.close();
});

const guideInBerlin = (): Promise<Member> =>
  createGuide(t, 'Ana Guide', {
    availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '11:00' })),
    capacity: 5,
  });

const pairWith = (guide: Member) =>
  startPair(t, { guide, memberName: 'Ben Member', memberZone: 'America/New_York' });

type Slots = { slots: { start: string; end: string }[]; hidden: unknown[] };

describe('booking through the API lands in the guide’s CalDAV calendar', () => {
  it('hides the busy slot, books another, and the worker writes the session with its meeting link', async () => {
    const guide = await guideInBerlin();
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
    expect(work).toBeDefined();
    await json(
      await guide.request(`/api/v1/me/calendar-connections/${connection.id}`, {
        method: 'PATCH',
        body: { writeCalendarUrl: work?.url },
      }),
      200,
    );
    const { member, relationshipId } = await pairWith(guide);

    const week = await json<Slots>(
      await member.request(
        `/api/v1/relationships/${relationshipId}/slots?from=2026-12-14T00:00:00Z&to=2026-12-19T00:00:00Z`,
      ),
      200,
    );
    expect(week.hidden).toEqual([]);
    const starts = week.slots.map((slot) => slot.start);
    // Tuesday 09:00 Berlin is in the dentist's hour; Wednesday 09:00 Berlin is free.
    expect(starts).not.toContain('2026-12-15T08:00:00.000Z');
    expect(starts).toContain('2026-12-16T08:00:00.000Z');
    for (const slot of week.slots) {
      const overlapsDentist =
        Date.parse(slot.start) < Date.parse('2026-12-15T09:00:00Z') &&
        Date.parse(slot.end) > Date.parse('2026-12-15T08:00:00Z');
      expect(overlapsDentist, slot.start).toBe(false);
    }

    const booked = await json<{ id: string }>(
      await member.request(`/api/v1/relationships/${relationshipId}/slots/book`, {
        method: 'POST',
        body: { start: '2026-12-16T08:00:00.000Z' },
      }),
      201,
    );
    const written = await vi.waitFor(
      async () => {
        const events = await radicale.listEvents(work?.url ?? '');
        const event = events.find((e) => e.ics.includes(booked.id));
        expect(event, 'the session in Radicale').toBeDefined();
        return event?.ics ?? '';
      },
      { timeout: 45_000, interval: 250 },
    );
    // Read back with an independent parser: the booked instant, the session's UID and its room.
    const events = Object.values(ical.sync.parseICS(written)).filter(
      (component): component is VEvent => component?.type === 'VEVENT',
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.uid).toBe(`${booked.id}@corner`);
    expect(events[0]?.start.toISOString()).toBe('2026-12-16T08:00:00.000Z');
    const room = (
      await json<{ meetingLink: string }>(await member.request(`/api/v1/sessions/${booked.id}`), 200)
    ).meetingLink;
    expect(room).toMatch(/^https:\/\/meet\.jit\.si\/Corner-[\w-]{20,}$/);
    expect(String(events[0]?.location)).toBe(room);
    const unfolded = written.replace(/\r?\n[ \t]/g, '');
    expect(unfolded.split(/\r?\n/).find((line) => /^URL[;:]/.test(line))).toMatch(new RegExp(`:${room}$`));
    expect(written).not.toMatch(/^METHOD:/m);
  }, 90_000);
});
