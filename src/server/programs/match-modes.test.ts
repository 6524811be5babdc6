import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmPrograms } from '../../../test/support/program-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { relationships } from '../db/schema';

// One press of "run matching" solves every mode; the admin compares them, asks why a member did not get
// a guide, and publishes one mode — never two from the same run.
let t: TestApp;
let admin: Member;
let stranger: Member;
let cohortId: string;

type Comparison = {
  runId: string;
  mode: 'optimal' | 'stable' | 'fair';
  matched: number;
  totalFit: number;
  worstFit: number | null;
  blockingPairs: number;
  movedFromOptimal: number;
  proved: boolean;
  summary: string;
  publishedAt: string | null;
};
type Run = {
  id: string;
  mode: string;
  comparison: Comparison[];
  matches: {
    memberName: string;
    memberApplicationId: string;
    guideName: string;
    guideApplicationId: string;
  }[];
};

const members = [
  'email,name,organization,time_zone,languages,formats,goal,skill_gaps,style,structure,seniority',
  'ana.modes@example.test,Ana,Acme,Europe/Berlin,en,video,Lift activation,pricing (iq),challenging,,mid',
  'ben.modes@example.test,Ben,Initech,Europe/London,en,video,Lead a team,influence (eq),supportive,,senior',
  'cy.modes@example.test,Cy,Umbrella,Europe/Paris,en,video,Ship a vision,strategy (iq),,,mid',
  'dee.modes@example.test,Dee,Hooli,Europe/Berlin,en,video,Price a platform,pricing (iq),challenging,,early',
].join('\n');
const guides = [
  'email,name,organization,time_zone,languages,formats,expertise,capacity,availability,style,structure,approach,works_with',
  'gia.modes@example.test,Gia,Globex,Europe/London,en,video,pricing; strategy,1,Tue 10:00-16:00,challenging,blend,craft,mid',
  'hal.modes@example.test,Hal,Stark,Europe/Berlin,en,video,influence; leadership,2,Wed 09:00-12:00,supportive,blend,person,senior',
  'ivy.modes@example.test,Ivy,Wayne,Europe/Paris,en,video,strategy; pricing,1,Thu 09:00-17:00,blend,blend,blend,',
].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, 'Program Admin');
  stranger = await signUp(t, 'Someone Else');
  const program = (await (
    await admin.request('/api/v1/programs', { method: 'POST', body: { name: 'League' } })
  ).json()) as { id: string };
  const cohort = await admin.request(`/api/v1/programs/${program.id}/cohorts`, {
    method: 'POST',
    body: {
      name: 'Spring',
      applicationsOpen: '2027-01-05',
      applicationsClose: '2027-01-31',
      matchingOn: '2027-02-03',
      startsOn: '2027-02-10',
      endsOn: '2027-06-30',
    },
  });
  cohortId = ((await cohort.json()) as { id: string }).id;
  for (const [role, csv] of [
    ['member', members],
    ['guide', guides],
  ] as const) {
    const response = await admin.request(`/api/v1/cohorts/${cohortId}/applications/import`, {
      method: 'POST',
      body: { role, csv },
    });
    expect(response.status, await response.clone().text()).toBe(200);
  }
  for (const name of ['ana', 'ben', 'cy', 'dee', 'gia', 'hal', 'ivy']) {
    const person = await signUp(t, name, 'Europe/Berlin', `${name}.modes@example.test`);
    expect(await confirmPrograms(person)).toBe(1);
  }
});
afterAll(() => t.close());

async function runMatching(): Promise<Run> {
  const response = await admin.request(`/api/v1/cohorts/${cohortId}/match-runs`, { method: 'POST' });
  expect(response.status).toBe(201);
  return (await response.json()) as Run;
}

