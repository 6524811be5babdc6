import { describe, expect, it } from 'vitest';
import { type AgreementTerms, agreementTermsSchema, defaultAgreementTerms } from './agreement-terms';
import { checkAgreement } from './check-agreement';
import { type RelationshipKind, relationshipKinds } from './vocabulary';

const sound: AgreementTerms = {
  cadence: 'biweekly',
  sessionMinutes: 60,
  preparation: 'Topic and first thoughts by email two days before.',
  responsiveness: { within: 1, unit: 'days', channels: ['email'] },
  format: 'video',
  confidentiality: 'Everything stays between us.',
  intendedOutcomes: 'Lead the Q3 planning without my manager stepping in.',
  plannedMonths: 9,
};

type Case = { name: string; kind: RelationshipKind; terms: Partial<AgreementTerms>; expected: string[] };

const cases: Case[] = [
  { name: 'sound coaching agreement', kind: 'coaching', terms: {}, expected: [] },
  { name: 'sound mentoring agreement', kind: 'mentoring', terms: {}, expected: [] },
  { name: 'sound peer agreement', kind: 'peer', terms: {}, expected: [] },
  { name: 'weekly coaching', kind: 'coaching', terms: { cadence: 'weekly' }, expected: [] },
  {
    name: 'monthly coaching',
    kind: 'coaching',
    terms: { cadence: 'monthly', format: 'in-person', place: 'Berlin, their office' },
    expected: ['warning:coaching-cadence-too-low'],
  },
  {
    name: 'two months of coaching',
    kind: 'coaching',
    terms: { plannedMonths: 2 },
    expected: ['warning:coaching-shorter-than-a-sprint'],
  },
  {
    name: 'one month of coaching',
    kind: 'coaching',
    terms: { plannedMonths: 1 },
    expected: ['warning:coaching-shorter-than-a-sprint'],
  },
  {
    name: 'a three-month coaching sprint',
    kind: 'coaching',
    terms: { plannedMonths: 3 },
    expected: ['hint:coaching-change-takes-longer'],
  },
  {
    name: 'five months of coaching',
    kind: 'coaching',
    terms: { plannedMonths: 5 },
    expected: ['hint:coaching-change-takes-longer'],
  },
  { name: 'six months of coaching', kind: 'coaching', terms: { plannedMonths: 6 }, expected: [] },
  { name: 'open-ended coaching', kind: 'coaching', terms: { plannedMonths: null }, expected: [] },
  {
    name: '30-minute coaching sessions',
    kind: 'coaching',
    terms: { sessionMinutes: 30 },
    expected: ['hint:coaching-session-short'],
  },
  { name: '90-minute coaching sessions', kind: 'coaching', terms: { sessionMinutes: 90 }, expected: [] },
  {
    name: 'short mentoring over two months',
    kind: 'mentoring',
    terms: { plannedMonths: 2, sessionMinutes: 30 },
    expected: [],
  },
  {
    name: 'monthly mentoring over video',
    kind: 'mentoring',
    terms: { cadence: 'monthly' },
    expected: ['warning:remote-mentoring-cadence-too-low'],
  },
  {
    name: 'monthly mentoring by phone',
    kind: 'mentoring',
    terms: { cadence: 'monthly', format: 'phone' },
    expected: ['warning:remote-mentoring-cadence-too-low'],
  },
  {
    name: 'monthly mentoring in person',
    kind: 'mentoring',
    terms: { cadence: 'monthly', format: 'in-person', place: 'Tel Aviv, a café near both offices' },
    expected: [],
  },
  { name: 'monthly peer calls', kind: 'peer', terms: { cadence: 'monthly' }, expected: [] },
  {
    name: 'remote mentoring without preparation',
    kind: 'mentoring',
    terms: { preparation: '  ' },
    expected: ['hint:remote-preparation-missing'],
  },
  {
    name: 'in-person mentoring without a place',
    kind: 'mentoring',
    terms: { format: 'in-person', preparation: '' },
    expected: ['hint:place-missing'],
  },
  {
    name: 'no intended outcomes',
    kind: 'peer',
    terms: { intendedOutcomes: '' },
    expected: ['hint:intended-outcomes-missing'],
  },
  {
    name: 'no word on confidentiality',
    kind: 'mentoring',
    terms: { confidentiality: '' },
    expected: ['hint:confidentiality-missing'],
  },
  {
    name: 'short, rare, brief coaching: warnings lead, hints follow',
    kind: 'coaching',
    terms: { cadence: 'monthly', plannedMonths: 2, sessionMinutes: 30, intendedOutcomes: '' },
    expected: [
      'warning:coaching-cadence-too-low',
      'warning:coaching-shorter-than-a-sprint',
      'hint:coaching-session-short',
      'hint:intended-outcomes-missing',
    ],
  },
];

