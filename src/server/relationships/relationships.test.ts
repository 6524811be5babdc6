import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseGuideProfile } from '../../../test/support/guide-factory';
import { json, startPair, tokenOf } from '../../../test/support/relationship-fixtures';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';
import { outboxMessages, relationships } from '../db/schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Detail = {
  id: string;
  status: string;
  myRole: string;
  goals: { id: string; title: string }[];
  agreement: {
    current: { version: number } | null;
    pending: { version: number; warnings: { code: string; level: string }[] } | null;
    history: { version: number; status: string }[];
  };
  plan: { version: number; focusAreas: { title: string; outgrowingThePlan: boolean }[] } | null;
  momentum: { state: string; reasons: { code: string; message: string }[] };
  tracking: { replies: { onTime: number; total: number } };
  midpoint: { applies: boolean; due: boolean; dueDate: string | null };
  reflections: { kind: string; authorRole: string; mine: boolean; answers: Record<string, unknown> }[];
};

describe('starting a relationship', () => {
  it('invites by email with an unguessable link that works before the invitee has an account', async () => {
    const member = await signUp(t, 'Nina Newcomer');
    const futureGuide = `future.guide-${Date.now()}@example.test`;
    const created = await json<{ relationship: Detail; invitationLink: string }>(
      await member.request('/api/v1/relationships', {
        method: 'POST',
        body: {
          inviteeEmail: futureGuide,
          myRole: 'member',
          kind: 'coaching',
          framing: 'ad-hoc',
        },
      }),
      201,
    );
    const token = tokenOf(created.invitationLink);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const [stored] = await t.database.db
      .select()
      .from(relationships)
      .where(eq(relationships.id, created.relationship.id));
    expect(stored?.inviteTokenHash).not.toContain(token);
    const mails = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.to, futureGuide));
    expect(mails[0]?.text).toContain(`/invitations/${token}`);

    // No session cookie: the link alone shows what the invitation is about.
    const preview = await json<{ inviterName: string; inviteeRole: string }>(
      await t.app.request(`/api/v1/invitations/${token}`),
      200,
    );
    expect(preview).toMatchObject({ inviterName: 'Nina Newcomer', inviteeRole: 'guide' });

    // The invitation is for its address: the invitee signs up with it (others get a 403, see
    // consent-attacks.test.ts).
    const guide = await signUp(t, 'Late Signup', 'Europe/Berlin', futureGuide);
    expect((await member.request(`/api/v1/invitations/${token}/accept`, { method: 'POST' })).status).toBe(
      409,
    );
    const accepted = await json<Detail>(
      await guide.request(`/api/v1/invitations/${token}/accept`, { method: 'POST' }),
      200,
    );
    expect(accepted).toMatchObject({ status: 'active', myRole: 'guide' });
    expect((await guide.request(`/api/v1/invitations/${token}/accept`, { method: 'POST' })).status).toBe(409);
    expect((await t.app.request('/api/v1/invitations/not-a-real-token-at-all-xyz')).status).toBe(404);
  });

  it('records a decline with its reason', async () => {
    const guide = await signUp(t, 'Busy Guide');
    const member = await signUp(t, 'Hopeful Member');
    const created = await json<{ relationship: Detail; invitationLink: string }>(
      await guide.request('/api/v1/relationships', {
        method: 'POST',
        body: { inviteeEmail: member.email, myRole: 'guide', kind: 'mentoring', framing: 'ad-hoc' },
      }),
      201,
    );
    const token = tokenOf(created.invitationLink);
    const noReason = await member.request(`/api/v1/invitations/${token}/decline`, {
      method: 'POST',
      body: {},
    });
    expect(noReason.status).toBe(422);
    await json(
      await member.request(`/api/v1/invitations/${token}/decline`, {
        method: 'POST',
        body: { reason: 'I found a mentor closer to my field' },
      }),
      200,
    );
    const seen = await json<Detail & { declineReason: string }>(
      await guide.request(`/api/v1/relationships/${created.relationship.id}`),
      200,
    );
    expect(seen.status).toBe('declined');
    expect(seen.declineReason).toBe('I found a mentor closer to my field');
  });

  it('lets a guide accept only while their profile has room, and says how to make room', async () => {
    const guide = await signUp(t, 'Full Guide');
    const profile = await guide.request('/api/v1/me/guide-profile', {
      method: 'PUT',
      body: {
        ...baseGuideProfile,
        headline: 'Head of product',
        capacity: 1,
        availability: [{ weekday: 2, start: '10:00', end: '12:00' }],
      },
    });
    expect(profile.status).toBe(200);
    const invite = async (name: string) => {
      const member = await signUp(t, name);
      const created = await json<{ relationship: Detail; invitationLink: string }>(
        await member.request('/api/v1/relationships', {
          method: 'POST',
          body: { inviteeEmail: guide.email, myRole: 'member', kind: 'mentoring', framing: 'ad-hoc' },
        }),
        201,
      );
      return { id: created.relationship.id, token: tokenOf(created.invitationLink) };
    };
    const first = await invite('First Member');
    const second = await invite('Second Member');
    await json(await guide.request(`/api/v1/invitations/${first.token}/accept`, { method: 'POST' }), 200);
    const full = await guide.request(`/api/v1/invitations/${second.token}/accept`, { method: 'POST' });
    expect(full.status).toBe(409);
    const problem = (await full.json()) as { type: string; detail: string };
    expect(problem.type).toContain('guide-at-capacity');
    expect(problem.detail).toMatch(/capacity is 1/);
    const [row] = await t.database.db.select().from(relationships).where(eq(relationships.id, second.id));
    expect(row?.status).toBe('invited');
    expect(row?.guideId).toBeNull();
  });

  it('links only the member’s own goals, and shows the guide only shared ones', async () => {
    const member = await signUp(t, 'Goal Member');
    const other = await signUp(t, 'Other Member');
    const goal = async (who: typeof member, title: string, sharedWithGuides: string) =>
      (
        await json<{ id: string }>(
          await who.request('/api/v1/goals', {
            method: 'POST',
            body: { title, category: 'iq', sharedWithGuides },
          }),
          201,
        )
      ).id;
    const shared = await goal(member, 'Ship three pricing experiments by June', 'shared');
    const hidden = await goal(member, 'Private goal about my manager', 'private');
    const theirs = await goal(other, 'Not mine to link at all', 'shared');
    const bad = await member.request('/api/v1/relationships', {
      method: 'POST',
      body: {
        inviteeEmail: 'g@example.test',
        myRole: 'member',
        kind: 'mentoring',
        framing: 'goal-oriented',
        goalIds: [theirs],
      },
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { field: string }).field).toBe('goalIds');
    const guide = await signUp(t, 'Goal Guide');
    const created = await json<{ relationship: Detail; invitationLink: string }>(
      await member.request('/api/v1/relationships', {
        method: 'POST',
        body: {
          inviteeEmail: guide.email,
          myRole: 'member',
          kind: 'mentoring',
          framing: 'goal-oriented',
          goalIds: [shared, hidden],
        },
      }),
      201,
    );
    await json(
      await guide.request(`/api/v1/invitations/${tokenOf(created.invitationLink)}/accept`, {
        method: 'POST',
      }),
      200,
    );
    const asMember = await json<Detail>(
      await member.request(`/api/v1/relationships/${created.relationship.id}`),
      200,
    );
    const asGuide = await json<Detail>(
      await guide.request(`/api/v1/relationships/${created.relationship.id}`),
      200,
    );
    expect(asMember.goals.map((g) => g.id).sort()).toEqual([shared, hidden].sort());
    expect(asGuide.goals.map((g) => g.id)).toEqual([shared]);
  });

  it('rejects a time-framed relationship without dates, writing nothing', async () => {
    const member = await signUp(t, 'Dateless');
    const response = await member.request('/api/v1/relationships', {
      method: 'POST',
      body: { inviteeEmail: 'x@example.test', myRole: 'member', kind: 'peer', framing: 'time-framed' },
    });
    expect(response.status).toBe(422);
    const list = await json<{ relationships: unknown[] }>(await member.request('/api/v1/relationships'), 200);
    expect(list.relationships).toHaveLength(0);
  });
});

