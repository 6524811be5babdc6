import { describe, expect, it } from 'vitest';
import type { AvailabilityWindow } from './availability';
import { proposeRescheduleSlots, type RescheduleInput } from './propose-reschedule-slots';

const berlinWeek: AvailabilityWindow[] = [
  { weekday: 1, start: '09:00', end: '11:00' },
  { weekday: 3, start: '14:00', end: '16:00' },
  { weekday: 5, start: '09:00', end: '10:00' },
];

const base: RescheduleInput = {
  // Monday 16 June 2025, 09:00–10:00 in Berlin (UTC+2)
  original: { id: 'moving', start: '2025-06-16T07:00:00Z', end: '2025-06-16T08:00:00Z' },
  now: '2025-06-15T10:00:00Z',
  guideTimeZone: 'Europe/Berlin',
  availability: berlinWeek,
  existingSessions: [{ id: 'moving', start: '2025-06-16T07:00:00Z', end: '2025-06-16T08:00:00Z' }],
};

const starts = (input: Partial<RescheduleInput>): string[] =>
  proposeRescheduleSlots({ ...base, ...input }).map((slot) => slot.start);

describe('proposeRescheduleSlots', () => {
  it.each<{ name: string; input: Partial<RescheduleInput>; expected: string[] }>([
    {
      name: 'free times of the same week, nearest first',
      input: {},
      expected: [
        '2025-06-16T07:30:00.000Z',
        '2025-06-16T08:00:00.000Z',
        '2025-06-18T12:00:00.000Z',
        '2025-06-18T12:30:00.000Z',
        '2025-06-18T13:00:00.000Z',
      ],
    },
    {
      name: 'a longer list when asked',
      input: { limit: 10 },
      expected: [
        '2025-06-16T07:30:00.000Z',
        '2025-06-16T08:00:00.000Z',
        '2025-06-18T12:00:00.000Z',
        '2025-06-18T12:30:00.000Z',
        '2025-06-18T13:00:00.000Z',
        '2025-06-20T07:00:00.000Z',
      ],
    },
    {
      name: 'around other booked sessions',
      input: {
        limit: 10,
        existingSessions: [{ id: 'other', start: '2025-06-18T12:00:00Z', end: '2025-06-18T13:00:00Z' }],
      },
      expected: [
        '2025-06-16T07:30:00.000Z',
        '2025-06-16T08:00:00.000Z',
        '2025-06-18T13:00:00.000Z',
        '2025-06-20T07:00:00.000Z',
      ],
    },
    {
      name: 'with enough notice for the other person',
      input: { now: '2025-06-16T00:00:00Z', limit: 10 },
      expected: [
        '2025-06-18T12:00:00.000Z',
        '2025-06-18T12:30:00.000Z',
        '2025-06-18T13:00:00.000Z',
        '2025-06-20T07:00:00.000Z',
      ],
    },
    {
      name: 'on an hourly grid',
      input: { stepMinutes: 60, limit: 10 },
      expected: [
        '2025-06-16T08:00:00.000Z',
        '2025-06-18T12:00:00.000Z',
        '2025-06-18T13:00:00.000Z',
        '2025-06-20T07:00:00.000Z',
      ],
    },
    {
      name: 'a session on Sunday stays in its own Monday-to-Sunday week',
      input: {
        original: { id: 'moving', start: '2025-06-22T07:00:00Z', end: '2025-06-22T08:00:00Z' },
        now: '2025-06-10T00:00:00Z',
        limit: 1,
      },
      expected: ['2025-06-20T07:00:00.000Z'],
    },
    {
      name: 'across the spring clock change, without duplicates or overruns',
      input: {
        original: { id: 'moving', start: '2025-03-25T09:00:00Z', end: '2025-03-25T10:00:00Z' },
        now: '2025-03-20T00:00:00Z',
        availability: [
          { weekday: 2, start: '10:00', end: '11:00' },
          { weekday: 7, start: '01:00', end: '04:00' },
        ],
        existingSessions: [],
      },
      expected: ['2025-03-30T00:00:00.000Z', '2025-03-30T00:30:00.000Z', '2025-03-30T01:00:00.000Z'],
    },
    { name: 'nothing for an unknown time zone', input: { guideTimeZone: 'Atlantis/Central' }, expected: [] },
    { name: 'nothing when the guide has no hours', input: { availability: [] }, expected: [] },
  ])('$name', ({ input, expected }) => {
    expect(starts(input)).toEqual(expected);
  });

  it('keeps the original length', () => {
    const [slot] = proposeRescheduleSlots({
      ...base,
      original: { id: 'moving', start: '2025-06-18T12:00:00Z', end: '2025-06-18T13:30:00Z' },
      limit: 1,
    });
    expect(slot).toEqual({ start: '2025-06-18T12:30:00.000Z', end: '2025-06-18T14:00:00.000Z' });
  });
});
