import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptProposals, confirmPrograms } from '../../../test/support/program-fixtures';
import { json, localIn } from '../../../test/support/relationship-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';

// PRODUCT.md §2.8a: either side reports a no-show or misconduct to the program admin. The program's
// admins read those reports — the reporter's words were written to them — and nothing else of the pair;
// everyone else gets a 404.
let t: TestApp;
let admin: Member;
let otherAdmin: Member;
let stranger: Member;
let member: Member;
let guide: Member;
let cohortId: string;
let otherCohortId: string;
let relationshipId: string;

type Report = {
  id: string;
  kind: string;
  details: string;
  createdAt: string;
  reviewedAt: string | null;
  reporterRole: string | null;
  pair: { relationshipId: string; member: string; guide: string };
};

async function createCohort(owner: Member, name: string) {
  const program = await json<{ id: string }>(
    await owner.request('/api/v1/programs', { method: 'POST', body: { name: `${name} program` } }),
    201,
  );
  const cohort = await json<{ id: string }>(
    await owner.request(`/api/v1/programs/${program.id}/cohorts`, {
      method: 'POST',
      body: {
        name,
        applicationsOpen: '2027-01-05',
        applicationsClose: '2027-01-31',
        matchingOn: '2027-02-03',
        startsOn: '2027-02-10',
        endsOn: '2027-06-30',
      },
    }),
    201,
  );
  return cohort.id;
}