describe('agreement', () => {
  it('is versioned, warns about monthly coaching, needs the other side, and cannot be accepted twice', async () => {
    const { member, guide, relationshipId } = await startPair(t, { kind: 'coaching', agree: false });
    const base = `/api/v1/relationships/${relationshipId}`;
    const proposed = await json<Detail>(
      await member.request(`${base}/agreements`, {
        method: 'POST',
        body: {
          terms: {
            cadence: 'monthly',
            sessionMinutes: 60,
            preparation: 'I send the topic two days before.',
            responsiveness: { within: 2, unit: 'days', channels: ['email'] },
            format: 'video',
            confidentiality: 'Stays between us.',
            intendedOutcomes: 'Lead my first team through a reorg.',
            plannedMonths: 6,
          },
        },
      }),
      200,
    );
    expect(proposed.agreement.pending?.warnings.map((w) => w.code)).toContain('coaching-cadence-too-low');
    expect((await member.request(`${base}/agreements/1/accept`, { method: 'POST' })).status).toBe(409);
    const accepted = await json<Detail>(
      await guide.request(`${base}/agreements/1/accept`, { method: 'POST' }),
      200,
    );
    expect(accepted.agreement.current?.version).toBe(1);
    const twice = await guide.request(`${base}/agreements/1/accept`, { method: 'POST' });
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { code: string }).code).toBe('agreement-already-accepted');

    const changed = await json<Detail>(
      await guide.request(`${base}/agreements`, {
        method: 'POST',
        body: { terms: { ...defaultTerms(), cadence: 'biweekly' } },
      }),
      200,
    );
    expect(changed.agreement.current?.version).toBe(1);
    expect(changed.agreement.pending?.version).toBe(2);
    const final = await json<Detail>(
      await member.request(`${base}/agreements/2/accept`, { method: 'POST' }),
      200,
    );
    expect(final.agreement.current?.version).toBe(2);
    expect(final.agreement.history.map((a) => a.status)).toEqual(['superseded', 'accepted']);
  });

  it('rejects invalid terms with a 422 naming the field', async () => {
    const { member, relationshipId } = await startPair(t, { agree: false });
    const response = await member.request(`/api/v1/relationships/${relationshipId}/agreements`, {
      method: 'POST',
      body: { terms: { ...defaultTerms(), sessionMinutes: 45 } },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { field: string }).field).toBe('terms.sessionMinutes');
  });
});

