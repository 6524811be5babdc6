import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseGuideProfile } from '../../../test/support/guide-factory';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';

// The attacks of ISSUE-11 point 6 through the API: a formula smuggled into an admin's spreadsheet, and a
// script URL smuggled into a link other people click.
let t: TestApp;
let admin: Member;
let cohortId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, 'Sheet Admin');
  const program = await admin.request('/api/v1/programs', {
    method: 'POST',
    body: { name: 'Formula League' },
  });
  const programId = ((await program.json()) as { id: string }).id;
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
  cohortId = ((await cohort.json()) as { id: string }).id;
});
afterAll(() => t.close());

const FORMULAS = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1:A2)'];

describe('CSV exports', () => {
  it('neutralise cells that a spreadsheet would run as a formula', async () => {
    const rows = FORMULAS.map(
      (name, index) =>
        `sheet-${index}-${Date.now()}@example.test,"${name.replaceAll('"', '""')}",Acme,Europe/Berlin,en,video,Lift activation,pricing (iq),,,mid`,
    );
    const csv = [
      'email,name,organization,time_zone,languages,formats,goal,skill_gaps,style,structure,seniority',
      ...rows,
    ].join('\n');
    const imported = await admin.request(`/api/v1/cohorts/${cohortId}/applications/import`, {
      method: 'POST',
      body: { role: 'member', csv, skipInvalid: false },
    });
    expect(imported.status).toBe(200);
    expect(((await imported.json()) as { imported: number }).imported).toBe(FORMULAS.length);

    const exported = await admin.request(`/api/v1/cohorts/${cohortId}/applications/export?role=member`);
    expect(exported.status).toBe(200);
    const text = await exported.text();
    const cells = text
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[1] ?? '');
    for (const cell of cells.filter((value) => value.length > 0)) {
      const unquoted = cell.startsWith('"') ? cell.slice(1) : cell;
      expect(unquoted, `cell ${cell}`).not.toMatch(/^[=+\-@]/);
    }
    for (const formula of FORMULAS) {
      const plain = formula.includes('"') || formula.includes(',') ? null : `'${formula}`;
      if (plain) expect(text).toContain(plain);
    }
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });
});

describe('links people type', () => {
  for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>']) {
    it(`refuses ${url.split(':')[0]}: as a proof-of-work link, naming the field, and saves nothing`, async () => {
      const guide = await signUp(t, 'Link Guide');
      const response = await guide.request('/api/v1/me/guide-profile', {
        method: 'PUT',
        body: { ...baseGuideProfile, proofOfWork: [{ label: 'My talk', url, description: 'x' }] },
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(await response.json())).toContain('proofOfWork');
      const after = await guide.request('/api/v1/me/guide-profile');
      expect(await after.json()).toEqual({ profile: null });
    });
  }

  it('still takes an https link', async () => {
    const guide = await signUp(t, 'Good Link Guide');
    const response = await guide.request('/api/v1/me/guide-profile', {
      method: 'PUT',
      body: {
        ...baseGuideProfile,
        proofOfWork: [{ label: 'My talk', url: 'https://example.com/talk', description: 'x' }],
      },
    });
    expect(response.status).toBe(200);
  });
});
