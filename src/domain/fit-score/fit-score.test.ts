import { describe, expect, it } from 'vitest';
import { type GuideFacts, type MemberNeeds, scoreFit } from './fit-score';
import { overlapMinutes, weekSlotsUtc, workdaySlotsUtc } from './week-slots';

const at = new Date('2026-11-21T12:00:00Z');
const guide: GuideFacts = {
  expertise: ['Pricing', 'Growth experiments', 'Leadership'],
  style: 'challenging',
  structure: 'structured',
  approach: 'craft',
  formats: ['video'],
  languages: ['en', 'de'],
  weekSlots: weekSlotsUtc('Europe/Berlin', [{ weekday: 2, start: '10:00', end: '14:00' }], at),
  seniorityLevels: ['mid', 'senior'],
};

type Case = { name: string; needs: MemberNeeds; min: number; max: number; why: RegExp };
const cases: Case[] = [
  { name: 'no preferences is neutral', needs: {}, min: 0.5, max: 0.5, why: /Matches your filters/ },
  { name: 'exact expertise', needs: { wanted: ['pricing'] }, min: 1, max: 1, why: /Knows pricing/ },
  { name: 'partial expertise word', needs: { wanted: ['growth'] }, min: 0.5, max: 0.5, why: /Knows growth/ },
  {
    name: 'unrelated expertise',
    needs: { wanted: ['design systems'] },
    min: 0,
    max: 0,
    why: /not what you listed/,
  },
  { name: 'style mismatch', needs: { style: 'supportive' }, min: 0, max: 0, why: /not what you prefer/ },
  { name: 'blend is half', needs: { structure: 'blend' }, min: 0.5, max: 0.5, why: /Matches your filters/ },
  { name: 'language spoken', needs: { languages: ['de'] }, min: 1, max: 1, why: /Speaks de/ },
  { name: 'format missing', needs: { formats: ['in-person'] }, min: 0, max: 0, why: /format/ },
  { name: 'seniority fits', needs: { seniority: 'senior' }, min: 1, max: 1, why: /senior-level/ },
  {
    name: 'Berlin guide overlaps a London working day',
    needs: { weekSlots: workdaySlotsUtc('Europe/London', at) },
    min: 1,
    max: 1,
    why: /About 4 hours a week/,
  },
  {
    name: 'no overlap with a Honolulu working day',
    needs: { weekSlots: workdaySlotsUtc('Pacific/Honolulu', at) },
    min: 0,
    max: 0,
    why: /No shared hours/,
  },
  {
    name: 'mixed: right skill, wrong style',
    needs: { wanted: ['pricing'], style: 'supportive' },
    min: 0.7,
    max: 0.8,
    why: /Knows pricing/,
  },
];

describe('scoreFit', () => {
  it.each(cases)('$name', ({ needs, min, max, why }) => {
    const result = scoreFit(needs, guide);
    expect(result.score).toBeGreaterThanOrEqual(min);
    expect(result.score).toBeLessThanOrEqual(max);
    expect(result.why.join(' ')).toMatch(why);
  });

  it('always explains itself and stays within 0..1', () => {
    for (const { needs } of cases) {
      const result = scoreFit(needs, guide);
      expect(result.why.length).toBeGreaterThan(0);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(1);
    }
  });

  it('ranks a guide who covers more of the wanted skills higher', () => {
    const needs = { wanted: ['pricing', 'leadership'] };
    const narrow = scoreFit(needs, { ...guide, expertise: ['Pricing'] });
    const broad = scoreFit(needs, guide);
    expect(broad.score).toBeGreaterThan(narrow.score);
  });
});

describe('week slots', () => {
  it.each([
    { zone: 'UTC', window: { weekday: 1, start: '00:00', end: '01:00' }, slots: [0, 1] },
    { zone: 'Europe/Berlin', window: { weekday: 1, start: '00:00', end: '00:30' }, slots: [334] },
    { zone: 'Asia/Kolkata', window: { weekday: 1, start: '06:00', end: '06:30' }, slots: [1] },
    { zone: 'UTC', window: { weekday: 1, start: '10:00', end: '09:00' }, slots: [] },
  ])('$zone $window.start–$window.end → $slots', ({ zone, window, slots }) => {
    expect(weekSlotsUtc(zone, [window], at)).toEqual(slots);
  });

  it('counts shared minutes', () => {
    expect(overlapMinutes([1, 2, 3], [2, 3, 4])).toBe(60);
    expect(workdaySlotsUtc('UTC', at).length * 30).toBe(5 * 9 * 60);
  });
});