describe('coaching plan', () => {
  it('keeps versions and flags focus areas added later as outgrowing the plan', async () => {
    const { guide, relationshipId } = await startPair(t, { kind: 'coaching' });
    const url = `/api/v1/relationships/${relationshipId}/plan`;
    await json(
      await guide.request(url, {
        method: 'POST',
        body: {
          assessment: 'Strong on execution, avoids conflict with peers.',
          focusAreas: ['Hard conversations'],
        },
      }),
      200,
    );
    const v2 = await json<Detail>(
      await guide.request(url, {
        method: 'POST',
        body: {
          assessment: 'Conflict is easier now; influence upwards is next.',
          focusAreas: ['Hard conversations', 'Influencing executives'],
        },
      }),
      200,
    );
    expect(v2.plan?.version).toBe(2);
    expect(v2.plan?.focusAreas).toEqual([
      { title: 'Hard conversations', addedInVersion: 1, outgrowingThePlan: false },
      { title: 'Influencing executives', addedInVersion: 2, outgrowingThePlan: true },
    ]);
  });
});

describe('momentum, messages and tracking', () => {
  it('measures replies against the agreed time and moves momentum as time passes', async () => {
    const { member, guide, relationshipId } = await startPair(t, {
      terms: { responsiveness: { within: 1, unit: 'days', channels: ['email'] } },
    });
    const base = `/api/v1/relationships/${relationshipId}`;
    const start = await json<Detail>(await member.request(base), 200);
    expect(start.momentum.state).toBe('on-track');
    await json(
      await member.request(`${base}/messages`, { method: 'POST', body: { body: 'Can we talk pricing?' } }),
      201,
    );
    t.clock.advanceDays(0.5);
    await json(
      await guide.request(`${base}/messages`, { method: 'POST', body: { body: 'Yes, Tuesday.' } }),
      201,
    );
    await json(await member.request(`${base}/messages`, { method: 'POST', body: { body: 'Great' } }), 201);
    t.clock.advanceDays(3);
    await json(
      await guide.request(`${base}/messages`, { method: 'POST', body: { body: 'Sorry, late.' } }),
      201,
    );
    const seen = await json<Detail>(await guide.request(base), 200);
    expect(seen.tracking.replies).toMatchObject({ onTime: 2, total: 3 });
    t.clock.advanceDays(25);
    const later = await json<Detail>(await member.request(base), 200);
    expect(later.momentum.state).toBe('at-risk');
    expect(later.momentum.reasons[0]?.code).toBe('no-first-session');
  });
});

function defaultTerms() {
  return {
    cadence: 'biweekly',
    sessionMinutes: 60,
    preparation: 'Topic two days before.',
    responsiveness: { within: 2, unit: 'days', channels: ['email'] },
    format: 'video',
    confidentiality: 'Between us.',
    intendedOutcomes: 'A clear next role.',
    plannedMonths: 6,
  };
}
