import { describe, expect, it } from 'vitest';
import { clockIn, firstBookableWeek, mondayOf, shiftWeek, slotsByDay, weekRange } from './week-slots';

describe('the week view of open slots', () => {
  it('starts on the Monday of the first bookable day', () => {
    expect(mondayOf('2026-12-10')).toBe('2026-12-07');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    // Monday 7 Dec 23:30 in Berlin is still Monday there, so a week ahead is Monday 14 Dec.
    expect(firstBookableWeek(new Date('2026-12-07T22:30:00Z'), 'Europe/Berlin', 7)).toBe('2026-12-14');
    // The same instant is already Tuesday in Tokyo; a week ahead is Tuesday 15 Dec, in the week of 14 Dec.
    expect(firstBookableWeek(new Date('2026-12-07T22:30:00Z'), 'Asia/Tokyo', 7)).toBe('2026-12-14');
    // Sunday in New York: a week ahead is the next Sunday, still in the week of 14 Dec.
    expect(firstBookableWeek(new Date('2026-12-14T03:00:00Z'), 'America/New_York', 7)).toBe('2026-12-14');
    expect(shiftWeek('2026-12-28', 1)).toBe('2027-01-04');
  });

  it('asks for the week from Monday midnight to Monday midnight in the viewer’s zone, across a clock change', () => {
    expect(weekRange('2026-12-14', 'Europe/Berlin')).toEqual({
      from: '2026-12-13T23:00:00Z',
      to: '2026-12-20T23:00:00Z',
    });
    // Berlin moves its clocks on Sunday 29 March 2026: the week is 167 hours long.
    expect(weekRange('2026-03-23', 'Europe/Berlin')).toEqual({
      from: '2026-03-22T23:00:00Z',
      to: '2026-03-29T22:00:00Z',
    });
  });

  it('puts each slot on its day in the viewer’s zone, in order', () => {
    const slots = [
      { start: '2026-12-15T09:00:00Z', end: '2026-12-15T10:00:00Z' },
      { start: '2026-12-14T23:30:00Z', end: '2026-12-15T00:30:00Z' },
      { start: '2026-12-14T08:00:00Z', end: '2026-12-14T09:00:00Z' },
    ];
    const days = slotsByDay('2026-12-14', slots, 'Europe/Berlin');
    expect(days.map((d) => d.date)).toEqual([
      '2026-12-14',
      '2026-12-15',
      '2026-12-16',
      '2026-12-17',
      '2026-12-18',
      '2026-12-19',
      '2026-12-20',
    ]);
    expect(days[0]?.slots.map((s) => s.start)).toEqual(['2026-12-14T08:00:00Z']);
    // 23:30 UTC on Monday is 00:30 on Tuesday in Berlin.
    expect(days[1]?.slots.map((s) => s.start)).toEqual(['2026-12-14T23:30:00Z', '2026-12-15T09:00:00Z']);
  });

  it('names the partner’s day when it differs from the viewer’s', () => {
    const iso = '2026-12-15T02:00:00Z';
    // 02:00 UTC is 03:00 on Tuesday in Berlin and Paris, and still Monday evening in New York.
    expect(clockIn(iso, 'Europe/Berlin')).toMatch(/^0?3:00/);
    expect(clockIn(iso, 'America/New_York', 'Europe/Berlin')).toMatch(/^Mon (21:00|0?9:00\sPM)$/);
    expect(clockIn(iso, 'Europe/Paris', 'Europe/Berlin')).toMatch(/^0?3:00/);
  });
});
