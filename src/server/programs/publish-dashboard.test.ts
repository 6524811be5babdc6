import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptProposals, confirmPrograms } from '../../../test/support/program-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';

// Publishing proposes the pairs, which start once both accept; the dashboard then shows their health — and nothing of
// what they wrote (PRODUCT.md §3: admins see states and counts only).
let t: TestApp;
let admin: Member;
let ana: Member;
let ben: Member;
let gia: Member;
let cohortId: string;

beforeAll(async () => {
  t = await createTestApp(new Date('2027-02-10T09:00:00Z'));
  admin = await signUp(t, 'Program Admin');
  ana = await signUp(t, 'Ana Member', 'Europe/Berlin');
  ben = await signUp(t, 'Ben Member', 'Europe/London');
  gia = await signUp(t, 'Gia Guide', 'Europe/London');
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
  const members = [
    'email,name,organization,time_zone,languages,formats,goal,skill_gaps,style,structure,seniority',
    `${ana.email},Ana Member,Acme,Europe/Berlin,en,video,Lift activation,pricing (iq),,,mid`,
    `${ben.email},Ben Member,Initech,Europe/London,en,video,Lead a team,influence (eq),,,senior`,
    'cy-no-account@example.test,Cy Member,Umbrella,Europe/Paris,en,video,Ship a vision,strategy (iq),,,mid',
  ].join('\n');
  const guides = [
    'email,name,organization,time_zone,languages,formats,expertise,capacity,availability,style,structure,approach,works_with',
    `${gia.email},Gia Guide,Globex,Europe/London,en,video,pricing; influence; strategy,3,Tue 10:00-16:00,blend,blend,blend,`,
  ].join('\n');
  for (const [role, csv] of [
    ['member', members],
    ['guide', guides],
  ] as const) {
    const response = await admin.request(`/api/v1/cohorts/${cohortId}/applications/import`, {
      method: 'POST',
      body: { role, csv },
    });
    expect(response.status).toBe(200);
  }
  // Ana, Ben and Gia confirm they joined; Cy has no account yet and stays unconfirmed.
  for (const person of [ana, ben, gia]) await confirmPrograms(person);
});
afterAll(() => t.close());

describe('publish and dashboard', () => {
  it('proposes a pair per confirmed match, starts it once both accept, and shows states only', async () => {
    const run = (await (
      await admin.request(`/api/v1/cohorts/${cohortId}/match-runs`, { method: 'POST' })
    ).json()) as { id: string; matched: number; unconfirmed: { name: string }[] };
    expect(run.matched).toBe(2);
    expect(run.unconfirmed.map((entry) => entry.name)).toEqual(['Cy Member']);
    const published = await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/${run.id}/publish`, {
      method: 'POST',
    });
    expect(published.status).toBe(200);
    const result = (await published.json()) as { proposed: number; waitingForConfirmation: unknown[] };
    expect(result).toEqual({ proposed: 2, waitingForConfirmation: [] });

    const listed = async () =>
      (
        (await (await ana.request('/api/v1/relationships')).json()) as {
          relationships: { id: string; status: string }[];
        }
      ).relationships[0];
    expect((await listed())?.status).toBe('proposed');
    for (const person of [ana, ben, gia]) await acceptProposals(person);
    const relationship = await listed();
    expect(relationship?.status).toBe('active');

    // Publishing twice proposes nothing new.
    const again = (await (
      await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/${run.id}/publish`, { method: 'POST' })
    ).json()) as { proposed: number };
    expect(again.proposed).toBe(0);

    const dashboard = (await (await admin.request(`/api/v1/cohorts/${cohortId}/dashboard`)).json()) as {
      pairs: number;
      states: Record<string, number>;
      pairList: Record<string, unknown>[];
    };
    expect(dashboard.pairs).toBe(2);
    expect(Object.values(dashboard.states).reduce((a, b) => a + b, 0)).toBe(2);
    expect(Object.keys(dashboard.pairList[0] ?? {}).sort()).toEqual([
      'guide',
      'member',
      'relationshipId',
      'sessionsLast30Days',
      'state',
    ]);

    // The admin cannot open the relationship itself, its journal or its sessions.
    expect((await admin.request(`/api/v1/relationships/${relationship?.id}`)).status).toBe(404);
    expect((await gia.request(`/api/v1/cohorts/${cohortId}/dashboard`)).status).toBe(404);
  });

  it('moves a pair to at risk on the dashboard when weeks pass without a session', async () => {
    t.clock.advanceDays(30);
    const dashboard = (await (await admin.request(`/api/v1/cohorts/${cohortId}/dashboard`)).json()) as {
      states: Record<string, number>;
    };
    expect(dashboard.states['at-risk']).toBe(2);
  });

  it('exports the pair list as CSV with the same states, for the program’s admins only', async () => {
    const response = await admin.request(`/api/v1/cohorts/${cohortId}/dashboard/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe('member,guide,state,sessions_last_30_days');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((line) => line.endsWith(',at risk,0'))).toBe(true);
    expect((await gia.request(`/api/v1/cohorts/${cohortId}/dashboard/export`)).status).toBe(404);
  });
});
