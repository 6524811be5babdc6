import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { type ReplyRecord, scoreFit } from '../../domain/fit-score/fit-score';
import { weekSlotsUtc, workdaySlotsUtc } from '../../domain/fit-score/week-slots';
import type { Weekday } from '../../domain/sessions/availability';
import { DIRECTORY_RANK_POOL, RESPONSIVENESS_MIN_REQUESTS } from '../../domain/settings/directory';
import { guideProfiles, guideReplyStats, introRequests, user } from '../db/schema';
import { directoryRanking } from './directory-sql';
import { directoryNeeds } from './find-guides';
import { directoryQuery } from './schemas';

// The directory ranks every guide that passes the filters, not a pre-cut: a crowd of recently active
// guides who fit poorly, larger than the old candidate pool (250, by text relevance then recency),
// and one long-quiet guide who fits best. Guides are written straight to the database (the API would
// take minutes for this many); the profile trigger fills the fit inputs as a profile save does.

const tag = `zx${Date.now().toString(36)}`;
const CROWD = DIRECTORY_RANK_POOL + 20;
const HOUR = 3_600_000;

type Row = typeof guideProfiles.$inferInsert;
let t: TestApp;
let member: Member;
let nextId = 0;

async function insertGuide(name: string, profile: Partial<Row>): Promise<string> {
  nextId += 1;
  const id = `${tag}-${String(nextId).padStart(4, '0')}`;
  const now = t.clock.now;
  await t.database.db.insert(user).values({
    id,
    name,
    email: `${id}@example.test`,
    timeZone: 'Europe/Berlin',
    createdAt: now,
    updatedAt: now,
  });
  const availability = profile.availability ?? [];
  await t.database.db.insert(guideProfiles).values({
    userId: id,
    headline: 'Guide',
    bio: tag,
    expertise: [],
    formats: ['video'],
    languages: ['en'],
    capacity: 2,
    timeZone: 'Europe/Berlin',
    weekSlots: weekSlotsUtc(profile.timeZone ?? 'Europe/Berlin', availability, now),
    searchText: `${name}\n${tag}`,
    lastActiveAt: now,
    ...profile,
  });
  return id;
}

async function addIntros(guideId: string, answeredHours: (number | null)[]) {
  const now = t.clock.now.getTime();
  for (const [index, hours] of answeredHours.entries()) {
    const createdAt = new Date(now - (index + 1) * 100 * HOUR);
    await t.database.db.insert(introRequests).values({
      memberId: member.userId,
      guideId,
      message: 'Hello',
      status: hours === null ? 'requested' : 'accepted',
      createdAt,
      respondedAt: hours === null ? null : new Date(createdAt.getTime() + hours * HOUR),
    });
  }
}

