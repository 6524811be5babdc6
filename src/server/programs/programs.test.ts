import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmPrograms } from '../../../test/support/program-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
let admin: Member;
let stranger: Member;
let programId: string;
let cohortId: string;

const membersCsv = (rows: string[]) =>
  [
    'email,name,organization,time_zone,languages,formats,goal,skill_gaps,style,structure,seniority',
    ...rows,
  ].join('\n');
const guidesCsv = (rows: string[]) =>
  [
    'email,name,organization,time_zone,languages,formats,expertise,capacity,availability,style,structure,approach,works_with',
    ...rows,
  ].join('\n');

const goodMembers = membersCsv([
  'ana@example.test,Ana,Acme,Europe/Berlin,en,video,Lift activation,pricing (iq),challenging,,mid',
  'ben@example.test,Ben,Initech,Europe/London,en,video,Lead a team,influence (eq),supportive,,senior',
  'cy@example.test,Cy,Acme,Europe/Paris,en,video,Ship a vision,strategy (iq),,,mid',
]);
const goodGuides = guidesCsv([
  'gia@example.test,Gia,Globex,Europe/London,en,video,pricing; strategy,2,Tue 10:00-16:00,challenging,blend,craft,mid',
  'hal@example.test,Hal,Acme,Europe/Berlin,en,video,influence; leadership,1,Wed 09:00-12:00,supportive,blend,person,senior',
]);

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, 'Program Admin');
  stranger = await signUp(t, 'Someone Else');
  const program = await admin.request('/api/v1/programs', {
    method: 'POST',
    body: { name: 'Product League' },
  });
  programId = ((await program.json()) as { id: string }).id;
  const cohort = await admin.request(`/api/v1/programs/${programId}/cohorts`, {
    method: 'POST',
    body: {
      name: 'Spring 2027',
      applicationsOpen: '2027-01-05',
      applicationsClose: '2027-01-31',
      matchingOn: '2027-02-03',
      startsOn: '2027-02-10',
      endsOn: '2027-06-30',
    },
  });
  expect(cohort.status).toBe(201);
  cohortId = ((await cohort.json()) as { id: string }).id;
});
afterAll(() => t.close());

const importCsv = (role: 'member' | 'guide', csv: string, skipInvalid = false) =>
  admin.request(`/api/v1/cohorts/${cohortId}/applications/import`, {
    method: 'POST',
    body: { role, csv, skipInvalid },
  });

describe('cohorts and CSV import', () => {
  it('rejects cohort dates out of order, naming the field', async () => {
    const response = await admin.request(`/api/v1/programs/${programId}/cohorts`, {
      method: 'POST',
      body: {
        name: 'Bad',
        applicationsOpen: '2027-02-01',
        applicationsClose: '2027-01-01',
        matchingOn: '2027-02-03',
        startsOn: '2027-02-10',
        endsOn: '2027-06-30',
      },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { field: string }).field).toBe('applicationsClose');
  });

  it('imports nothing when one row is bad, naming line, column and problem; the fixed file imports', async () => {
    const bad = membersCsv([
      'ana@example.test,Ana,Acme,Europe/Berlin,en,video,Lift activation,pricing (iq),challenging,,mid',
      'ben@example.test,Ben,Initech,Mars/Olympus,en,video,Lead a team,influence (eq),supportive,,senior',
    ]);
    const rejected = await importCsv('member', bad);
    expect(rejected.status).toBe(422);
    const problem = (await rejected.json()) as { detail: string; errors: { field: string }[] };
    expect(problem.detail).toMatch(/Nothing was imported/);
    expect(problem.detail).toMatch(/Line 3, time_zone/);
    const cohort = (await (await admin.request(`/api/v1/cohorts/${cohortId}`)).json()) as { members: number };
    expect(cohort.members).toBe(0);

    const accepted = await importCsv('member', goodMembers);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ imported: 3, skipped: 0, problems: [] });
    expect((await importCsv('guide', goodGuides)).status).toBe(200);
    const after = (await (await admin.request(`/api/v1/cohorts/${cohortId}`)).json()) as {
      members: number;
      guides: number;
      guideSeats: number;
    };
    expect(after).toMatchObject({ members: 3, guides: 2, guideSeats: 3 });
  });

  it('with skipInvalid imports the good rows and reports the rest', async () => {
    const mixed = guidesCsv([
      'ivy@example.test,Ivy,Umbrella,Asia/Tokyo,en,video,hiring,-1,Mon 09:00-12:00,blend,blend,blend,',
    ]);
    const response = await importCsv('guide', mixed, true);
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      imported: number;
      skipped: number;
      problems: { line: number; column: string }[];
    };
    expect(result).toMatchObject({ imported: 0, skipped: 1 });
    expect(result.problems[0]).toMatchObject({ line: 2, column: 'capacity' });
  });

  it('exports the same columns it imports', async () => {
    const response = await admin.request(`/api/v1/cohorts/${cohortId}/applications/export?role=guide`);
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv.split('\n')[0]).toBe(
      'email,name,organization,time_zone,languages,formats,expertise,capacity,availability,style,structure,approach,works_with',
    );
    expect(csv).toContain('Tue 10:00-16:00');
    expect((await importCsv('guide', csv)).status).toBe(200);
  });
});

