import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmPrograms, createProgramCohort, importRows } from '../../../test/support/program-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';

// Guides rank or score the applicants who fit them; only that guide writes their own, an admin sees
// counts, and stable mode takes a guide's ranking as their side of each pair.
let t: TestApp;
let admin: Member;
let stranger: Member;
let gia: Member;
const giaMember = () => gia;
let hal: Member;
let ana: Member;
let cohortId: string;

type Applicants = {
  cohortName: string;
  answered: number;
  savedAt: string | null;
  applicants: {
    memberApplicationId: string;
    name: string;
    fit: number;
    score: number | null;
    rank: number | null;
  }[];
};
type Run = {
  comparison: { runId: string; mode: string; blockingPairs: number }[];
  matches: { memberName: string; guideName: string }[];
};

const member = (email: string, name: string, org: string, seniority: string) =>
  `${email},${name},${org},Europe/Berlin,en,video,Price a platform,pricing (iq),challenging,,${seniority}`;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, 'Program Admin');
  stranger = await signUp(t, 'Someone Else');
  cohortId = await createProgramCohort(admin, 'Prefs');
  await importRows(admin, cohortId, 'member', [
    member('ana.prefs@example.test', 'Ana', 'Acme', 'mid'),
    member('dee.prefs@example.test', 'Dee', 'Hooli', 'early'),
  ]);
  await importRows(admin, cohortId, 'guide', [
    'gia.prefs@example.test,Gia,Globex,Europe/London,en,video,pricing; strategy,1,Tue 10:00-16:00,challenging,blend,craft,mid',
    'hal.prefs@example.test,Hal,Acme,Europe/Berlin,en,video,influence,1,Wed 09:00-12:00,supportive,blend,person,senior',
  ]);
  const people: Record<string, Member> = {};
  for (const name of ['ana', 'dee', 'gia', 'hal']) {
    people[name] = await signUp(t, name, 'Europe/Berlin', `${name}.prefs@example.test`);
    expect(await confirmPrograms(people[name] as Member)).toBe(1);
  }
  gia = people.gia as Member;
  hal = people.hal as Member;
  ana = people.ana as Member;
});
afterAll(() => t.close());

