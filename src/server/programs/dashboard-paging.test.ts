import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVariedCohort } from '../../../test/support/cohort-fixture';
import { json } from '../../../test/support/relationship-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { DASHBOARD_MAX_PAGE_SIZE, DASHBOARD_PAGE_SIZE } from '../../domain/settings/dashboard';

// The dashboard sends one page of its pair list, not the whole cohort: pages must add up to every pair
// exactly once, in the order the admin reads them (needing attention first), with totals per state.
const NOW = new Date('2027-03-10T12:00:00Z');
const PAIRS = 75;
let t: TestApp;
let admin: Member;
let cohortId: string;

type Pair = { relationshipId: string; member: string; guide: string; state: string };
type Page = {
  pairs: number;
  states: Record<string, number>;
  pairList: Pair[];
  page: { number: number; size: number; state: string | null; pairs: number; pages: number };
};

beforeAll(async () => {
  t = await createTestApp(NOW);
  admin = await signUp(t, 'Paging Admin');
  const program = await json<{ id: string }>(
    await admin.request('/api/v1/programs', { method: 'POST', body: { name: 'Paging program' } }),
    201,
  );
  ({ id: cohortId } = await json<{ id: string }>(
    await admin.request(`/api/v1/programs/${program.id}/cohorts`, {
      method: 'POST',
      body: {
        name: 'Paging cohort',
        applicationsOpen: '2026-09-01',
        applicationsClose: '2026-09-30',
        matchingOn: '2026-10-05',
        startsOn: '2026-10-10',
        endsOn: '2027-06-30',
      },
    }),
    201,
  ));
  await seedVariedCohort(t.database.db, {
    cohortId,
    now: NOW,
    pairs: PAIRS,
    seed: 21,
    tag: `page-${process.pid}`,
  });
});
afterAll(() => t.close());

const dashboard = (query: string) => admin.request(`/api/v1/cohorts/${cohortId}/dashboard${query}`);

async function allPages(state: string | null, pageSize: number): Promise<{ first: Page; pairs: Pair[] }> {
  const filter = state === null ? '' : `&state=${state}`;
  const first = await json<Page>(await dashboard(`?pageSize=${pageSize}${filter}`), 200);
  const pairs = [...first.pairList];
  for (let number = 2; number <= first.page.pages; number += 1) {
    const page = await json<Page>(await dashboard(`?page=${number}&pageSize=${pageSize}${filter}`), 200);
    expect(page.page).toMatchObject({ number, size: pageSize, pairs: first.page.pairs });
    expect(page.pairList.length).toBe(number < first.page.pages ? pageSize : first.page.pairs - pairs.length);
    pairs.push(...page.pairList);
  }
  return { first, pairs };
}

const rank: Record<string, number> = { 'at-risk': 0, slipping: 1, 'on-track': 2 };

describe('the paged cohort dashboard', () => {
  it('sends 50 pairs by default, with the whole cohort’s totals', async () => {
    const page = await json<Page>(await dashboard(''), 200);
    expect(page.pairList).toHaveLength(DASHBOARD_PAGE_SIZE);
    expect(page.page).toEqual({
      number: 1,
      size: DASHBOARD_PAGE_SIZE,
      state: null,
      pairs: page.pairs,
      pages: Math.ceil(page.pairs / DASHBOARD_PAGE_SIZE),
    });
    expect(page.pairs).toBeGreaterThan(DASHBOARD_PAGE_SIZE);
    expect(Object.values(page.states).reduce((a, b) => a + b, 0)).toBe(page.pairs);
  });

  it('covers every pair exactly once across its pages, needing attention first', async () => {
    const { first, pairs } = await allPages(null, 20);
    const ids = pairs.map((pair) => pair.relationshipId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(first.pairs);
    // The CSV export still holds every pair: the same pairs the pages added up to.
    const csv = await (await dashboard('/export')).text();
    const lines = csv.trim().split('\n').slice(1);
    expect(lines).toHaveLength(first.pairs);
    expect(lines.map((line) => line.split(',')[0]).sort()).toEqual(pairs.map((pair) => pair.member).sort());
    for (let i = 1; i < pairs.length; i += 1) {
      const [a, b] = [pairs[i - 1], pairs[i]];
      if (!a || !b) continue;
      const order = (rank[a.state] ?? 3) - (rank[b.state] ?? 3);
      expect(order, `${a.state} before ${b.state}`).toBeLessThanOrEqual(0);
      if (order === 0) expect(a.member.localeCompare(b.member, 'en')).toBeLessThanOrEqual(0);
    }
    expect(new Set(pairs.map((pair) => pair.state)).size).toBeGreaterThan(1);
  });

  it('filters by state, and each state’s pages add up to that state’s total', async () => {
    const everyone = await json<Page>(await dashboard(`?pageSize=${DASHBOARD_MAX_PAGE_SIZE}`), 200);
    const seen = new Set<string>();
    for (const state of ['at-risk', 'slipping', 'on-track']) {
      const { first, pairs } = await allPages(state, 7);
      expect(first.page.state).toBe(state);
      expect(first.page.pairs).toBe(everyone.states[state]);
      expect(first.states).toEqual(everyone.states);
      expect(pairs.every((pair) => pair.state === state)).toBe(true);
      for (const pair of pairs) seen.add(pair.relationshipId);
    }
    expect([...seen].sort()).toEqual(everyone.pairList.map((pair) => pair.relationshipId).sort());
  });

  it('answers a page past the end with no pairs and the same totals', async () => {
    const page = await json<Page>(await dashboard('?page=999'), 200);
    expect(page.pairList).toEqual([]);
    expect(page.page.pairs).toBe(page.pairs);
  });

  it('refuses bad paging parameters with a problem naming the parameter', async () => {
    for (const [query, field] of [
      ['?page=0', 'page'],
      ['?page=two', 'page'],
      ['?page=1.5', 'page'],
      ['?pageSize=0', 'pageSize'],
      [`?pageSize=${DASHBOARD_MAX_PAGE_SIZE + 1}`, 'pageSize'],
      ['?state=fine', 'state'],
      ['?limit=10', 'limit'],
    ] as const) {
      const response = await dashboard(query);
      expect(response.status, query).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await response.json()) as { code: string; field: string; detail: string };
      expect(problem, query).toMatchObject({ code: 'invalid-input', field });
    }
  });
});
