import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuide, setMemberOrganization } from '../../../test/support/guide-factory';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { scoreFit } from '../../domain/fit-score/fit-score';
import { overlapMinutes, weekSlotsUtc, workdaySlotsUtc } from '../../domain/fit-score/week-slots';
import { relationships } from '../db/schema';

// The directory's SQL (partial indexes, literal predicates, the overlap multirange, capacity from
// active relationships, counting inside the ranking pass) must pick exactly the guides its filters
// describe and rank them exactly as the fit score does. On a varied fixture smaller than the
// candidate pool, the expected page is computed here from first principles: every guide checked
// against every filter in plain code, then sorted by the fit score.

const tag = `zr${Date.now().toString(36)}`;
// Seeded, so a failure reproduces.
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rand = random(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const some = <T>(items: readonly T[], max: number): T[] => [
  ...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(items))),
];

const areas = ['pricing', 'growth', 'leadership', 'discovery', 'hiring'] as const;
const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Pacific/Honolulu'] as const;
const formats = ['video', 'phone', 'in-person'] as const;
const words = ['k1', 'k2', 'k3'].map((word) => `${tag}${word}`);

type Fixture = {
  userId: string;
  name: string;
  kind: 'mentor' | 'coach' | 'both';
  expertise: string[];
  style: 'supportive' | 'challenging' | 'blend';
  structure: 'structured' | 'client-led' | 'blend';
  approach: 'person' | 'craft' | 'blend';
  formats: string[];
  city: string | null;
  languages: string[];
  seniorityLevels: string[];
  credentials: string[];
  volunteer: boolean;
  priceMin: number | null;
  priceMax: number | null;
  capacity: number;
  active: number;
  organization: string | null;
  weekSlots: number[];
  words: string[];
};

let t: TestApp;
let member: Member;
const guides: Fixture[] = [];

beforeAll(async () => {
  t = await createTestApp();
  member = await signUp(t, 'Rhea Ranker', 'Europe/Berlin');
  await setMemberOrganization(t, member, 'Initech');
  for (let index = 0; index < 36; index += 1) {
    const volunteer = rand() < 0.5;
    const priceMin = volunteer ? null : 50 + Math.floor(rand() * 6) * 25;
    const offered = some(formats, 2);
    const timeZone = pick(zones);
    const availability = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
      const start = 6 + Math.floor(rand() * 12);
      return {
        weekday: 1 + Math.floor(rand() * 5),
        start: `${String(start).padStart(2, '0')}:00`,
        end: `${String(start + 1 + Math.floor(rand() * 3)).padStart(2, '0')}:00`,
      };
    });
    const profile = {
      headline: 'Guide',
      bio: [tag, ...words.filter(() => rand() < 0.4)].join(' '),
      kind: pick(['mentor', 'coach', 'both'] as const),
      expertise: some(areas, 3),
      style: pick(['supportive', 'challenging', 'blend'] as const),
      structure: pick(['structured', 'client-led', 'blend'] as const),
      approach: pick(['person', 'craft', 'blend'] as const),
      formats: offered,
      city: offered.includes('in-person') ? pick(['Berlin', 'Lisbon']) : null,
      languages: some(['en', 'de', 'fr'] as const, 2),
      seniorityLevels: rand() < 0.2 ? [] : some(['early', 'mid', 'senior', 'executive'] as const, 2),
      credentials: rand() < 0.3 ? [pick(['ICF ACC', 'ICF PCC'])] : [],
      volunteer,
      priceMin,
      priceMax: priceMin === null ? null : priceMin + 100,
      currency: volunteer ? null : 'EUR',
      capacity: Math.floor(rand() * 4),
      organization: rand() < 0.15 ? 'INITECH' : null,
      timeZone,
      availability,
    };
    const name = `Guide ${String(index).padStart(2, '0')}`;
    const guide = await createGuide(t, name, profile);
    const active = profile.capacity > 0 && rand() < 0.4 ? 1 : 0;
    for (const status of [...(active ? ['active' as const] : []), 'closed' as const]) {
      await t.database.db.insert(relationships).values({
        memberId: member.userId,
        guideId: guide.userId,
        invitedBy: member.userId,
        inviteeEmail: 'guide@example.test',
        inviteTokenHash: randomUUID(),
        kind: 'mentoring',
        framing: 'ad-hoc',
        status,
        createdAt: t.clock.now,
      });
    }
    guides.push({
      ...profile,
      userId: guide.userId,
      name,
      active,
      weekSlots: weekSlotsUtc(timeZone, availability, t.clock.now),
      words: profile.bio.split(' '),
    });
  }
}, 120_000);
afterAll(() => t.close());

type Query = Record<string, string>;

