import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuide, setMemberOrganization } from '../../../test/support/guide-factory';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { relationships } from '../db/schema';
import { slotRuns } from './directory-sql';

let t: TestApp;
let member: Member;
// Every guide in this file carries this word, so searches see only this file's guides even on a
// shared PostgreSQL test database.
const tag = `zq${Date.now().toString(36)}`;

type Page = {
  results: {
    guide: { userId: string; name: string; kind: string; capacity: number; capacityLeft: number };
    fit: { score: number; why: string[] };
  }[];
  total: number;
  kindFilter: { kind: string; source: string };
  ownOrganizationExcluded: boolean;
};
type ProblemBody = { status: number; code: string; field?: string; detail: string };

async function search(who: Member, query: string): Promise<Page> {
  const kind = query.includes('kind=') ? '' : 'kind=any&';
  const response = await who.request(`/api/v1/directory?q=${tag}&${kind}${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}
const names = (page: Page) => page.results.map((result) => result.guide.name).sort();

let acmeGuide: Member;

beforeAll(async () => {
  t = await createTestApp();
  member = await signUp(t, 'Dana Member', 'Europe/London');
  await setMemberOrganization(t, member, 'Acme');
  acmeGuide = await createGuide(t, 'Ada Acme', { bio: tag, organization: 'ACME', expertise: ['pricing'] });
  await createGuide(t, 'Cleo Coach', {
    bio: `${tag} coaching leaders through transitions`,
    kind: 'coach',
    style: 'challenging',
    languages: ['en', 'de'],
    credentials: ['ICF PCC'],
    volunteer: false,
    priceMin: 150,
    priceMax: 250,
    currency: 'EUR',
  });
  await createGuide(t, 'Max Mentor', {
    bio: `${tag} mentoring on pricing strategy`,
    formats: ['video', 'in-person'],
    city: 'Berlin',
    seniorityLevels: ['early', 'mid'],
  });
  await createGuide(t, 'Nora Night', {
    bio: `${tag} growth experiments`,
    timeZone: 'Pacific/Honolulu',
    availability: [{ weekday: 1, start: '20:00', end: '22:00' }],
    expertise: ['growth', 'experimentation'],
  });
  await createGuide(t, 'Zed Full', { bio: tag, capacity: 0 });
});
afterAll(() => t.close());

describe('directory search', () => {
  it('finds guides by full-text search and explains every result', async () => {
    const page = await search(member, 'includeOwnOrganization=true');
    expect(names(page)).toEqual(['Ada Acme', 'Cleo Coach', 'Max Mentor', 'Nora Night']);
    for (const result of page.results) expect(result.fit.why.length).toBeGreaterThan(0);
    const stemmed = await member.request(
      `/api/v1/directory?kind=any&q=${encodeURIComponent(`${tag} coach`)}`,
    );
    expect(names((await stemmed.json()) as Page)).toEqual(['Cleo Coach']);
  });

  it('never shows guides from my own organization unless I opt in (conflict of interest)', async () => {
    const byDefault = await search(member, '');
    expect(byDefault.ownOrganizationExcluded).toBe(true);
    expect(names(byDefault)).not.toContain('Ada Acme');
    const optedIn = await search(member, 'includeOwnOrganization=true');
    expect(names(optedIn)).toContain('Ada Acme');
    const other = await signUp(t, 'Olly Other');
    expect(names(await search(other, ''))).toContain('Ada Acme');
    const saved = await other.request('/api/v1/me/organization', {
      method: 'PUT',
      body: { organization: ' acme ' },
    });
    expect(await saved.json()).toEqual({ organization: 'acme' });
    expect(await (await other.request('/api/v1/me/organization')).json()).toEqual({ organization: 'acme' });
    expect(names(await search(other, ''))).not.toContain('Ada Acme');
  });

  it.each([
    ['kind=coach', ['Cleo Coach']],
    ['language=de', ['Cleo Coach']],
    ['credential=pcc', ['Cleo Coach']],
    ['style=challenging', ['Cleo Coach']],
    ['format=in-person&city=berlin', ['Max Mentor']],
    ['seniority=early', ['Max Mentor']],
    ['expertise=experimentation', ['Nora Night']],
    ['priceMin=200', ['Cleo Coach']],
    ['priceMax=100&volunteerOnly=false', ['Max Mentor', 'Nora Night']],
    ['volunteerOnly=true', ['Max Mentor', 'Nora Night']],
    ['minCapacityLeft=3', ['Cleo Coach', 'Max Mentor', 'Nora Night']],
    ['overlapOnly=true', ['Cleo Coach', 'Max Mentor']],
  ])('filters: %s', async (query, expected) => {
    expect(names(await search(member, query))).toEqual(expected);
  });

  it('pre-filters by my latest readiness result, and "any" clears it', async () => {
    const reader = await signUp(t, 'Rita Reader');
    const answers = {
      knowFrameworks: 1,
      wantPlaybook: 5,
      wantDirectAdvice: 5,
      whoNotWhat: 1,
      stuckDespiteKnowing: 1,
      adviceNotEnough: 1,
      findOwnAnswers: 2,
      newToArea: 5,
      fewPeers: 2,
      learnFromPeers: 3,
      oneNarrowProblem: 2,
      careerStage: 'early',
      recentTransition: 'new-domain',
      recurringFeedback: 'no',
      internalWork: 'not-now',
      budget: 'company',
      time: 'regular',
      topic: 'craft',
      wellbeing: false,
    };
    const taken = await reader.request('/api/v1/readiness/results', { method: 'POST', body: { answers } });
    expect(taken.status).toBe(201);
    const prefiltered = (await (await reader.request(`/api/v1/directory?q=${tag}`)).json()) as Page;
    expect(prefiltered.kindFilter).toEqual({ kind: 'mentor', source: 'readiness' });
    expect(names(prefiltered)).not.toContain('Cleo Coach');
    const cleared = (await (await reader.request(`/api/v1/directory?q=${tag}&kind=any`)).json()) as Page;
    expect(names(cleared)).toContain('Cleo Coach');
  });

  it('ranks the guide who knows what I want first', async () => {
    const page = await search(member, 'expertise=pricing,growth&includeOwnOrganization=true');
    expect(page.results[0]?.fit.score).toBeGreaterThanOrEqual(page.results.at(-1)?.fit.score ?? 1);
    expect(page.results[0]?.fit.why.join(' ')).toMatch(/Knows/);
  });

  it('pages with a total', async () => {
    const first = await search(member, 'limit=2&page=1&includeOwnOrganization=true');
    const second = await search(member, 'limit=2&page=2&includeOwnOrganization=true');
    expect(first.total).toBe(4);
    expect(first.results).toHaveLength(2);
    const all = [...first.results, ...second.results].map((r) => r.guide.name).sort();
    expect(all).toEqual(['Ada Acme', 'Cleo Coach', 'Max Mentor', 'Nora Night']);
  });

  it('hides a paused guide from search', async () => {
    const paused = await createGuide(t, 'Paula Paused', { bio: tag });
    expect(names(await search(member, ''))).toContain('Paula Paused');
    const { guideProfiles } = await import('../db/schema');
    const { eq } = await import('drizzle-orm');
    await t.database.db
      .update(guideProfiles)
      .set({ status: 'paused' })
      .where(eq(guideProfiles.userId, paused.userId));
    expect(names(await search(member, ''))).not.toContain('Paula Paused');
  });

  it.each([
    ['colour=blue', 'colour'],
    ['priceMin=300&priceMax=100', 'priceMin'],
    ['minCapacityLeft=-1', 'minCapacityLeft'],
    ['page=1000000000', 'page'],
    ['limit=5000', 'limit'],
    ['limit=50&page=6', 'page'],
    ['language=English', 'language'],
    ['overlapOnly=maybe', 'overlapOnly'],
    [`q=${'x'.repeat(10_240)}`, 'q'],
  ])('refuses bad input %# with a 422 naming the parameter', async (query, field) => {
    const response = await member.request(`/api/v1/directory?${query}`);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = (await response.json()) as ProblemBody;
    expect(body.field).toBe(field);
    expect(body.detail).toContain(field);
  });

  it('searches without text too, most recently active first', async () => {
    const response = await member.request('/api/v1/directory?kind=any&limit=50');
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    expect(page.results.length).toBeGreaterThan(0);
  });

  it('counts only active relationships against capacity, and hides a guide with no room left', async () => {
    // Her own word, so the other tests' exact lists never see her.
    const word = `${tag}busy`;
    const busy = await createGuide(t, 'Bea Busy', { bio: word, capacity: 2 });
    const relate = (status: 'active' | 'closed' | 'invited') =>
      t.database.db.insert(relationships).values({
        memberId: member.userId,
        guideId: busy.userId,
        invitedBy: member.userId,
        inviteeEmail: 'bea@example.test',
        inviteTokenHash: randomUUID(),
        kind: 'mentoring',
        framing: 'ad-hoc',
        status,
        createdAt: t.clock.now,
      });
    await relate('active');
    await relate('closed');
    await relate('invited');
    const card = async (query: string) => {
      const response = await member.request(`/api/v1/directory?kind=any&q=${word}&${query}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as Page).results.find((result) => result.guide.name === 'Bea Busy');
    };
    expect((await card(''))?.guide).toMatchObject({ capacity: 2, capacityLeft: 1 });
    expect(await card('minCapacityLeft=2')).toBeUndefined();
    await relate('active');
    expect(await card('')).toBeUndefined();
  });

  it('checks time-zone overlap against the runs of my working week', () => {
    expect(slotRuns([])).toBe('{}');
    expect(slotRuns([5])).toBe('{[5,6)}');
    expect(slotRuns([10, 1, 2, 3, 8, 7, 2])).toBe('{[1,4),[7,9),[10,11)}');
  });

  it('needs a session', async () => {
    const response = await t.app.request('/api/v1/directory');
    expect(response.status).toBe(401);
  });

  it('keeps the own-organization guide reachable by profile page', async () => {
    const response = await member.request(`/api/v1/guides/${acmeGuide.userId}`);
    expect(response.status).toBe(200);
  });
});