describe('checkAgreement', () => {
  it.each(cases)('$name ($kind)', ({ kind, terms, expected }) => {
    const warnings = checkAgreement({ ...sound, ...terms }, kind);
    expect(warnings.map((w) => `${w.level}:${w.code}`)).toEqual(expected);
    for (const w of warnings) {
      expect(w.message).not.toBe('');
      expect(w.suggestion).not.toBe('');
    }
  });

  it('points each warning at the field to change', () => {
    const fields = checkAgreement({ ...sound, cadence: 'monthly', sessionMinutes: 30 }, 'coaching').map(
      (w) => w.field,
    );
    expect(fields).toEqual(['cadence', 'sessionMinutes']);
  });
});

describe('defaultAgreementTerms', () => {
  it.each(relationshipKinds)(
    'gives a valid %s agreement with no warnings beyond the outcome to fill in',
    (kind) => {
      const terms = defaultAgreementTerms(kind);
      expect(agreementTermsSchema.safeParse(terms).success).toBe(true);
      expect(checkAgreement(terms, kind).map((w) => w.code)).toEqual(['intended-outcomes-missing']);
    },
  );

  it('hands out a fresh copy each time', () => {
    const first = defaultAgreementTerms('peer');
    first.responsiveness.channels.push('phone');
    expect(defaultAgreementTerms('peer').responsiveness.channels).not.toContain('phone');
  });
});

describe('agreementTermsSchema', () => {
  it.each([
    { name: 'a sound agreement', input: sound, ok: true },
    { name: 'with a place', input: { ...sound, format: 'in-person', place: 'Lisbon' }, ok: true },
    { name: '45-minute sessions', input: { ...sound, sessionMinutes: 45 }, ok: false },
    {
      name: 'a fortnightly cadence spelled differently',
      input: { ...sound, cadence: 'fortnightly' },
      ok: false,
    },
    {
      name: 'no reply channel',
      input: { ...sound, responsiveness: { within: 1, unit: 'days', channels: [] } },
      ok: false,
    },
    {
      name: 'a zero reply time',
      input: { ...sound, responsiveness: { within: 0, unit: 'hours', channels: ['chat'] } },
      ok: false,
    },
    {
      name: 'a reply within 200 hours',
      input: { ...sound, responsiveness: { within: 200, unit: 'hours', channels: ['chat'] } },
      ok: false,
    },
    { name: 'a fractional plan length', input: { ...sound, plannedMonths: 2.5 }, ok: false },
    { name: 'a missing confidentiality term', input: { ...sound, confidentiality: undefined }, ok: false },
    { name: 'a 40-month plan', input: { ...sound, plannedMonths: 40 }, ok: false },
    { name: 'a too long preparation text', input: { ...sound, preparation: 'x'.repeat(5000) }, ok: false },
  ])('$name → valid: $ok', ({ input, ok }) => {
    expect(agreementTermsSchema.safeParse(input).success).toBe(ok);
  });

  it('trims text', () => {
    const parsed = agreementTermsSchema.parse({ ...sound, intendedOutcomes: '  Ship the pricing test  ' });
    expect(parsed.intendedOutcomes).toBe('Ship the pricing test');
  });
});
