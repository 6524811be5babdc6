import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCohortPair, insertPairSession, type SeededPair } from '../../../test/support/cohort-pairs';
import { createProgramCohort } from '../../../test/support/program-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { AT_RISK_MAX_PAGE_SIZE, AT_RISK_PAGE_SIZE } from '../../domain/settings/outcomes';
import { actions, agreements, pulseCheckIns, sessionPulses } from '../db/schema';

const DAY = 86_400_000;
const FILLERS = 30;
let t: TestApp;
let admin: Member;
let cohortId: string;
const ago = (days: number) => new Date(t.clock.now.getTime() - days * DAY);

type Pair = {
  relationshipId: string;
  member: string;
  guide: string;
  level: string;
  signals: { code: string }[];
};
type Page = {
  pairs: Pair[];
  totals: { atRisk: number; watch: number };
  page: { number: number; size: number; pairs: number; pages: number };
};

// Each named pair exercises one fact of the early warning (which sessions count as recent, as missed or
// as a next step; which pulse is the latest; which agreement is in force), so the set-based read is held
// to what each signal means. The fillers have no next step and nothing else: one signal each.
const expected: Record<string, string[] | 'ok'> = {
  'Ada Booked': 'ok',
  'Ben Nothing': ['no-next-step'],
  'Cy Past Booking': ['no-next-step'],
  'Di Missed': ['cancelled-or-missed'],
  'Ed Low Latest': ['low-pulse', 'no-next-step'],
  'Flo Recovered': 'ok',
  'Gil Session Pulse': ['low-pulse'],
  'Hal Behind': ['cadence-behind'],
  'Ida On Pace': 'ok',
};

async function seed() {
  const db = t.database.db;
  let n = 0;
  const pair = async (name: string) => {
    n += 1;
    return insertCohortPair(db, {
      cohortId,
      memberId: `ar-m${n}`,
      guideId: `ar-g${n}`,
      memberName: name,
      guideName: `Guide ${String(n).padStart(2, '0')}`,
      createdAt: ago(95),
      acceptedAt: ago(90),
    });
  };
  const session = (p: SeededPair, daysAgo: number, status: 'held' | 'scheduled' | 'cancelled' | 'no-show') =>
    insertPairSession(db, p, ago(daysAgo), status, ago(95));
  const openAction = (p: { id: string; memberId: string }) =>
    db.insert(actions).values({
      relationshipId: p.id,
      ownerId: p.memberId,
      kind: 'practical',
      title: 'Draft the plan',
      createdAt: ago(5),
      updatedAt: ago(5),
    });
  const pulse = (p: { id: string }, userId: string, round: number, score: number) =>
    db.insert(pulseCheckIns).values({
      relationshipId: p.id,
      userId,
      round,
      relationshipScore: score,
      progressScore: 3,
      wouldRecommend: true,
      answeredAt: ago(60 - round * 30),
    });
  const agreement = (p: { id: string; memberId: string }, version: number, cadence: string, status: string) =>
    db.insert(agreements).values({
      relationshipId: p.id,
      version,
      terms: { cadence } as never,
      status: status as 'accepted',
      proposedBy: p.memberId,
      proposedAt: ago(89),
    });

  const ada = await pair('Ada Booked');
  await session(ada, -3, 'scheduled');
  await session(ada, 3, 'held');
  await pair('Ben Nothing');
  const cy = await pair('Cy Past Booking');
  await session(cy, 2, 'scheduled'); // booked but already past: not a next step
  const di = await pair('Di Missed');
  await openAction(di);
  await session(di, 5, 'cancelled');
  await session(di, 10, 'no-show');
  await session(di, 40, 'cancelled'); // too long ago to count
  await session(di, -1, 'cancelled'); // a cancelled future session is neither missed nor booked
  const ed = await pair('Ed Low Latest');
  await pulse(ed, ed.memberId, 0, 5);
  await pulse(ed, ed.memberId, 1, 4);
  await pulse(ed, ed.guideId, 1, 2); // the lowest answer of the latest round
  const flo = await pair('Flo Recovered');
  await openAction(flo);
  await pulse(flo, flo.memberId, 0, 1);
  await pulse(flo, flo.memberId, 1, 5);
  const gil = await pair('Gil Session Pulse');
  await openAction(gil);
  for (const [daysAgo, score] of [
    [20, 5],
    [6, 2],
  ] as const) {
    const id = await session(gil, daysAgo, 'held');
    await db
      .insert(sessionPulses)
      .values({ sessionId: id, userId: gil.memberId, score, word: 'ok', createdAt: ago(daysAgo) });
  }
  const hal = await pair('Hal Behind');
  await openAction(hal);
  await agreement(hal, 1, 'monthly', 'superseded');
  await agreement(hal, 2, 'weekly', 'accepted');
  await agreement(hal, 3, 'monthly', 'proposed'); // proposed, not in force
  await session(hal, 10, 'held');
  await session(hal, 40, 'held');
  const ida = await pair('Ida On Pace');
  await openAction(ida);
  await agreement(ida, 1, 'biweekly', 'accepted');
  await session(ida, 4, 'held');
  await session(ida, 18, 'held');
  for (let i = 1; i <= FILLERS; i += 1) await pair(`Filler ${String(i).padStart(2, '0')}`);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, 'Paula Pager');
  cohortId = await createProgramCohort(admin, 'Paging League');
  await seed();
});
afterAll(() => t.close());

