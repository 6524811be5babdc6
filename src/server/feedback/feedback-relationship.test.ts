import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type Pair, startPair } from '../../../test/support/relationship-fixtures';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';

// Sharing a feedback request with "the guide" names one relationship, and only that guide reads it.
let t: TestApp;
let pair: Pair;
let goalId: string;
afterAll(() => t.close());
beforeAll(async () => {
  t = await createTestApp();
  pair = await startPair(t);
  goalId = (
    await json<{ id: string }>(
      await pair.member.request('/api/v1/goals', {
        method: 'POST',
        body: { title: 'Be candid in my directors’ 1:1s by June', category: 'eq', targetDate: '2027-06-30' },
      }),
      201,
    )
  ).id;
});

const ask = (body: Record<string, unknown>) =>
  pair.member.request('/api/v1/feedback-requests', {
    method: 'POST',
    body: {
      goalId,
      question: 'In Friday’s 1:1, did I listen more than I talked?',
      giverName: 'Sam',
      ...body,
    },
  });

describe('sharing names the relationship', () => {
  it('refuses to share without saying with which relationship', async () => {
    const response = await ask({ sharedWithGuide: true });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'relationship-required', field: 'relationshipId' });
  });

  it('refuses a relationship that is not mine as the member', async () => {
    const other = await startPair(t);
    const response = await ask({ sharedWithGuide: true, relationshipId: other.relationshipId });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'unknown-relationship' });
  });

  it('moves from one guide to another and back to private', async () => {
    const created = await json<{ request: { id: string; sharedRelationshipId: string | null } }>(
      await ask({ sharedWithGuide: true, relationshipId: pair.relationshipId }),
      201,
    );
    expect(created.request.sharedRelationshipId).toBe(pair.relationshipId);
    const second = await signUp(t, 'Sid Second');
    const invited = await json<{ relationship: { id: string } }>(
      await pair.member.request('/api/v1/relationships', {
        method: 'POST',
        body: { inviteeEmail: second.email, myRole: 'member', kind: 'coaching', framing: 'ad-hoc' },
      }),
      201,
    );
    await json(
      await second.request(`/api/v1/me/invitations/${invited.relationship.id}/accept`, { method: 'POST' }),
      200,
    );
    const seen = async (who: typeof second, relationshipId: string) =>
      (
        await json<{ requests: { id: string }[] }>(
          await who.request(`/api/v1/relationships/${relationshipId}/shared-feedback`),
          200,
        )
      ).requests.map((r) => r.id);
    expect(await seen(pair.guide, pair.relationshipId)).toEqual([created.request.id]);
    expect(await seen(second, invited.relationship.id)).toEqual([]);

    const patch = (body: Record<string, unknown>) =>
      pair.member.request(`/api/v1/feedback-requests/${created.request.id}`, { method: 'PATCH', body });
    expect((await patch({ sharedWithGuide: true })).status).toBe(422);
    await json(await patch({ sharedWithGuide: true, relationshipId: invited.relationship.id }), 200);
    expect(await seen(pair.guide, pair.relationshipId)).toEqual([]);
    expect(await seen(second, invited.relationship.id)).toEqual([created.request.id]);
    const unshared = await json<{ sharedWithGuide: boolean; sharedRelationshipId: string | null }>(
      await patch({ sharedWithGuide: false }),
      200,
    );
    expect(unshared).toMatchObject({ sharedWithGuide: false, sharedRelationshipId: null });
    expect(await seen(second, invited.relationship.id)).toEqual([]);
  });
});