beforeAll(async () => {
  t = await createTestApp(new Date('2027-02-10T09:00:00Z'));
  admin = await signUp(t, 'Pat Admin');
  otherAdmin = await signUp(t, 'Olga Otheradmin');
  stranger = await signUp(t, 'Sam Stranger');
  member = await signUp(t, 'Mia Member', 'Europe/Berlin');
  guide = await signUp(t, 'Gus Guide', 'Europe/London');
  cohortId = await createCohort(admin, 'Spring');
  otherCohortId = await createCohort(otherAdmin, 'Elsewhere');
  const csv = {
    member: [
      'email,name,organization,time_zone,languages,formats,goal,skill_gaps,style,structure,seniority',
      `${member.email},Mia Member,Acme,Europe/Berlin,en,video,Lift activation,pricing (iq),,,mid`,
    ].join('\n'),
    guide: [
      'email,name,organization,time_zone,languages,formats,expertise,capacity,availability,style,structure,approach,works_with',
      `${guide.email},Gus Guide,Globex,Europe/London,en,video,pricing,2,Tue 10:00-16:00,blend,blend,blend,`,
    ].join('\n'),
  };
  for (const role of ['member', 'guide'] as const) {
    await json(
      await admin.request(`/api/v1/cohorts/${cohortId}/applications/import`, {
        method: 'POST',
        body: { role, csv: csv[role] },
      }),
      200,
    );
  }
  // Both confirm they joined the cohort, and both accept the pair it proposes.
  await confirmPrograms(member);
  await confirmPrograms(guide);
  const run = await json<{ id: string }>(
    await admin.request(`/api/v1/cohorts/${cohortId}/match-runs`, { method: 'POST' }),
    201,
  );
  await json(
    await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/${run.id}/publish`, { method: 'POST' }),
    200,
  );
  await acceptProposals(member);
  await acceptProposals(guide);
  const mine = await json<{ relationships: { id: string }[] }>(
    await member.request('/api/v1/relationships'),
    200,
  );
  relationshipId = mine.relationships[0]?.id ?? '';

  // Private work of the pair, which no admin view may carry.
  await json(
    await member.request(`/api/v1/relationships/${relationshipId}/sessions`, {
      method: 'POST',
      body: {
        localStart: localIn(t.clock.now, 9, 15),
        timeZone: 'Europe/Berlin',
        template: 'first',
        agendaTopic: 'Secret agenda about my manager',
      },
    }),
    201,
  );
  await json(
    await member.request(`/api/v1/relationships/${relationshipId}/messages`, {
      method: 'POST',
      body: { body: 'A secret message for my guide only' },
    }),
    201,
  );
  await json(
    await member.request(`/api/v1/relationships/${relationshipId}/problem-reports`, {
      method: 'POST',
      body: { kind: 'no-show', details: 'My guide missed our first two sessions without a word.' },
    }),
    201,
  );
  t.clock.advanceDays(1);
  await json(
    await guide.request(`/api/v1/relationships/${relationshipId}/problem-reports`, {
      method: 'POST',
      body: { kind: 'other', details: 'We keep missing each other across time zones.' },
    }),
    201,
  );
});
afterAll(() => t.close());

describe('problem reports for the program admin', () => {
  it('lists the cohort’s reports, newest first, with who reported, the pair, the kind and the words', async () => {
    const { reports } = await json<{ reports: Report[] }>(
      await admin.request(`/api/v1/cohorts/${cohortId}/problem-reports`),
      200,
    );
    expect(reports).toEqual([
      {
        id: expect.any(String),
        kind: 'other',
        details: 'We keep missing each other across time zones.',
        createdAt: '2027-02-11T09:00:00.000Z',
        reviewedAt: null,
        reporterRole: 'guide',
        pair: { relationshipId, member: 'Mia Member', guide: 'Gus Guide' },
      },
      {
        id: expect.any(String),
        kind: 'no-show',
        details: 'My guide missed our first two sessions without a word.',
        createdAt: '2027-02-10T09:00:00.000Z',
        reviewedAt: null,
        reporterRole: 'member',
        pair: { relationshipId, member: 'Mia Member', guide: 'Gus Guide' },
      },
    ]);
    const text = JSON.stringify(reports);
    expect(text).not.toContain('Secret');
  });

  it('is empty for a cohort nobody reported in', async () => {
    expect(
      await json(await otherAdmin.request(`/api/v1/cohorts/${otherCohortId}/problem-reports`), 200),
    ).toEqual({ reports: [] });
  });

  it('is a 404 for another program’s admin, the guide, the member and a stranger', async () => {
    for (const someone of [otherAdmin, guide, member, stranger]) {
      const list = await someone.request(`/api/v1/cohorts/${cohortId}/problem-reports`);
      expect(list.status).toBe(404);
      expect(await list.text()).not.toContain('missed');
    }
    const { reports } = await json<{ reports: Report[] }>(
      await admin.request(`/api/v1/cohorts/${cohortId}/problem-reports`),
      200,
    );
    for (const someone of [otherAdmin, guide, member, stranger]) {
      const review = await someone.request(
        `/api/v1/cohorts/${cohortId}/problem-reports/${reports[0]?.id}/review`,
        { method: 'POST' },
      );
      expect(review.status).toBe(404);
    }
  });

  it('marks a report reviewed once, keeping the first date, only through its own cohort', async () => {
    const { reports } = await json<{ reports: Report[] }>(
      await admin.request(`/api/v1/cohorts/${cohortId}/problem-reports`),
      200,
    );
    const id = reports[1]?.id;
    const reviewed = await json<Report>(
      await admin.request(`/api/v1/cohorts/${cohortId}/problem-reports/${id}/review`, { method: 'POST' }),
      200,
    );
    expect(reviewed.reviewedAt).toBe(t.clock.now.toISOString());
    t.clock.advanceDays(1);
    const again = await json<Report>(
      await admin.request(`/api/v1/cohorts/${cohortId}/problem-reports/${id}/review`, { method: 'POST' }),
      200,
    );
    expect(again.reviewedAt).toBe(reviewed.reviewedAt);
    // The other program's admin cannot reach it through a cohort of theirs.
    const sideways = await otherAdmin.request(
      `/api/v1/cohorts/${otherCohortId}/problem-reports/${id}/review`,
      {
        method: 'POST',
      },
    );
    expect(sideways.status).toBe(404);
  });

  it('leaves the dashboard with states and counts only', async () => {
    const response = await admin.request(`/api/v1/cohorts/${cohortId}/dashboard`);
    const text = await response.text();
    expect(response.status).toBe(200);
    for (const secret of ['Secret', 'missed our first', 'across time zones'])
      expect(text).not.toContain(secret);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/cohorts/{cohortId}/problem-reports',
        '/v1/cohorts/{cohortId}/problem-reports/{reportId}/review',
      ]),
    );
  });
});
