import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atDayEdge, balanceOf, fairOrder, inconvenientFor } from './fair-rotation';

const at = (iso: string) => Date.parse(iso);
const hour = (iso: string) => ({ start: at(iso), end: at(iso) + 3_600_000 });
// Berlin (UTC+1 in January) and San Francisco (UTC−8): 9 hours apart.
const zones = { member: 'America/Los_Angeles', guide: 'Europe/Berlin' };
// 07:00 in SF = 16:00 Berlin: early for the member.
const earlyForMember = hour('2027-01-12T15:00:00Z');
// 20:00–21:00 Berlin = 11:00 SF: late for the guide.
const lateForGuide = hour('2027-01-12T19:00:00Z');
// 08:00 SF = 17:00 Berlin: fine for both.
const fine = hour('2027-01-12T16:00:00Z');

describe('fair rotation', () => {
  it.each([
    ['07:00 local is the edge of the day', earlyForMember, 'America/Los_Angeles', true],
    ['08:00–09:00 local is not', fine, 'America/Los_Angeles', false],
    ['19:00–20:00 local is not', hour('2027-01-12T18:00:00Z'), 'Europe/Berlin', false],
    ['20:00–21:00 local is', lateForGuide, 'Europe/Berlin', true],
  ])('%s', (_name, slot, zone, expected) => {
    expect(atDayEdge(slot, zone)).toBe(expected);
  });

  it('names whom a time is inconvenient for', () => {
    expect(inconvenientFor(earlyForMember, zones)).toEqual(['member']);
    expect(inconvenientFor(lateForGuide, zones)).toEqual(['guide']);
    expect(inconvenientFor(fine, zones)).toEqual([]);
  });

  it('counts the balance so far', () => {
    expect(balanceOf([earlyForMember, earlyForMember, lateForGuide, fine], zones)).toEqual({
      member: 2,
      guide: 1,
    });
  });

  it('suggests convenient times first, then the inconvenient time for whoever took fewer', () => {
    const slots = [lateForGuide, earlyForMember, fine];
    expect(fairOrder(slots, zones, { member: 0, guide: 0 })).toEqual([fine, earlyForMember, lateForGuide]);
    expect(fairOrder(slots, zones, { member: 2, guide: 1 })).toEqual([fine, lateForGuide, earlyForMember]);
  });

  it('alternates who takes the inconvenient time when the pair always picks the first suggestion', () => {
    const week = 7 * 86_400_000;
    const past: { start: number; end: number }[] = [];
    for (let i = 0; i < 6; i += 1) {
      const options = [earlyForMember, lateForGuide].map((s) => ({
        start: s.start + i * week,
        end: s.end + i * week,
      }));
      const chosen = fairOrder(options, zones, balanceOf(past, zones))[0];
      if (chosen) past.push(chosen);
    }
    const balance = balanceOf(past, zones);
    expect(balance).toEqual({ member: 3, guide: 3 });
  });

  it('keeps every slot and never ranks a time bad for someone above one good for both', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 24 * 14 }), { maxLength: 30 }),
        fc.nat(5),
        fc.nat(5),
        (hours, m, g) => {
          const slots = [...new Set(hours)].map((h) => ({
            start: at('2027-01-11T00:00:00Z') + h * 3_600_000,
            end: at('2027-01-11T01:00:00Z') + h * 3_600_000,
          }));
          const ordered = fairOrder(slots, zones, { member: m, guide: g });
          expect(ordered).toHaveLength(slots.length);
          const firstBad = ordered.findIndex((s) => inconvenientFor(s, zones).length > 0);
          if (firstBad >= 0) {
            for (const s of ordered.slice(firstBad))
              expect(inconvenientFor(s, zones).length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
