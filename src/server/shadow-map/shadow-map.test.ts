import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
let ana: Member;
let ben: Member;
let answerId: string;

async function answeredRequest(member: Member): Promise<string> {
  const goal = (await (
    await member.request('/api/v1/goals', {
      method: 'POST',
      body: {
        title: 'Be seen as calm in reviews by two peers by June 30',
        category: 'eq',
        targetDate: '2027-06-30',
      },
    })
  ).json()) as { id: string };
  const created = (await (
    await member.request('/api/v1/feedback-requests', {
      method: 'POST',
      body: { goalId: goal.id, question: 'In Monday’s review, did I seem calm or rushed?', giverName: 'Lee' },
    })
  ).json()) as { request: { id: string }; token: string };
  await t.app.request(`/api/v1/public/feedback/${created.token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
    body: JSON.stringify({ answer: 'Rushed when the numbers were questioned.' }),
  });
  const view = (await (await member.request(`/api/v1/feedback-requests/${created.request.id}`)).json()) as {
    answer: { id: string };
  };
  return view.answer.id;
}

beforeAll(async () => {
  t = await createTestApp();
  ana = await signUp(t, 'Ana Member');
  ben = await signUp(t, 'Ben Member');
  answerId = await answeredRequest(ana);
});
afterAll(() => t.close());

type Strength = {
  id: string;
  strength: string;
  overdone: string;
  evidence: { answerId: string; giverName: string }[];
};

describe('shadow-side map', () => {
  it('keeps each strength with its overdone side and the answers that revealed it', async () => {
    const response = await ana.request('/api/v1/shadow-map', {
      method: 'POST',
      body: { strength: 'Quick with data', overdone: 'Rushing past a challenge', answerIds: [answerId] },
    });
    expect(response.status).toBe(201);
    const strength = (await response.json()) as Strength;
    expect(strength.evidence).toEqual([expect.objectContaining({ answerId, giverName: 'Lee' })]);
    const edited = await ana.request(`/api/v1/shadow-map/${strength.id}`, {
      method: 'PUT',
      body: { strength: 'Quick with numbers', overdone: 'Answering before the question ends', answerIds: [] },
    });
    expect(((await edited.json()) as Strength).evidence).toEqual([]);
    const map = (await (await ana.request('/api/v1/shadow-map')).json()) as { strengths: Strength[] };
    expect(map.strengths.map((s) => s.strength)).toEqual(['Quick with numbers']);
  });

  it('refuses evidence that is not one’s own answer, and keeps maps private', async () => {
    const stolen = await ben.request('/api/v1/shadow-map', {
      method: 'POST',
      body: { strength: 'Borrowed', answerIds: [answerId] },
    });
    expect(stolen.status).toBe(422);
    expect(((await stolen.json()) as { field: string }).field).toBe('answerIds.0');
    const anas = (await (await ana.request('/api/v1/shadow-map')).json()) as { strengths: Strength[] };
    const first = anas.strengths[0];
    if (!first) throw new Error('expected a strength');
    expect((await ben.request(`/api/v1/shadow-map/${first.id}`, { method: 'DELETE' })).status).toBe(404);
    expect(
      ((await (await ben.request('/api/v1/shadow-map')).json()) as { strengths: Strength[] }).strengths,
    ).toEqual([]);
  });
});
