import { describe, expect, it } from 'vitest';
import { type CsvRecord, guideColumns, memberColumns, parseApplicationRows } from './csv-rows';

const member = (line: number, overrides: Record<string, string> = {}): CsvRecord => ({
  line,
  values: {
    email: `m${line}@example.test`,
    name: `Member ${line}`,
    organization: 'Acme',
    time_zone: 'Europe/Berlin',
    languages: 'en; de',
    formats: 'video',
    goal: 'Lift activation by 10% by June',
    skill_gaps: 'pricing (iq); stakeholder influence (eq)',
    style: 'challenging',
    structure: '',
    seniority: 'mid',
    ...overrides,
  },
});

const guide = (line: number, overrides: Record<string, string> = {}): CsvRecord => ({
  line,
  values: {
    email: `g${line}@example.test`,
    name: `Guide ${line}`,
    organization: 'Globex',
    time_zone: 'America/New_York',
    languages: 'en',
    formats: 'video; phone',
    expertise: 'pricing; growth',
    capacity: '3',
    availability: 'Mon 09:00-12:00; Wed 14:00-17:30',
    style: 'supportive',
    structure: 'blend',
    approach: 'craft',
    works_with: 'mid; senior',
    ...overrides,
  },
});

describe('member rows', () => {
  it('parses a good row, with skill gaps and their IQ/EQ categories', () => {
    const parsed = parseApplicationRows('member', [...memberColumns], [member(2)]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.applications[0]?.profile).toMatchObject({
      role: 'member',
      languages: ['en', 'de'],
      skillGaps: [
        { area: 'pricing', category: 'iq' },
        { area: 'stakeholder influence', category: 'eq' },
      ],
      style: 'challenging',
      structure: null,
    });
  });

  it.each([
    [{ email: 'not-an-email' }, 'email', /email/],
    [{ time_zone: 'Mars/Olympus' }, 'time_zone', /time zone/],
    [{ skill_gaps: '' }, 'skill_gaps', /skill gap/],
    [{ formats: 'carrier pigeon' }, 'formats', /video, phone, in-person|Invalid/],
    [{ seniority: 'galactic' }, 'seniority', /./],
    [{ name: ' ' }, 'name', /empty/],
  ])('names line, column and problem for %j', (override, column, message) => {
    const parsed = parseApplicationRows('member', [...memberColumns], [member(2), member(3, override)]);
    expect(parsed.applications.map((a) => a.line)).toEqual([2]);
    const problem = parsed.problems.find((p) => p.column === column);
    expect(problem?.line).toBe(3);
    expect(problem?.message).toMatch(message);
  });

  it('flags a repeated email on the later line', () => {
    const parsed = parseApplicationRows(
      'member',
      [...memberColumns],
      [member(2), { ...member(3), values: { ...member(3).values, email: 'm2@example.test' } }],
    );
    expect(parsed.problems).toEqual([{ line: 3, column: 'email', message: 'repeats line 2' }]);
  });

  it('rejects unknown and missing columns before reading rows', () => {
    const parsed = parseApplicationRows('member', ['email', 'name', 'timezone'], [member(2)]);
    expect(parsed.applications).toEqual([]);
    expect(parsed.problems).toContainEqual(expect.objectContaining({ line: 1, column: 'timezone' }));
    expect(parsed.problems).toContainEqual({
      line: 1,
      column: 'time_zone',
      message: 'is a required column and is missing',
    });
  });
});

describe('guide rows', () => {
  it('parses capacity and weekly availability', () => {
    const parsed = parseApplicationRows('guide', [...guideColumns], [guide(2)]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.applications[0]?.profile).toMatchObject({
      capacity: 3,
      availability: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 3, start: '14:00', end: '17:30' },
      ],
      worksWith: ['mid', 'senior'],
    });
  });

  it.each([
    [{ capacity: '-1' }, 'capacity', /negative/],
    [{ capacity: 'three' }, 'capacity', /./],
    [{ capacity: '2.5' }, 'capacity', /whole number/],
    [{ availability: 'sometimes' }, 'availability', /./],
    [{ expertise: '' }, 'expertise', /expertise/],
  ])('names line, column and problem for %j', (override, column, message) => {
    const parsed = parseApplicationRows('guide', [...guideColumns], [guide(5, override)]);
    expect(parsed.applications).toEqual([]);
    const problem = parsed.problems.find((p) => p.column === column);
    expect(problem?.line).toBe(5);
    expect(problem?.message).toMatch(message);
  });
});
