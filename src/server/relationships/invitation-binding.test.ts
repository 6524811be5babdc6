import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invitations } from '../../../test/support/program-fixtures';
import { json, startPair, tokenOf } from '../../../test/support/relationship-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';

// Invitations are for the invited address, unless the inviter chose "anyone with this link".
let t: TestApp;
let inviter: Member;
afterAll(() => t.close());
beforeAll(async () => {
  t = await createTestApp();
  inviter = await signUp(t, 'Ivo Inviter');
});

async function invite(email: string, extra: Record<string, unknown> = {}) {
  return json<{ invitationLink: string; relationship: { id: string } }>(
    await inviter.request('/api/v1/relationships', {
      method: 'POST',
      body: { inviteeEmail: email, myRole: 'member', kind: 'mentoring', framing: 'ad-hoc', ...extra },
    }),
    201,
  );
}

describe('an invitation bound to its address', () => {
  it('is listed for the invited person, who accepts it from the list; the link says it is bound', async () => {
    const invitee = await signUp(t, 'Ida Invitee');
    const created = await invite(invitee.email.toUpperCase());
    const preview = await json<{ anyoneWithLink: boolean }>(
      await t.app.request(`/api/v1/invitations/${tokenOf(created.invitationLink)}`),
      200,
    );
    expect(preview.anyoneWithLink).toBe(false);
    const mine = await json<Invitations>(await invitee.request('/api/v1/me/invitations'), 200);
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: created.relationship.id,
        kind: 'invitation',
        about: 'relationship',
        fromName: 'Ivo Inviter',
        role: 'guide',
        acceptPath: `/api/v1/me/invitations/${created.relationship.id}/accept`,
      }),
    ]);
    // Another person cannot use the id path, and learns nothing (404).
    const stranger = await signUp(t, 'Sam Stranger');
    expect((await stranger.request(mine.items[0]?.acceptPath ?? '', { method: 'POST' })).status).toBe(404);
    expect(await json<Invitations>(await stranger.request('/api/v1/me/invitations'), 200)).toEqual({
      items: [],
    });
    const accepted = await json<{ status: string }>(
      await invitee.request(mine.items[0]?.acceptPath ?? '', { method: 'POST' }),
      200,
    );
    expect(accepted.status).toBe('active');
    expect((await json<Invitations>(await invitee.request('/api/v1/me/invitations'), 200)).items).toEqual([]);
  });

  it('can be declined from the list with a reason', async () => {
    const invitee = await signUp(t, 'Dan Decliner');
    const created = await invite(invitee.email);
    const declined = await invitee.request(`/api/v1/me/invitations/${created.relationship.id}/decline`, {
      method: 'POST',
      body: { reason: 'No time this quarter' },
    });
    expect(declined.status).toBe(200);
    const detail = await json<{ status: string }>(
      await inviter.request(`/api/v1/relationships/${created.relationship.id}`),
      200,
    );
    expect(detail.status).toBe('declined');
  });
});

describe('an invitation open to anyone with the link', () => {
  it('is accepted by whoever holds the link, as the inviter chose', async () => {
    const created = await invite('someone-in-a-chat@example.test', { anyoneWithLink: true });
    const preview = await json<{ anyoneWithLink: boolean }>(
      await t.app.request(`/api/v1/invitations/${tokenOf(created.invitationLink)}`),
      200,
    );
    expect(preview.anyoneWithLink).toBe(true);
    const holder = await signUp(t, 'Hal Holder');
    const accepted = await json<{ status: string }>(
      await holder.request(`/api/v1/invitations/${tokenOf(created.invitationLink)}/accept`, {
        method: 'POST',
      }),
      200,
    );
    expect(accepted.status).toBe('active');
  });

  it('still works for the invited address by default (the usual pair)', async () => {
    const pair = await startPair(t, { agree: false });
    const detail = await json<{ status: string }>(
      await pair.member.request(`/api/v1/relationships/${pair.relationshipId}`),
      200,
    );
    expect(detail.status).toBe('active');
  });
});