// Every filter as the product describes it, checked guide by guide.
function matches(guide: Fixture, query: Query, memberSlots: number[]): boolean {
  const list = (value: string) => value.split(',');
  const kind = query.kind ?? 'any';
  const checks = [
    (query.q ?? tag).split(' ').every((word) => guide.words.includes(word)),
    guide.capacity - guide.active >= Number(query.minCapacityLeft ?? 1),
    kind === 'any' || guide.kind === kind || guide.kind === 'both',
    query.includeOwnOrganization === 'true' || guide.organization?.toLowerCase() !== 'initech',
    !query.expertise || list(query.expertise).some((area) => guide.expertise.includes(area)),
    !query.style || guide.style === query.style,
    !query.structure || guide.structure === query.structure,
    !query.approach || guide.approach === query.approach,
    !query.format || guide.formats.includes(query.format),
    !query.city || guide.city?.toLowerCase() === query.city.toLowerCase(),
    !query.language || guide.languages.includes(query.language),
    !query.seniority || guide.seniorityLevels.includes(query.seniority),
    !query.credential ||
      guide.credentials.some((credential) =>
        credential.toLowerCase().includes(String(query.credential).toLowerCase()),
      ),
    query.volunteerOnly !== 'true' || guide.volunteer,
    !query.priceMax || guide.volunteer || (guide.priceMin ?? 0) <= Number(query.priceMax),
    !query.priceMin ||
      (!guide.volunteer && (guide.priceMax ?? guide.priceMin ?? 0) >= Number(query.priceMin)),
    query.overlapOnly !== 'true' || overlapMinutes(memberSlots, guide.weekSlots) > 0,
  ];
  return checks.every(Boolean);
}

// Ties go by id in code-point order (collate "C"), the same on every database and locale.
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function expectedPage(query: Query) {
  const memberSlots = workdaySlotsUtc('Europe/Berlin', t.clock.now);
  const words = query.q ? query.q.split(/\s+/).filter((word) => word.length > 2) : [];
  const needs = {
    wanted: query.expertise ? query.expertise.split(',') : words,
    style: (query.style ?? null) as 'supportive' | null,
    structure: (query.structure ?? null) as 'structured' | null,
    approach: (query.approach ?? null) as 'person' | null,
    formats: query.format ? [query.format] : [],
    languages: query.language ? [query.language] : [],
    weekSlots: memberSlots,
    seniority: (query.seniority ?? null) as 'early' | null,
  };
  const ranked = guides
    .filter((guide) => matches(guide, query, memberSlots))
    .map((guide) => ({ guide, score: scoreFit(needs, guide).score }))
    .sort((a, b) => b.score - a.score || byCodePoint(a.guide.userId, b.guide.userId));
  const limit = Number(query.limit ?? 20);
  const offset = (Number(query.page ?? 1) - 1) * limit;
  return {
    names: ranked.slice(offset, offset + limit).map((item) => item.guide.name),
    capacityLeft: ranked.slice(offset, offset + limit).map((item) => item.guide.capacity - item.guide.active),
    total: ranked.length,
  };
}

const queries: Query[] = [
  {},
  { q: words[0] as string },
  { q: `${words[1]} ${words[2]}` },
  { kind: 'mentor' },
  { kind: 'coach', overlapOnly: 'true' },
  { overlapOnly: 'true' },
  { expertise: 'pricing,hiring' },
  { expertise: 'growth', q: words[0] as string, overlapOnly: 'true' },
  { language: 'de', format: 'video' },
  { format: 'in-person', city: 'lisbon' },
  { seniority: 'senior', style: 'challenging' },
  { structure: 'client-led', approach: 'craft' },
  { credential: 'pcc' },
  { volunteerOnly: 'true', overlapOnly: 'true' },
  { priceMax: '100' },
  { priceMin: '150', kind: 'coach' },
  { minCapacityLeft: '2' },
  { includeOwnOrganization: 'true' },
  { includeOwnOrganization: 'true', q: words[2] as string, language: 'en' },
  { limit: '5', page: '2' },
  { limit: '4', page: '3', overlapOnly: 'true', includeOwnOrganization: 'true' },
];

describe('directory ranking against the filters and the fit score', () => {
  it.each(queries.map((query) => [JSON.stringify(query), query] as const))('%s', async (_label, query) => {
    // Every search carries this file's word, so guides of other files never count.
    const full = { kind: 'any', q: tag, ...query };
    const response = await member.request(`/api/v1/directory?${new URLSearchParams(full)}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      results: { guide: { name: string; capacityLeft: number } }[];
      total: number;
    };
    const expected = expectedPage(full);
    expect(page.results.map((result) => result.guide.name)).toEqual(expected.names);
    expect(page.results.map((result) => result.guide.capacityLeft)).toEqual(expected.capacityLeft);
    expect(page.total).toBe(expected.total);
  });

  it('uses a fixture varied enough to mean something', () => {
    const totals = queries.map((query) => expectedPage({ kind: 'any', q: tag, ...query }).total);
    expect(Math.max(...totals)).toBeGreaterThan(10);
    expect(totals.filter((total) => total > 0).length).toBeGreaterThan(queries.length - 4);
  });
});