describe('matching', () => {
  type Run = {
    matched: number;
    matches: {
      memberName: string;
      guideName: string;
      why: string[];
      pinned: boolean;
      runnerUp: { guideName: string | null } | null;
      alternatives: { guideName: string }[];
    }[];
    unmatched: { name: string; reason: string }[];
  };

  // Only people who confirmed they joined are matched: each imported person signs up and confirms.
  beforeAll(async () => {
    for (const name of ['ana', 'ben', 'cy', 'gia', 'hal']) {
      const person = await signUp(t, name, 'Europe/Berlin', `${name}@example.test`);
      expect(await confirmPrograms(person)).toBe(1);
    }
  });

  it('matches everyone it can, never within the same organization, with reasons', async () => {
    const response = await admin.request(`/api/v1/cohorts/${cohortId}/match-runs`, { method: 'POST' });
    expect(response.status).toBe(201);
    const run = (await response.json()) as Run;
    expect(run.matched).toBe(3);
    const pairs = run.matches.map((m) => `${m.memberName}-${m.guideName}`).sort();
    expect(pairs).toEqual(['Ana-Gia', 'Ben-Hal', 'Cy-Gia']);
    expect(run.matches.every((m) => m.why.length > 0)).toBe(true);
    // Each member's other options are named guides they were allowed, never their own match.
    for (const match of run.matches) {
      expect(match.alternatives.map((a) => a.guideName)).not.toContain(match.guideName);
      expect(match.runnerUp?.guideName ?? null).not.toBe(match.guideName);
    }
    expect(run.matches.some((m) => m.alternatives.length > 0)).toBe(true);
  });

  it('honours a block and a pin on re-run', async () => {
    const apps = await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/latest`);
    expect(apps.status).toBe(200);
    const ids = await applicationIds();
    const block = await admin.request(`/api/v1/cohorts/${cohortId}/overrides`, {
      method: 'POST',
      body: { memberApplicationId: ids.Ben, guideApplicationId: ids.Hal, decision: 'block' },
    });
    expect(block.status).toBe(204);
    const pin = await admin.request(`/api/v1/cohorts/${cohortId}/overrides`, {
      method: 'POST',
      body: { memberApplicationId: ids.Ben, guideApplicationId: ids.Gia, decision: 'pin' },
    });
    expect(pin.status).toBe(204);
    const run = (await (
      await admin.request(`/api/v1/cohorts/${cohortId}/match-runs`, { method: 'POST' })
    ).json()) as Run;
    const ben = run.matches.find((m) => m.memberName === 'Ben');
    expect(ben).toMatchObject({ guideName: 'Gia', pinned: true });
    expect(run.matched).toBe(2);
    expect(run.unmatched).toHaveLength(1);
  });

  async function applicationIds(): Promise<Record<string, string>> {
    const csv = await (await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/latest`)).json();
    const run = csv as {
      matches: {
        memberName: string;
        memberApplicationId: string;
        guideName: string;
        guideApplicationId: string;
      }[];
    };
    const ids: Record<string, string> = {};
    for (const match of run.matches) {
      ids[match.memberName] = match.memberApplicationId;
      ids[match.guideName] = match.guideApplicationId;
    }
    return ids;
  }
});

describe('program permissions', () => {
  it('answers 404 to anyone who is not an admin of the program', async () => {
    const attempts = [
      stranger.request(`/api/v1/programs/${programId}/cohorts`),
      stranger.request(`/api/v1/cohorts/${cohortId}`),
      stranger.request(`/api/v1/cohorts/${cohortId}/applications/export?role=member`),
      stranger.request(`/api/v1/cohorts/${cohortId}/match-runs`, { method: 'POST' }),
      stranger.request(`/api/v1/cohorts/${cohortId}/applications/import`, {
        method: 'POST',
        body: { role: 'member', csv: goodMembers },
      }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
    const mine = (await (await stranger.request('/api/v1/programs')).json()) as { programs: unknown[] };
    expect(mine.programs).toEqual([]);
  });
});
