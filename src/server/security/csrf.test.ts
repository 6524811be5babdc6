import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgramCohort } from '../../../test/support/program-fixtures';
import { json, tokenOf } from '../../../test/support/relationship-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';

// The attack: a page on evil.example makes the browser POST a form (or a "simple" text/plain fetch)
// to a body-less route, and the browser adds the person's session cookie. Bearer tokens do not
// authenticate /api/v1 (only the MCP endpoint), so there is no bearer case here.
let t: TestApp;
let victim: Member;
afterAll(() => t.close());
beforeAll(async () => {
  t = await createTestApp();
  victim = await signUp(t, 'Vic Victim');
});

const EVIL = 'https://evil.example';
const forged = (member: Member, path: string, type: string, headers: Record<string, string> = {}) =>
  member.request(path, {
    method: 'POST',
    body: 'x=1',
    headers: { 'content-type': type, origin: EVIL, ...headers },
  });

async function expectRefused(response: Response) {
  expect([403, 415]).toContain(response.status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  if (response.status === 403)
    expect(((await response.json()) as { code: string }).code).toBe('cross-site-request');
}

const TYPES = ['application/x-www-form-urlencoded', 'text/plain'];

describe('cross-site POSTs with a valid session cookie', () => {
  it.each(TYPES)('cannot rotate the calendar feed (%s)', async (type) => {
    await expectRefused(await forged(victim, '/api/v1/calendar-feed', type));
    const status = await json<{ active: boolean }>(await victim.request('/api/v1/calendar-feed'), 200);
    expect(status.active).toBe(false);
  });

  it.each(TYPES)('cannot accept an invitation for the victim (%s)', async (type) => {
    const inviter = await signUp(t, 'Ivo Inviter');
    const created = await json<{ invitationLink: string; relationship: { id: string } }>(
      await inviter.request('/api/v1/relationships', {
        method: 'POST',
        body: { inviteeEmail: victim.email, myRole: 'member', kind: 'mentoring', framing: 'ad-hoc' },
      }),
      201,
    );
    const token = tokenOf(created.invitationLink);
    await expectRefused(await forged(victim, `/api/v1/invitations/${token}/accept`, type));
    await expectRefused(
      await forged(victim, `/api/v1/me/invitations/${created.relationship.id}/accept`, type),
    );
    const detail = await json<{ status: string }>(
      await inviter.request(`/api/v1/relationships/${created.relationship.id}`),
      200,
    );
    expect(detail.status).not.toBe('active');
    const mine = await json<{ items: { id: string }[] }>(await victim.request('/api/v1/me/invitations'), 200);
    expect(mine.items.map((item) => item.id)).toContain(created.relationship.id);
  });

  it.each(TYPES)('cannot mark all notifications read (%s)', async (type) => {
    const before = await (await victim.request('/api/v1/notifications')).text();
    await expectRefused(await forged(victim, '/api/v1/notifications/read-all', type));
    expect(await (await victim.request('/api/v1/notifications')).text()).toBe(before);
  });

  it.each(TYPES)('cannot run matching on a cohort (%s)', async (type) => {
    const admin = await signUp(t, 'Ada Admin');
    const cohortId = await createProgramCohort(admin, `Forged ${type}`);
    await expectRefused(await forged(admin, `/api/v1/cohorts/${cohortId}/match-runs`, type));
    const latest = await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/latest`);
    expect(latest.status).toBe(200);
    expect(await latest.json()).toBeNull();
  });

  it('refuses a request with no Origin whose Referer is elsewhere', async () => {
    const response = await victim.request('/api/v1/calendar-feed', {
      method: 'POST',
      body: {},
      headers: { origin: '', referer: `${EVIL}/page` },
    });
    await expectRefused(response);
    const status = await json<{ active: boolean }>(await victim.request('/api/v1/calendar-feed'), 200);
    expect(status.active).toBe(false);
  });

  it('refuses a JSON POST from another origin too', async () => {
    await expectRefused(
      await victim.request('/api/v1/calendar-feed', { method: 'POST', body: {}, headers: { origin: EVIL } }),
    );
  });

  it("refuses better-auth's sign-out from another origin, and the session still works", async () => {
    const response = await victim.request('/api/auth/sign-out', {
      method: 'POST',
      body: {},
      headers: { origin: EVIL },
    });
    await expectRefused(response);
    expect((await victim.request('/api/v1/me')).status).toBe(200);
  });
});

describe('requests from Corner itself', () => {
  it('a same-origin JSON POST still works', async () => {
    const member = await signUp(t, 'Sam Same');
    const created = await member.request('/api/v1/calendar-feed', { method: 'POST', body: {} });
    expect(created.status).toBe(201);
    const status = await json<{ active: boolean }>(await member.request('/api/v1/calendar-feed'), 200);
    expect(status.active).toBe(true);
  });
});
