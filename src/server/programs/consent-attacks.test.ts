import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProgramCohort,
  guideRow,
  importRows,
  memberRow,
  runAndPublish,
} from '../../../test/support/program-fixtures';
import { json, type Pair, startPair, tokenOf } from '../../../test/support/relationship-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';

// ISSUE-11 §3, written as the attacks: each of these worked on main a3c542b.
let t: TestApp;
let pair: Pair;
let attacker: Member;
let sharedRequestId: string;

type Summary = { id: string; status: string; myRole: string; other: { id: string } | null };

beforeAll(async () => {
  t = await createTestApp(new Date('2027-02-10T09:00:00Z'));
  pair = await startPair(t);
  attacker = await signUp(t, 'Eve Attacker', 'Europe/London');
  const goal = await json<{ id: string }>(
    await pair.member.request('/api/v1/goals', {
      method: 'POST',
      body: { title: 'Be candid in my directors’ 1:1s by June', category: 'eq', targetDate: '2027-06-30' },
    }),
    201,
  );
  const created = await json<{ request: { id: string } }>(
    await pair.member.request('/api/v1/feedback-requests', {
      method: 'POST',
      body: {
        goalId: goal.id,
        question: 'In Tuesday’s review, did I come across as confident, or defensive?',
        giverName: 'Sam',
        sharedWithGuide: true,
        relationshipId: pair.relationshipId,
      },
    }),
    201,
  );
  sharedRequestId = created.request.id;
});
afterAll(() => t.close());

describe('an attacker who runs a program', () => {
  it('cannot make themselves the guide of someone who never joined, nor read or message them', async () => {
    const victim = pair.member;
    const cohortId = await createProgramCohort(attacker, 'Totally Real Program');
    await importRows(attacker, cohortId, 'guide', [guideRow(attacker, 5)]);
    await importRows(attacker, cohortId, 'member', [memberRow(victim)]);
    const { response } = await runAndPublish(attacker, cohortId);
    expect(response.status).toBeLessThan(500);

    const mine = await json<{ relationships: Summary[] }>(
      await attacker.request('/api/v1/relationships'),
      200,
    );
    const withVictim = mine.relationships.filter((rel) => rel.other?.id === victim.userId);
    expect(withVictim.filter((rel) => rel.status === 'active')).toEqual([]);
    for (const rel of withVictim) {
      const feedback = await attacker.request(`/api/v1/relationships/${rel.id}/shared-feedback`);
      const text = await feedback.text();
      expect(text).not.toContain(sharedRequestId);
      const message = await attacker.request(`/api/v1/relationships/${rel.id}/messages`, {
        method: 'POST',
        body: { body: 'Hi, I am your guide now.' },
      });
      expect(message.status).toBeGreaterThanOrEqual(400);
    }
    const victimView = await json<{ relationships: Summary[] }>(
      await victim.request('/api/v1/relationships'),
      200,
    );
    expect(
      victimView.relationships.filter((rel) => rel.other?.id === attacker.userId && rel.status === 'active'),
    ).toEqual([]);
  });
});

describe('an invitation link in the wrong hands', () => {
  it('is refused to a signed-in person whose address is not the invited one', async () => {
    const inviter = await signUp(t, 'Ivo Inviter');
    const intended = await signUp(t, 'Ida Intended');
    const holder = await signUp(t, 'Hal Holder');
    const created = await json<{ invitationLink: string; relationship: { id: string } }>(
      await inviter.request('/api/v1/relationships', {
        method: 'POST',
        body: { inviteeEmail: intended.email, myRole: 'member', kind: 'mentoring', framing: 'ad-hoc' },
      }),
      201,
    );
    const accepted = await holder.request(`/api/v1/invitations/${tokenOf(created.invitationLink)}/accept`, {
      method: 'POST',
    });
    expect(accepted.status).toBe(403);
    expect(accepted.headers.get('content-type')).toContain('application/problem+json');
    const declined = await holder.request(`/api/v1/invitations/${tokenOf(created.invitationLink)}/decline`, {
      method: 'POST',
      body: { reason: 'Not for me' },
    });
    expect(declined.status).toBe(403);
    const detail = await json<{ status: string }>(
      await inviter.request(`/api/v1/relationships/${created.relationship.id}`),
      200,
    );
    expect(detail.status).toBe('invited');
  });
});

describe('a second guide of the same member', () => {
  it('does not see feedback the member shared with the first guide', async () => {
    const second = await signUp(t, 'Sid Secondguide');
    const invited = await json<{ relationship: { id: string }; invitationLink: string }>(
      await pair.member.request('/api/v1/relationships', {
        method: 'POST',
        body: { inviteeEmail: second.email, myRole: 'member', kind: 'coaching', framing: 'ad-hoc' },
      }),
      201,
    );
    await json(
      await second.request(`/api/v1/invitations/${tokenOf(invited.invitationLink)}/accept`, {
        method: 'POST',
      }),
      200,
    );
    const theirs = await json<{ requests: { id: string }[] }>(
      await second.request(`/api/v1/relationships/${invited.relationship.id}/shared-feedback`),
      200,
    );
    expect(theirs.requests.map((request) => request.id)).not.toContain(sharedRequestId);
    const first = await json<{ requests: { id: string }[] }>(
      await pair.guide.request(`/api/v1/relationships/${pair.relationshipId}/shared-feedback`),
      200,
    );
    expect(first.requests.map((request) => request.id)).toContain(sharedRequestId);
  });
});