const mine = async (who: Member) => {
  const response = await who.request(`/api/v1/cohorts/${cohortId}/my-applicants`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Applicants;
};
const save = (who: Member, body: unknown) =>
  who.request(`/api/v1/cohorts/${cohortId}/my-applicants/preferences`, { method: 'PUT', body });
const stableMatches = async () => {
  const response = await admin.request(`/api/v1/cohorts/${cohortId}/match-runs`, { method: 'POST' });
  expect(response.status).toBe(201);
  const run = (await response.json()) as Run;
  const stable = run.comparison.find((row) => row.mode === 'stable');
  expect(stable?.blockingPairs).toBe(0);
  const stableRun = (await (
    await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/${stable?.runId}`)
  ).json()) as Run;
  return {
    stableRunId: stable?.runId,
    optimal: run.matches.map((m) => `${m.memberName}-${m.guideName}`).sort(),
    stable: stableRun.matches.map((m) => `${m.memberName}-${m.guideName}`).sort(),
  };
};

const stableGuideId = async () => {
  const response = await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/latest`);
  const run = (await response.json()) as { matches: { guideName: string; guideApplicationId: string }[] };
  return run.matches.find((m) => m.guideName === 'Gia')?.guideApplicationId;
};

describe('guide preferences', () => {
  it('lists the applicants who fit a guide with what they shared, never their e-mail or organization', async () => {
    const list = await mine(gia);
    expect(list.cohortName).toBe('Prefs Spring');
    expect(list.applicants.map((a) => a.name).sort()).toEqual(['Ana', 'Dee']);
    expect(list.answered).toBe(0);
    expect(list.savedAt).toBeNull();
    const text = JSON.stringify(list);
    expect(text).toContain('Price a platform');
    expect(text).not.toMatch(/@example\.test|Acme|Hooli/);
    // Hal is in Ana's organization: only Dee fits him.
    expect((await mine(hal)).applicants.map((a) => a.name)).toEqual(['Dee']);
  });

  it('refuses everyone but a guide of the cohort, with the same 404', async () => {
    for (const who of [admin, stranger, ana]) {
      expect((await who.request(`/api/v1/cohorts/${cohortId}/my-applicants`)).status).toBe(404);
      expect((await save(who, { by: 'rank', ranking: [] })).status).toBe(404);
    }
    const anonymous = await t.app.request(`/api/v1/cohorts/${cohortId}/my-applicants`);
    expect(anonymous.status).toBe(401);
  });

  it('names the bad item and writes nothing: out of range, unknown applicant, duplicate', async () => {
    const list = await mine(gia);
    const [first, second] = list.applicants.map((a) => a.memberApplicationId) as [string, string];
    await expect(save(gia, { by: 'rank', ranking: [first, second] })).resolves.toHaveProperty('status', 200);

    const outOfRange = await save(gia, { by: 'score', scores: [{ memberApplicationId: first, score: 1.5 }] });
    expect(outOfRange.status).toBe(422);
    expect(((await outOfRange.json()) as { field: string }).field).toBe('scores.0.score');

    const unknown = await save(gia, {
      by: 'rank',
      ranking: [second, '00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.status).toBe(422);
    const unknownBody = (await unknown.json()) as { field: string; detail: string };
    expect(unknownBody.field).toBe('ranking.1');
    expect(unknownBody.detail).toContain('not one who fits you');

    const duplicate = await save(gia, {
      by: 'score',
      scores: [
        { memberApplicationId: second, score: 0.2 },
        { memberApplicationId: second, score: 0.9 },
      ],
    });
    expect(duplicate.status).toBe(422);
    expect(((await duplicate.json()) as { field: string }).field).toBe('scores.1');

    // Hal cannot score Ana, who does not fit him — and never writes Gia's.
    const other = await save(hal, { by: 'score', scores: [{ memberApplicationId: first, score: 1 }] });
    expect(other.status).toBe(422);

    const after = await mine(gia);
    expect(after.applicants.map((a) => [a.memberApplicationId, a.rank, a.score])).toEqual([
      [first, 1, 1],
      [second, 2, 0.5],
    ]);
    expect(after.savedAt).not.toBeNull();
  });

  it('shows an admin how many each guide answered, not the scores', async () => {
    const response = await admin.request(`/api/v1/cohorts/${cohortId}/guide-answers`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { guides: { name: string; fitting: number; answered: number }[] };
    expect(body.guides).toEqual([
      expect.objectContaining({ name: 'Gia', fitting: 2, answered: 2 }),
      expect.objectContaining({ name: 'Hal', fitting: 1, answered: 0 }),
    ]);
    expect(JSON.stringify(body)).not.toMatch(/score|rank/);
    for (const who of [gia, ana, stranger])
      expect((await who.request(`/api/v1/cohorts/${cohortId}/guide-answers`)).status).toBe(404);
  });

  it('stable mode follows a guide’s ranking; the optimum keeps following the fit', async () => {
    // By fit alone Gia (one seat) keeps Ana (her level) over Dee in every mode.
    expect((await save(gia, { by: 'rank', ranking: [] })).status).toBe(200);
    const byFit = await stableMatches();
    expect(byFit.stable).toContain('Ana-Gia');
    expect(byFit.optimal).toContain('Ana-Gia');

    const list = await mine(gia);
    const dee = list.applicants.find((a) => a.name === 'Dee')?.memberApplicationId;
    const anaId = list.applicants.find((a) => a.name === 'Ana')?.memberApplicationId;
    expect((await save(gia, { by: 'rank', ranking: [dee, anaId] })).status).toBe(200);
    const ranked = await stableMatches();
    // Gia would rather have Dee: with Ana kept, Dee and Gia would be a blocking pair.
    expect(ranked.stable).toContain('Dee-Gia');
    expect(ranked.stable).not.toContain('Ana-Gia');
    expect(ranked.optimal).toEqual(byFit.optimal);
    // Why not Ana with Gia, in the stable run: Gia's own ranking, in percentages.
    const giaId = await stableGuideId();
    const why = await admin.request(
      `/api/v1/cohorts/${cohortId}/match-runs/${ranked.stableRunId}/why-not?member=${anaId}&guide=${giaId}`,
    );
    expect(why.status).toBe(200);
    expect(((await why.json()) as { reason: string }).reason).toBe(
      "Gia's seats went to people Gia ranks higher: Dee (100%); Gia ranks Ana at 50%.",
    );
  });
});

describe('guide ranks in the application CSV', () => {
  const header =
    'email,name,organization,time_zone,languages,formats,expertise,capacity,availability,style,structure,approach,works_with,ranks';
  const gia = (ranks: string) =>
    `gia.prefs@example.test,Gia,Globex,Europe/London,en,video,pricing; strategy,1,Tue 10:00-16:00,challenging,blend,craft,mid,${ranks}`;
  const importGuides = (row: string) =>
    admin.request(`/api/v1/cohorts/${cohortId}/applications/import`, {
      method: 'POST',
      body: { role: 'guide', csv: [header, row].join('\n') },
    });

  it('reads a guide row’s ranks (member e-mails, best first) as the guide’s ranking', async () => {
    const response = await importGuides(gia('ana.prefs@example.test; dee.prefs@example.test'));
    expect(response.status, await response.clone().text()).toBe(200);
    const list = await mine(giaMember());
    expect(list.applicants.map((a) => [a.name, a.rank, a.score])).toEqual([
      ['Ana', 1, 1],
      ['Dee', 2, 0.5],
    ]);
  });

  it('names the line and column of a bad rank, and imports nothing', async () => {
    for (const [ranks, message] of [
      ['zed@example.test', 'zed@example.test is not a member of this cohort (import the members first)'],
      ['dee.prefs@example.test', 'names dee.prefs@example.test twice'],
      ['not-an-address', 'not-an-address is not an email address'],
    ]) {
      const response = await importGuides(gia(`dee.prefs@example.test; ${ranks}`));
      expect(response.status).toBe(422);
      const body = (await response.json()) as { errors: { field: string; message: string }[] };
      expect(body.errors).toContainEqual({ field: 'line 2, ranks', message });
    }
    expect((await mine(giaMember())).applicants.map((a) => a.name)).toEqual(['Ana', 'Dee']);
  });
});
