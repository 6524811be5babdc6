import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const created = await json<{ relationship: Detail; invitationLink: string }>(
      await member.request('/api/v1/relationships', {
        method: 'POST',
        body: {
          inviteeEmail: 'future.guide@example.test',
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
    const mails = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.to, 'future.guide@example.test'));
    expect(mails[0]?.text).toContain(`/invitations/${token}`);

    // No session cookie: the link alone shows what the invitation is about.
    const preview = await json<{ inviterName: string; inviteeRole: string }>(
      await t.app.request(`/api/v1/invitations/${token}`),
      200,
    );
    expect(preview).toMatchObject({ inviterName: 'Nina Newcomer', inviteeRole: 'guide' });

    const guide = await signUp(t, 'Late Signup');
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

describe('closing', () => {
  it('keeps ratings blind until both answered, hides the guide’s self-reflection, and locks the relationship', async () => {
    const { member, guide, relationshipId } = await startPair(t, { kind: 'mentoring' });
    const base = `/api/v1/relationships/${relationshipId}`;
    const retro = (goalAchieved: string) => ({
      kind: 'retrospective',
      answers: {
        takeaways: `Takeaway ${goalAchieved}`,
        goalAchieved,
        whatWorked: '',
        whatToChange: '',
        whatsNext: '',
      },
    });
    await json(await member.request(`${base}/reflections`, { method: 'POST', body: retro('partly') }), 200);
    const guideBefore = await json<Detail>(await guide.request(base), 200);
    expect(guideBefore.reflections).toHaveLength(0);
    await json(await guide.request(`${base}/reflections`, { method: 'POST', body: retro('yes') }), 200);
    const again = await guide.request(`${base}/reflections`, { method: 'POST', body: retro('no') });
    expect(again.status).toBe(409);
    const self = {
      kind: 'guide-self',
      answers: {
        responsive: 4,
        listened: 5,
        committed: 4,
        guidedRatherThanControlled: 3,
        empathy: 4,
        note: 'Talked too much in session 2',
      },
    };
    expect((await member.request(`${base}/reflections`, { method: 'POST', body: self })).status).toBe(422);
    await json(await guide.request(`${base}/reflections`, { method: 'POST', body: self }), 200);
    await json(
      await member.request(`${base}/reflections`, {
        method: 'POST',
        body: { kind: 'member-view', answers: { satisfied: 5, valuable: 4, goalMet: 'partly', note: '' } },
      }),
      200,
    );
    const asMember = await json<Detail>(await member.request(base), 200);
    expect(asMember.reflections.map((r) => `${r.kind}:${r.authorRole}`).sort()).toEqual([
      'member-view:member',
      'retrospective:guide',
      'retrospective:member',
    ]);
    const asGuide = await json<Detail>(await guide.request(base), 200);
    expect(asGuide.reflections.map((r) => r.kind)).toContain('guide-self');
    expect(asGuide.reflections.map((r) => r.kind)).toContain('member-view');

    await json(await member.request(`${base}/close`, { method: 'POST' }), 200);
    const write = await guide.request(`${base}/messages`, {
      method: 'POST',
      body: { body: 'One more thing' },
    });
    expect(write.status).toBe(409);
    expect(((await write.json()) as { code: string }).code).toBe('relationship-closed');
    const report = await json<{ markdown: string; sessionsHeld: number }>(
      await member.request(`${base}/report`),
      200,
    );
    expect(report.markdown).toContain('## Key insights');
    expect(report.markdown).toContain('Takeaway partly');
    expect(report.markdown).not.toContain('Talked too much');
    await json(
      await member.request(`${base}/problem-reports`, {
        method: 'POST',
        body: { kind: 'no-show', details: 'Missed two sessions without a word.' },
      }),
      201,
    );
  });

  it('offers a mid-point check-in halfway through a time-framed relationship', async () => {
    const today = t.clock.now.toISOString().slice(0, 10);
    const end = new Date(t.clock.now.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
    const { member, relationshipId } = await startPair(t, {
      invite: { framing: 'time-framed', startDate: today, plannedEndDate: end },
    });
    const base = `/api/v1/relationships/${relationshipId}`;
    const early = await json<Detail>(await member.request(base), 200);
    expect(early.midpoint).toMatchObject({ applies: true, due: false });
    t.clock.advanceDays(46);
    const mid = await json<Detail & { waitingFor: string[] }>(await member.request(base), 200);
    expect(mid.midpoint.due).toBe(true);
    expect(mid.waitingFor).toContain('Answer the mid-point check-in');
  });
});

describe('confidentiality (PRODUCT.md §3)', () => {
  it('answers 404 to a stranger and to a guide of another relationship, on every relationship route', async () => {
    const pair = await startPair(t);
    const otherPair = await startPair(t);
    const stranger = await signUp(t, 'Stranger');
    const base = `/api/v1/relationships/${pair.relationshipId}`;
    for (const outsider of [stranger, otherPair.guide]) {
      const attempts = [
        outsider.request(base),
        outsider.request(`${base}/sessions`),
        outsider.request(`${base}/actions`),
        outsider.request(`${base}/messages`),
        outsider.request(`${base}/journal`),
        outsider.request(`${base}/report`),
        outsider.request(`${base}/messages`, { method: 'POST', body: { body: 'hello' } }),
        outsider.request(`${base}/agreements`, { method: 'POST', body: { terms: defaultTerms() } }),
        outsider.request(`${base}/close`, { method: 'POST' }),
      ];
      for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
    }
    const list = await json<{ relationships: { id: string }[] }>(
      await stranger.request('/api/v1/relationships'),
      200,
    );
    expect(list.relationships).toHaveLength(0);
  });

  it('shows the guide only journal entries the member shared', async () => {
    const { member, guide, relationshipId } = await startPair(t);
    const write = (body: string, sharedWithGuide: boolean) =>
      member.request('/api/v1/journal', { method: 'POST', body: { relationshipId, body, sharedWithGuide } });
    await json(await write('Private: I am afraid my manager sees me as junior', false), 201);
    await json(await write('Shared: I want to practise saying no', true), 201);
    const seen = await json<{ entries: { body: string }[] }>(
      await guide.request(`/api/v1/relationships/${relationshipId}/journal`),
      200,
    );
    expect(seen.entries.map((e) => e.body)).toEqual(['Shared: I want to practise saying no']);
    const mine = await json<{ entries: unknown[] }>(
      await member.request(`/api/v1/journal?relationshipId=${relationshipId}`),
      200,
    );
    expect(mine.entries).toHaveLength(2);
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