describe('matching modes side by side', () => {
  it('solves optimal, stable and fair in one run, each proved, and says what each costs', async () => {
    const run = await runMatching();
    expect(run.mode).toBe('optimal');
    expect(run.comparison.map((row) => row.mode)).toEqual(['optimal', 'stable', 'fair']);
    expect(new Set(run.comparison.map((row) => row.runId)).size).toBe(3);
    const [optimal, stable, fair] = run.comparison as [Comparison, Comparison, Comparison];
    for (const row of run.comparison) {
      expect(row.proved, row.summary).toBe(true);
      expect(row.summary).toMatch(new RegExp(`^Proved ${row.mode}: `));
    }
    expect(optimal.runId).toBe(run.id);
    expect(optimal.movedFromOptimal).toBe(0);
    expect(stable.blockingPairs).toBe(0);
    // Fair matches as many as the optimum, with a worst fit at least as good, and never a higher total.
    expect(fair.matched).toBe(optimal.matched);
    expect(fair.worstFit ?? 0).toBeGreaterThanOrEqual(optimal.worstFit ?? 0);
    expect(fair.totalFit).toBeLessThanOrEqual(optimal.totalFit + 1e-9);
    expect(stable.totalFit).toBeLessThanOrEqual(optimal.totalFit + 1e-9);

    const fairRun = (await (
      await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/${fair.runId}`)
    ).json()) as Run;
    expect(fairRun.mode).toBe('fair');
    expect(fairRun.comparison).toEqual(run.comparison);
  });

  it('answers "why not this guide?" in the run\'s own terms, and refuses what it cannot answer', async () => {
    const run = await runMatching();
    const ids = new Map<string, string>();
    for (const match of run.matches) {
      ids.set(match.memberName, match.memberApplicationId);
      ids.set(match.guideName, match.guideApplicationId);
    }
    // Someone matched, and a guide who is not theirs.
    const pair = run.matches[0];
    if (!pair) throw new Error('expected a pair');
    const other = run.matches.find((match) => match.guideName !== pair.guideName);
    if (!other) throw new Error('expected a second guide');
    const ask = (runId: string, member: string, guide: string, who: Member = admin) =>
      who.request(`/api/v1/cohorts/${cohortId}/match-runs/${runId}/why-not?member=${member}&guide=${guide}`);
    for (const row of run.comparison) {
      const response = await ask(row.runId, pair.memberApplicationId, other.guideApplicationId);
      expect(response.status).toBe(200);
      const answer = (await response.json()) as { mode: string; reason: string; change: string | null };
      expect(answer.mode).toBe(row.mode);
      expect(answer.reason).toContain(pair.memberName);
      expect(answer.reason).toContain(other.guideName);
      // Fits read as percentages on the cohort page, never as raw fractions.
      expect(`${answer.reason} ${answer.change ?? ''}`).not.toMatch(/\b[01]\.\d/);
    }
    const together = (await (
      await ask(run.id, pair.memberApplicationId, pair.guideApplicationId)
    ).json()) as {
      reason: string;
    };
    expect(together.reason).toBe(
      `${pair.memberName} and ${pair.guideName} are matched together in this run.`,
    );

    expect((await ask(run.id, pair.memberApplicationId, other.guideApplicationId, stranger)).status).toBe(
      404,
    );
    const unknown = await ask(run.id, '00000000-0000-4000-8000-000000000000', other.guideApplicationId);
    expect(unknown.status).toBe(404);
    const malformed = await ask(run.id, 'nobody', other.guideApplicationId);
    expect(malformed.status).toBe(422);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(await malformed.json())).toContain('member');
  });

  it('publishes one mode of a run and refuses a second, proposing nobody twice', async () => {
    const run = await runMatching();
    const fair = run.comparison.find((row) => row.mode === 'fair');
    const optimal = run.comparison.find((row) => row.mode === 'optimal');
    if (!fair || !optimal) throw new Error('expected both modes');
    const publish = (runId: string) =>
      admin.request(`/api/v1/cohorts/${cohortId}/match-runs/${runId}/publish`, { method: 'POST' });
    const published = await publish(fair.runId);
    expect(published.status).toBe(200);
    const proposed = ((await published.json()) as { proposed: number }).proposed;
    expect(proposed).toBe(fair.matched);

    const second = await publish(optimal.runId);
    expect(second.status).toBe(409);
    expect(((await second.json()) as { detail: string }).detail).toMatch(
      /The fair matches of this run are already published/,
    );
    const pairs = await t.database.db
      .select()
      .from(relationships)
      .where(eq(relationships.cohortId, cohortId));
    expect(pairs).toHaveLength(proposed);

    // The cohort page now opens on what was published.
    const latest = (await (
      await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/latest`)
    ).json()) as Run;
    expect(latest.mode).toBe('fair');
    expect(latest.comparison.find((row) => row.mode === 'fair')?.publishedAt).not.toBeNull();
  });

  it('lets exactly one of two modes published at the same moment through', async () => {
    const run = await runMatching();
    const [stable, fair] = [run.comparison[1], run.comparison[2]];
    if (!stable || !fair) throw new Error('expected both modes');
    const answers = await Promise.all(
      [stable, fair].map((row) =>
        admin.request(`/api/v1/cohorts/${cohortId}/match-runs/${row.runId}/publish`, { method: 'POST' }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });
});

describe('the latest run of a cohort without one', () => {
  it('is null for its admin, and still not found for anyone else', async () => {
    const program = (await (
      await admin.request('/api/v1/programs', { method: 'POST', body: { name: 'Empty League' } })
    ).json()) as { id: string };
    const cohort = (await (
      await admin.request(`/api/v1/programs/${program.id}/cohorts`, {
        method: 'POST',
        body: {
          name: 'Nobody yet',
          applicationsOpen: '2027-01-05',
          applicationsClose: '2027-01-31',
          matchingOn: '2027-02-03',
          startsOn: '2027-02-10',
          endsOn: '2027-06-30',
        },
      })
    ).json()) as { id: string };
    const latest = await admin.request(`/api/v1/cohorts/${cohort.id}/match-runs/latest`);
    expect(latest.status).toBe(200);
    expect(await latest.json()).toBeNull();
    expect((await stranger.request(`/api/v1/cohorts/${cohort.id}/match-runs/latest`)).status).toBe(404);
  });
});