const read = async (query = '') => {
  const response = await admin.request(`/api/v1/cohorts/${cohortId}/at-risk${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
};

describe('the at-risk list, a page at a time', () => {
  it('gives each pair the signals its facts mean', async () => {
    const all = await read(`?pageSize=${AT_RISK_MAX_PAGE_SIZE}`);
    for (const [member, codes] of Object.entries(expected)) {
      const listed = all.pairs.find((p) => p.member === member);
      if (codes === 'ok') expect(listed, member).toBeUndefined();
      else expect(listed?.signals.map((s) => s.code).sort(), member).toEqual(codes);
    }
    const listedNamed = Object.values(expected).filter((codes) => codes !== 'ok').length;
    expect(all.page.pairs).toBe(listedNamed + FILLERS);
    expect(all.totals).toEqual({ atRisk: 1, watch: listedNamed - 1 + FILLERS });
  });

  it('pages the whole list in order without repeating or skipping a pair', async () => {
    const all = await read(`?pageSize=${AT_RISK_MAX_PAGE_SIZE}`);
    const first = await read();
    expect(first.page).toMatchObject({ number: 1, size: AT_RISK_PAGE_SIZE, pairs: all.page.pairs });
    const size = 7;
    const pages = Math.ceil(all.page.pairs / size);
    const seen: Pair[] = [];
    for (let number = 1; number <= pages; number += 1) {
      const page = await read(`?page=${number}&pageSize=${size}`);
      expect(page.page).toEqual({ number, size, pairs: all.page.pairs, pages });
      expect(page.totals).toEqual(all.totals);
      seen.push(...page.pairs);
    }
    expect(seen.map((p) => p.relationshipId)).toEqual(all.pairs.map((p) => p.relationshipId));
    expect(new Set(seen.map((p) => p.relationshipId)).size).toBe(seen.length);
    // At risk first, then more signals first, then by member.
    expect(seen[0]?.member).toBe('Ed Low Latest');
    const watchNames = seen.slice(1).map((p) => p.member);
    expect(watchNames).toEqual([...watchNames].sort((a, b) => a.localeCompare(b, 'en')));
    const beyond = await read(`?page=${pages + 1}&pageSize=${size}`);
    expect(beyond.pairs).toEqual([]);
    expect(beyond.page.pairs).toBe(all.page.pairs);
  });

  it('refuses a bad page or page size with a 422 naming it', async () => {
    for (const [query, field] of [
      ['?page=0', 'page'],
      ['?page=two', 'page'],
      ['?pageSize=0', 'pageSize'],
      [`?pageSize=${AT_RISK_MAX_PAGE_SIZE + 1}`, 'pageSize'],
      ['?pageSize=2.5', 'pageSize'],
      ['?size=10', 'size'],
    ] as const) {
      const response = await admin.request(`/api/v1/cohorts/${cohortId}/at-risk${query}`);
      expect(response.status, query).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as { field: string }).field, query).toBe(field);
    }
  });

  it('is for the program’s admins only', async () => {
    const stranger = await signUp(t, 'Sam Stranger');
    const response = await stranger.request(`/api/v1/cohorts/${cohortId}/at-risk?page=1`);
    expect(response.status).toBe(404);
  });
});
