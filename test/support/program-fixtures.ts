import { json } from './relationship-fixtures';
import type { Member } from './test-app';

export const membersHeader =
  'email,name,organization,time_zone,languages,formats,goal,skill_gaps,style,structure,seniority';
export const guidesHeader =
  'email,name,organization,time_zone,languages,formats,expertise,capacity,availability,style,structure,approach,works_with';

export const memberRow = (who: { email: string; name: string }, org = 'Acme') =>
  `${who.email},${who.name},${org},Europe/Berlin,en,video,Lift activation,pricing (iq),,,mid`;
export const guideRow = (who: { email: string; name: string }, capacity = 3, org = 'Globex') =>
  `${who.email},${who.name},${org},Europe/London,en,video,pricing; influence; strategy,${capacity},Tue 10:00-16:00,blend,blend,blend,`;

// A program with one cohort whose admin is `admin`.
export async function createProgramCohort(admin: Member, name = 'League'): Promise<string> {
  const program = await json<{ id: string }>(
    await admin.request('/api/v1/programs', { method: 'POST', body: { name } }),
    201,
  );
  const cohort = await json<{ id: string }>(
    await admin.request(`/api/v1/programs/${program.id}/cohorts`, {
      method: 'POST',
      body: {
        name: `${name} Spring`,
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

export async function importRows(admin: Member, cohortId: string, role: 'member' | 'guide', rows: string[]) {
  return json<{ imported: number }>(
    await admin.request(`/api/v1/cohorts/${cohortId}/applications/import`, {
      method: 'POST',
      body: { role, csv: [role === 'member' ? membersHeader : guidesHeader, ...rows].join('\n') },
    }),
    200,
  );
}

export type Invitations = {
  items: {
    id: string;
    kind: 'invitation' | 'proposal';
    about: 'relationship' | 'program';
    fromName: string;
    programName: string | null;
    cohortName: string | null;
    acceptPath: string;
    declinePath: string;
  }[];
};

// The person answers every program invitation waiting for them (confirms they joined).
export async function confirmPrograms(person: Member): Promise<number> {
  const mine = await json<Invitations>(await person.request('/api/v1/me/invitations'), 200);
  const programInvites = mine.items.filter((item) => item.about === 'program');
  for (const item of programInvites) {
    await json(await person.request(item.acceptPath, { method: 'POST' }), 200);
  }
  return programInvites.length;
}

// The person accepts every match proposal waiting for them.
export async function acceptProposals(person: Member): Promise<number> {
  const mine = await json<Invitations>(await person.request('/api/v1/me/invitations'), 200);
  const proposals = mine.items.filter((item) => item.kind === 'proposal');
  for (const item of proposals) {
    await json(await person.request(item.acceptPath, { method: 'POST' }), 200);
  }
  return proposals.length;
}

export async function runAndPublish(admin: Member, cohortId: string) {
  const run = await json<{ id: string; matches: unknown[] }>(
    await admin.request(`/api/v1/cohorts/${cohortId}/match-runs`, { method: 'POST' }),
    201,
  );
  const response = await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/${run.id}/publish`, {
    method: 'POST',
  });
  return { run, response };
}
