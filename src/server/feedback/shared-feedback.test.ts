import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type Pair, startPair } from '../../../test/support/relationship-fixtures';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';

// PRODUCT.md §3: the guide reads the member's mirror feedback only when the member shares that request,
// only inside their relationship, and never the giver's email or the member's thank-you.
let t: TestApp;
let pair: Pair;
let privateGoalRequestId: string;
let sharedGoalRequestId: string;

type Shared = {
  requests: {
    id: string;
    goalTitle: string | null;
    question: string;
    status: string;
    answer: { text: string } | null;
  }[];
};

async function ask(goalId: string, question: string): Promise<{ id: string; token: string }> {
  const created = await json<{ request: { id: string }; token: string }>(
    await pair.member.request('/api/v1/feedback-requests', {
      method: 'POST',
      body: { goalId, question, giverName: 'Sam', giverEmail: 'sam@example.test' },
    }),
    201,
  );
  return { id: created.request.id, token: created.token };
}

async function goal(title: string, sharedWithGuides: 'shared' | 'private'): Promise<string> {
  const created = await json<{ id: string }>(
    await pair.member.request('/api/v1/goals', {
      method: 'POST',
      body: { title, category: 'eq', targetDate: '2027-04-30', sharedWithGuides },
    }),
    201,
  );
  return created.id;
}

const share = async (requestId: string, sharedWithGuide: boolean) =>
  json(
    await pair.member.request(`/api/v1/feedback-requests/${requestId}`, {
      method: 'PATCH',
      body: { sharedWithGuide, relationshipId: sharedWithGuide ? pair.relationshipId : null },
    }),
    200,
  );

const sharedFor = (who: { request: Pair['member']['request'] }, relationshipId = pair.relationshipId) =>
  who.request(`/api/v1/relationships/${relationshipId}/shared-feedback`);

beforeAll(async () => {
  t = await createTestApp();
  pair = await startPair(t);
  const privateGoal = await goal('Stay calm when my roadmap is challenged', 'private');
  const sharedGoal = await goal('Have my directors rate our 1:1s 8/10 for candour', 'shared');
  const first = await ask(privateGoal, 'In Tuesday’s review, did I come across as confident, or defensive?');
  privateGoalRequestId = first.id;
  sharedGoalRequestId = (await ask(sharedGoal, 'In Friday’s 1:1, did I listen more than I talked?')).id;
  const answered = await t.app.request(`/api/v1/public/feedback/${first.token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
    body: JSON.stringify({ answer: 'Defensive at first, then open once you asked for examples.' }),
  });
  expect(answered.status).toBe(201);
});
afterAll(() => t.close());

describe('feedback the member shares with the guide', () => {
  it('shows the guide nothing until the member shares a request', async () => {
    expect((await json<Shared>(await sharedFor(pair.guide), 200)).requests).toEqual([]);
  });

  it('shows a shared request with its answer, without the giver’s email or a private goal’s title', async () => {
    await share(privateGoalRequestId, true);
    await share(sharedGoalRequestId, true);
    const response = await sharedFor(pair.guide);
    const text = await response.clone().text();
    const { requests } = await json<Shared>(response, 200);
    expect(requests.map((r) => r.id).sort()).toEqual([privateGoalRequestId, sharedGoalRequestId].sort());
    const answered = requests.find((r) => r.id === privateGoalRequestId);
    expect(answered?.status).toBe('answered');
    expect(answered?.answer?.text).toContain('Defensive at first');
    expect(answered?.goalTitle).toBeNull();
    expect(requests.find((r) => r.id === sharedGoalRequestId)?.goalTitle).toBe(
      'Have my directors rate our 1:1s 8/10 for candour',
    );
    expect(text).not.toContain('sam@example.test');
  });

  it('lets the member see the same list, with their own goal titles', async () => {
    const { requests } = await json<Shared>(await sharedFor(pair.member), 200);
    expect(requests.find((r) => r.id === privateGoalRequestId)?.goalTitle).toBe(
      'Stay calm when my roadmap is challenged',
    );
  });

  it('stops showing a request the member unshares', async () => {
    await share(sharedGoalRequestId, false);
    const { requests } = await json<Shared>(await sharedFor(pair.guide), 200);
    expect(requests.map((r) => r.id)).toEqual([privateGoalRequestId]);
  });

  it('answers 404 to a stranger and to the guide of another relationship', async () => {
    const stranger = await signUp(t, 'Stella Stranger');
    expect((await sharedFor(stranger)).status).toBe(404);
    const other = await startPair(t);
    expect((await sharedFor(other.guide)).status).toBe(404);
    // The other pair's guide asking through their own relationship sees only their own member's feedback.
    expect((await json<Shared>(await sharedFor(other.guide, other.relationshipId), 200)).requests).toEqual(
      [],
    );
    // A guide cannot read the member's request directly either.
    expect((await pair.guide.request(`/api/v1/feedback-requests/${privateGoalRequestId}`)).status).toBe(404);
  });
});