type Page = {
  results: { guide: { userId: string; name: string }; fit: { score: number; why: string[] } }[];
  total: number;
};
const search = async (params: Record<string, string>): Promise<Page> => {
  const response = await member.request(`/api/v1/directory?${new URLSearchParams({ q: tag, ...params })}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
};

let best = '';
beforeAll(async () => {
  t = await createTestApp();
  member = await signUp(t, 'Exa Member', 'Europe/Berlin');
  const wide = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  for (let index = 0; index < CROWD; index += 1) {
    // Recently active, free all week, but knows only half of what is asked.
    await insertGuide(`Crowd ${index}`, {
      expertise: ['pricing'],
      availability: wide,
      lastActiveAt: new Date(t.clock.now.getTime() - index * 60_000),
    });
  }
  // Quiet for a year (last by recency), but knows exactly what is asked and shares the week.
  best = await insertGuide('Best Fit', {
    expertise: ['Pricing ', 'growth'],
    availability: wide,
    lastActiveAt: new Date(t.clock.now.getTime() - 365 * 24 * HOUR),
  });
}, 300_000);
afterAll(() => t.close());

describe('exact ranking over every guide that passes the filters', () => {
  it('ranks first the best-fitting guide, who is outside the best 250 by text and recency', async () => {
    const page = await search({ expertise: 'pricing,growth' });
    expect(page.results[0]?.guide.name).toBe('Best Fit');
    expect(page.results[0]?.fit.why[0]).toBe('Knows pricing, growth, which you are looking for.');
    expect(page.total).toBe(CROWD + 1);
    // The text alone names no expertise: every guide fits alike, ties by id, and all are counted.
    const plain = await search({});
    expect(plain.total).toBe(CROWD + 1);
  });

  it('still applies the filters: a guide the filters exclude never ranks', async () => {
    await t.database.db
      .update(guideProfiles)
      .set({ languages: ['de'] })
      .where(eq(guideProfiles.userId, best));
    const page = await search({ expertise: 'pricing,growth', language: 'en' });
    expect(page.results.map((result) => result.guide.userId)).not.toContain(best);
    expect(page.total).toBe(CROWD);
    await t.database.db
      .update(guideProfiles)
      .set({ languages: ['en'] })
      .where(eq(guideProfiles.userId, best));
  });

  it('pages through the ranking with no gap and no duplicate', async () => {
    const limit = 20;
    const pages = Math.ceil(DIRECTORY_RANK_POOL / limit);
    const seen: Page['results'] = [];
    for (let page = 1; page <= pages; page += 1) {
      seen.push(
        ...(await search({ expertise: 'pricing,growth', limit: String(limit), page: String(page) })).results,
      );
    }
    const ids = seen.map((result) => result.guide.userId);
    expect(ids).toHaveLength(pages * limit);
    expect(new Set(ids).size).toBe(ids.length);
    // Score descending, then id in code-point order: the full ranking's first pages, in order.
    const sorted = [...seen].sort(
      (a, b) =>
        b.fit.score - a.fit.score ||
        (a.guide.userId < b.guide.userId ? -1 : a.guide.userId > b.guide.userId ? 1 : 0),
    );
    expect(ids).toEqual(sorted.map((result) => result.guide.userId));
    expect(ids[0]).toBe(best);
  });
});

describe('verified responsiveness', () => {
  it('shows how fast and how often a guide answers, and ranks a responsive guide above a silent one', async () => {
    const availability = [{ weekday: 2 as const, start: '10:00', end: '12:00' }];
    const quick = await insertGuide('Quick Replier', { expertise: ['negotiation'], availability });
    const silent = await insertGuide('Silent Guide', { expertise: ['negotiation'], availability });
    const fresh = await insertGuide('Fresh Guide', { expertise: ['negotiation'], availability });
    const few = await insertGuide('Few Requests', { expertise: ['negotiation'], availability });
    await addIntros(quick, [...Array.from({ length: 12 }, (_, i) => 5 + (i % 3)), null]);
    await addIntros(silent, [null, null, null, null]);
    await addIntros(
      few,
      Array.from({ length: RESPONSIVENESS_MIN_REQUESTS - 1 }, () => 200),
    );
    const page = await search({ expertise: 'negotiation' });
    const byName = new Map(page.results.map((result) => [result.guide.name, result]));
    expect(page.results.map((result) => result.guide.name).slice(0, 4)).toEqual([
      'Quick Replier',
      ...['Fresh Guide', 'Few Requests'].sort((a, b) => {
        const id = (name: string) => (name === 'Fresh Guide' ? fresh : few);
        return id(a) < id(b) ? -1 : 1;
      }),
      'Silent Guide',
    ]);
    expect(byName.get('Quick Replier')?.fit.why).toContain(
      'Answers intro requests in about 6 hours (12 of 13).',
    );
    expect(byName.get('Silent Guide')?.fit.why).toContain('Has not answered any of 4 intro requests yet.');
    // Neutral without enough history: the same score as a guide never asked, and nothing said.
    expect(byName.get('Few Requests')?.fit.score).toBe(byName.get('Fresh Guide')?.fit.score);
    expect(byName.get('Few Requests')?.fit.why.join(' ')).not.toMatch(/intro requests/);

    // The rollup follows answers: the silent guide answers all four, fast.
    await t.database.db
      .update(introRequests)
      .set({ status: 'accepted', respondedAt: t.clock.now })
      .where(eq(introRequests.guideId, silent));
    const [stats] = await t.database.db
      .select()
      .from(guideReplyStats)
      .where(eq(guideReplyStats.guideId, silent));
    expect(stats).toMatchObject({ asked: 4, answered: 4 });
    const after = await search({ expertise: 'negotiation' });
    expect(after.results.find((result) => result.guide.name === 'Silent Guide')?.fit.why.join(' ')).toMatch(
      /\(4 of 4\)/,
    );
  });
});

// The SQL score is the domain's fit score, number for number, on random guides and searches.
describe('the SQL fit score agrees with scoreFit', () => {
  const words = ['Pricing', 'pricing strategy', ' growth ', 'GROWTH', 'hiring', 'b2b', 'lead', 'leadership'];
  const guideArb = fc.record({
    expertise: fc.uniqueArray(fc.constantFrom(...words), { maxLength: 4 }),
    style: fc.constantFrom('supportive', 'challenging', 'blend'),
    structure: fc.constantFrom('structured', 'client-led', 'blend'),
    approach: fc.constantFrom('person', 'craft', 'blend'),
    languages: fc.uniqueArray(fc.constantFrom('en', 'de', 'fr'), { minLength: 1, maxLength: 2 }),
    formats: fc.uniqueArray(fc.constantFrom('video', 'phone'), { minLength: 1, maxLength: 2 }),
    seniorityLevels: fc.uniqueArray(fc.constantFrom('early', 'mid', 'senior'), { maxLength: 2 }),
    timeZone: fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata'),
    windows: fc.array(
      fc.record({
        weekday: fc.integer({ min: 1, max: 7 }).map((day) => day as Weekday),
        start: fc.integer({ min: 0, max: 20 }),
      }),
      { maxLength: 4 },
    ),
    replies: fc.array(fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: null }), {
      maxLength: 6,
    }),
  });
  const queryArb = fc.record(
    {
      expertise: fc.uniqueArray(fc.constantFrom('pricing', 'growth', 'hiring', 'leader', 'b2b', 'ops'), {
        minLength: 1,
        maxLength: 3,
      }),
      style: fc.constantFrom('supportive', 'challenging', 'blend'),
      language: fc.constantFrom('en', 'de'),
      format: fc.constantFrom('video', 'phone'),
      seniority: fc.constantFrom('early', 'mid', 'senior'),
    },
    { requiredKeys: [] },
  );

  it('on random guides and searches', async () => {
    const round = `${tag}p`;
    const fixtures = fc.sample(guideArb, { numRuns: 60, seed: 7 });
    for (const [index, fixture] of fixtures.entries()) {
      const id = await insertGuide(`Prop ${index}`, {
        ...fixture,
        searchText: round,
        availability: fixture.windows.map((w) => ({
          weekday: w.weekday as Weekday,
          start: `${String(w.start).padStart(2, '0')}:00`,
          end: `${String(w.start + 3).padStart(2, '0')}:30`,
        })),
        weekSlots: weekSlotsUtc(
          fixture.timeZone,
          fixture.windows.map((w) => ({
            weekday: w.weekday,
            start: `${String(w.start).padStart(2, '0')}:00`,
            end: `${String(w.start + 3).padStart(2, '0')}:30`,
          })),
          t.clock.now,
        ),
      });
      await addIntros(id, fixture.replies);
    }
    const memberSlots = workdaySlotsUtc('Europe/Berlin', t.clock.now);
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(queryArb, async (params) => {
        const query = directoryQuery.parse({
          q: round,
          limit: '50',
          ...params,
          expertise: params.expertise?.join(','),
        });
        const needs = directoryNeeds(query, memberSlots);
        const rows = await directoryRanking(
          t.database.db,
          member.userId,
          query,
          { kind: 'any', memberSlots, excludeOrganization: null },
          needs,
        );
        for (const row of rows) {
          const replies: ReplyRecord | null =
            row.asked === null || row.answered === null
              ? null
              : { asked: row.asked, answered: row.answered, medianReplySeconds: row.medianReplySeconds };
          expect(row.score).toBe(scoreFit(needs, { ...row, replies }).score);
          compared += 1;
        }
      }),
      { numRuns: 40, seed: 11 },
    );
    expect(compared).toBeGreaterThan(50);
  }, 120_000);
});
