import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { buildFeedCalendar, buildSessionInvite } from './build-session-invite';

const people = {
  organizer: { name: 'Gia Guide', email: 'gia@example.test' },
  attendees: [{ name: 'Max Member', email: 'max@example.test' }],
};

function onlyEvent(text: string): VEvent {
  const events = Object.values(ical.sync.parseICS(text)).filter(
    (component): component is VEvent => component?.type === 'VEVENT',
  );
  expect(events).toHaveLength(1);
  const [event] = events;
  if (!event) throw new Error('no event');
  return event;
}

// Wall-clock sessions on both sides of each zone's 2026 spring change: Berlin moves on March 29,
// New York on March 8. The same local hour must land on different UTC instants.
const cases = [
  {
    zone: 'Europe/Berlin',
    start: '2026-03-27T17:00:00+01:00',
    utc: '2026-03-27T16:00:00.000Z',
    local: '20260327T170000',
  },
  {
    zone: 'Europe/Berlin',
    start: '2026-03-30T17:00:00+02:00',
    utc: '2026-03-30T15:00:00.000Z',
    local: '20260330T170000',
  },
  {
    zone: 'America/New_York',
    start: '2026-03-06T10:00:00-05:00',
    utc: '2026-03-06T15:00:00.000Z',
    local: '20260306T100000',
  },
  {
    zone: 'America/New_York',
    start: '2026-03-09T10:00:00-04:00',
    utc: '2026-03-09T14:00:00.000Z',
    local: '20260309T100000',
  },
  {
    zone: 'Europe/Berlin',
    start: '2026-10-25T09:30:00+01:00',
    utc: '2026-10-25T08:30:00.000Z',
    local: '20261025T093000',
  },
];

describe('session invites', () => {
  it.each(cases)(
    'writes $local in $zone and an independent parser reads $utc',
    ({ zone, start, utc, local }) => {
      const end = new Date(Date.parse(start) + 60 * 60_000).toISOString();
      const text = buildSessionInvite({
        uid: `session-${local}@corner`,
        start,
        end,
        timeZone: zone,
        summary: 'Corner session',
        description: 'Agenda: pricing experiment',
        url: 'https://meet.example.test/abc',
        ...people,
        sequence: 0,
        method: 'REQUEST',
      });
      expect(text).toContain('METHOD:REQUEST');
      expect(text).toContain(`DTSTART;TZID=${zone}:${local}`);
      expect(text).toContain(`BEGIN:VTIMEZONE\r\nTZID:${zone}`);
      const event = onlyEvent(text);
      expect(event.start.toISOString()).toBe(utc);
      expect((event.end?.getTime() ?? 0) - event.start.getTime()).toBe(60 * 60_000);
      expect(event.uid).toBe(`session-${local}@corner`);
      expect(JSON.stringify(event.organizer)).toContain('gia@example.test');
    },
  );

  it('writes a VTIMEZONE whose offsets match the zone around the change', () => {
    const text = buildSessionInvite({
      uid: 'u1@corner',
      start: '2026-03-30T15:00:00Z',
      end: '2026-03-30T16:00:00Z',
      timeZone: 'Europe/Berlin',
      summary: 's',
      ...people,
      sequence: 0,
      method: 'REQUEST',
    });
    expect(text).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200',
    );
    expect(text).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100',
    );
  });

  it('cancels with the same uid and a higher sequence', () => {
    const text = buildSessionInvite({
      uid: 'session-42@corner',
      start: '2026-05-04T14:00:00Z',
      end: '2026-05-04T15:00:00Z',
      timeZone: 'America/New_York',
      summary: 'Corner session',
      ...people,
      sequence: 3,
      method: 'CANCEL',
    });
    expect(text).toContain('METHOD:CANCEL');
    expect(text).toContain('SEQUENCE:3');
    const event = onlyEvent(text);
    expect(event.status).toBe('CANCELLED');
    expect(event.start.toISOString()).toBe('2026-05-04T14:00:00.000Z');
  });

  it('builds a feed with events in several zones', () => {
    const text = buildFeedCalendar('Corner — Max', [
      {
        uid: 'a@corner',
        start: '2026-03-09T14:00:00Z',
        end: '2026-03-09T15:00:00Z',
        timeZone: 'America/New_York',
        summary: 'With Gia',
      },
      {
        uid: 'b@corner',
        start: '2026-03-30T15:00:00Z',
        end: '2026-03-30T16:00:00Z',
        timeZone: 'Europe/Berlin',
        summary: 'With Ben',
      },
    ]);
    const events = Object.values(ical.sync.parseICS(text)).filter(
      (component): component is VEvent => component?.type === 'VEVENT',
    );
    const byUid = Object.fromEntries(events.map((event) => [event.uid, event.start.toISOString()]));
    expect(byUid).toEqual({ 'a@corner': '2026-03-09T14:00:00.000Z', 'b@corner': '2026-03-30T15:00:00.000Z' });
    expect(text).toContain('DTSTART;TZID=America/New_York:20260309T100000');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260330T170000');
    expect(text).toContain('TZID:America/New_York');
  });
});
