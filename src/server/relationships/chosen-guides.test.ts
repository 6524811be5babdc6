import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuide } from '../../../test/support/guide-factory';
import { json } from '../../../test/support/relationship-fixtures';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Summary = { id: string; status: string; other: { name: string } | null; inviteeEmail: string };

describe('a relationship started by choosing a guide', () => {
  it('is listed under the guide’s name while the invitation waits', async () => {
    const member = await signUp(t, 'Mira Member');
    const guide = await createGuide(t, 'Gustav Name');
    const choice = await json<{ relationshipId: string }>(
      await member.request('/api/v1/choices', { method: 'POST', body: { guideId: guide.userId } }),
      201,
    );
    const list = await json<{ relationships: Summary[] }>(await member.request('/api/v1/relationships'), 200);
    const rel = list.relationships.find((r) => r.id === choice.relationshipId);
    expect(rel).toMatchObject({ status: 'invited', other: { name: 'Gustav Name' } });
  });

  it('does not reveal an account name for an e-mail the member typed', async () => {
    const member = await signUp(t, 'Tia Typist');
    const someone = await signUp(t, 'Secret Name');
    const created = await json<{ relationship: { id: string } }>(
      await member.request('/api/v1/relationships', {
        method: 'POST',
        body: { inviteeEmail: someone.email, myRole: 'member', kind: 'mentoring', framing: 'goal-oriented' },
      }),
      201,
    );
    const list = await json<{ relationships: Summary[] }>(await member.request('/api/v1/relationships'), 200);
    const rel = list.relationships.find((r) => r.id === created.relationship.id);
    expect(rel?.other).toBeNull();
  });
});
