import { describe, expect, it } from 'vitest';
import { expandEvents } from './expand-events';

const window = { from: new Date('2027-01-01T00:00:00Z'), to: new Date('2027-02-01T00:00:00Z') };
const wrap = (body: string, extra = '') =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${extra}${body}END:VCALENDAR\r\n`;
const BERLIN = `BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n`;

const iso = (ics: string, zone = 'Europe/Berlin') => {
  const result = expandEvents(ics, window, zone);
  if ('error' in result) throw new Error(result.error);
  return result.intervals.map((i) => `${i.start.toISOString()}/${i.end.toISOString()}`).sort();
};

describe('expandEvents', () => {
  it.each([
    {
      name: 'a single UTC event',
      ics: wrap(
        'BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270105T100000Z\r\nDTEND:20270105T110000Z\r\nEND:VEVENT\r\n',
      ),
      expected: ['2027-01-05T10:00:00.000Z/2027-01-05T11:00:00.000Z'],
    },
    {
      name: 'a weekly series with an EXDATE and a moved occurrence (TZID with VTIMEZONE)',
      ics: wrap(
        'BEGIN:VEVENT\r\nUID:s\r\nDTSTART;TZID=Europe/Berlin:20270104T090000\r\nDTEND;TZID=Europe/Berlin:20270104T100000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nEXDATE;TZID=Europe/Berlin:20270111T090000\r\nEND:VEVENT\r\n' +
          'BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID;TZID=Europe/Berlin:20270118T090000\r\nDTSTART;TZID=Europe/Berlin:20270119T140000\r\nDTEND;TZID=Europe/Berlin:20270119T150000\r\nEND:VEVENT\r\n',
        BERLIN,
      ),
      expected: [
        '2027-01-04T08:00:00.000Z/2027-01-04T09:00:00.000Z',
        '2027-01-19T13:00:00.000Z/2027-01-19T14:00:00.000Z',
        '2027-01-25T08:00:00.000Z/2027-01-25T09:00:00.000Z',
      ],
    },
    {
      name: 'an all-day event, read in the person’s zone',
      ics: wrap(
        'BEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20270110\r\nDTEND;VALUE=DATE:20270111\r\nEND:VEVENT\r\n',
      ),
      expected: ['2027-01-09T23:00:00.000Z/2027-01-10T23:00:00.000Z'],
    },
    {
      name: 'an all-day event without DTEND lasts one day',
      ics: wrap('BEGIN:VEVENT\r\nUID:d1\r\nDTSTART;VALUE=DATE:20270110\r\nEND:VEVENT\r\n'),
      expected: ['2027-01-09T23:00:00.000Z/2027-01-10T23:00:00.000Z'],
    },
    {
      name: 'a floating time, read in the person’s zone',
      ics: wrap('BEGIN:VEVENT\r\nUID:f\r\nDTSTART:20270105T100000\r\nDURATION:PT30M\r\nEND:VEVENT\r\n'),
      expected: ['2027-01-05T09:00:00.000Z/2027-01-05T09:30:00.000Z'],
    },
    {
      name: 'a TZID without its VTIMEZONE (an IANA name)',
      ics: wrap(
        'BEGIN:VEVENT\r\nUID:n\r\nDTSTART;TZID=America/New_York:20270105T100000\r\nDTEND;TZID=America/New_York:20270105T110000\r\nEND:VEVENT\r\n',
      ),
      expected: ['2027-01-05T15:00:00.000Z/2027-01-05T16:00:00.000Z'],
    },
    {
      name: 'a free (transparent) event and a cancelled one are not busy',
      ics: wrap(
        'BEGIN:VEVENT\r\nUID:t\r\nDTSTART:20270105T100000Z\r\nDTEND:20270105T110000Z\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:c\r\nDTSTART:20270106T100000Z\r\nDTEND:20270106T110000Z\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n',
      ),
      expected: [],
    },
    {
      name: 'a daily series is cut at the window and started before it',
      ics: wrap(
        'BEGIN:VEVENT\r\nUID:y\r\nDTSTART:20261230T120000Z\r\nDTEND:20261230T130000Z\r\nRRULE:FREQ=DAILY;UNTIL=20270103T120000Z\r\nEND:VEVENT\r\n',
      ),
      expected: [
        '2027-01-01T12:00:00.000Z/2027-01-01T13:00:00.000Z',
        '2027-01-02T12:00:00.000Z/2027-01-02T13:00:00.000Z',
        '2027-01-03T12:00:00.000Z/2027-01-03T13:00:00.000Z',
      ],
    },
  ])('$name', ({ ics, expected }) => {
    expect(iso(ics)).toEqual(expected);
  });

  it('reports a malformed object instead of throwing', () => {
    expect(expandEvents('BEGIN:VCALENDAR\r\nthis is not ical', window, 'UTC')).toHaveProperty('error');
    const noStart = wrap('BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:no start\r\nEND:VEVENT\r\n');
    expect(expandEvents(noStart, window, 'UTC')).toHaveProperty('error');
  });
});
