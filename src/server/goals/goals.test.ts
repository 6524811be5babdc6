import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
let ana: Member;
let ben: Member;

beforeAll(async () => {
  t = await createTestApp();
  ana = await signUp(t, 'Ana Member');
  ben = await signUp(t, 'Ben Member');
});
afterAll(() => t.close());

type GoalBody = {
  id: string;
  title: string;
  status: string;
  check: { ok: boolean; issues: { code: string }[]; rewritePattern: string };
  signs: { id: string; label: string }[];
  checkIns: { note: string; ratings: { signId: string; score: number }[] }[];
};

async function createGoal(member: Member, body: Record<string, unknown>): Promise<GoalBody> {
  const response = await member.request('/api/v1/goals', { method: 'POST', body });
  expect(response.status).toBe(201);
  return (await response.json()) as GoalBody;
}

const concrete = {
  title: 'Ship enough experiments to lift activation by 10%',
  category: 'iq',
  targetDate: '2027-04-30',
  signs: [{ label: 'Experiments shipped' }, { label: 'I can explain the activation model' }],
};

describe('goals', () => {
  it('saves a vague goal and explains why it is vague, with a rewrite pattern', async () => {
    const goal = await createGoal(ana, { title: 'get better at strategy', category: 'iq' });
    expect(goal.check.ok).toBe(false);
    expect(goal.check.issues.map((issue) => issue.code)).toContain('vague-learning-wish');
    expect(goal.check.issues.map((issue) => issue.code)).toContain('no-date');
    expect(goal.check.rewritePattern.length).toBeGreaterThan(10);
  });

  it('judges a concrete goal as concrete, and editing a vague goal fixes the verdict', async () => {
    const vague = await createGoal(ana, { title: 'learn pricing', category: 'iq' });
    expect(vague.check.ok).toBe(false);
    const response = await ana.request(`/api/v1/goals/${vague.id}`, {
      method: 'PATCH',
      body: {
        title: 'Run three pricing experiments and lift paid conversion by 5%',
        targetDate: '2027-04-15',
      },
    });
    expect(response.status).toBe(200);
    const fixed = (await response.json()) as GoalBody;
    expect(fixed.check.ok).toBe(true);
  });

  it('records check-ins per sign of progress and returns them in order', async () => {
    const goal = await createGoal(ana, concrete);
    const [first, second] = goal.signs;
    if (!first || !second) throw new Error('expected two signs');
    for (const score of [3, 6]) {
      t.clock.advanceDays(7);
      const response = await ana.request(`/api/v1/goals/${goal.id}/check-ins`, {
        method: 'POST',
        body: {
          note: `week score ${score}`,
          ratings: [
            { signId: first.id, score },
            { signId: second.id, score: score + 1 },
          ],
        },
      });
      expect(response.status).toBe(201);
    }
    const detail = (await (await ana.request(`/api/v1/goals/${goal.id}`)).json()) as GoalBody;
    expect(detail.checkIns.map((checkIn) => checkIn.note)).toEqual(['week score 3', 'week score 6']);
    expect(detail.checkIns[1]?.ratings).toContainEqual({ signId: second.id, score: 7 });
  });

  it('lists only my own goals, by status', async () => {
    const mine = await createGoal(ben, {
      ...concrete,
      title: 'Ben only: write the platform vision doc and get it approved',
    });
    const archive = await ben.request(`/api/v1/goals/${mine.id}`, {
      method: 'PATCH',
      body: { status: 'archived' },
    });
    expect(archive.status).toBe(200);
    const active = (await (await ben.request('/api/v1/goals')).json()) as { goals: GoalBody[] };
    expect(active.goals.map((goal) => goal.id)).not.toContain(mine.id);
    const archived = (await (await ben.request('/api/v1/goals?status=archived')).json()) as {
      goals: GoalBody[];
    };
    expect(archived.goals.map((goal) => goal.id)).toEqual([mine.id]);
    const anas = (await (await ana.request('/api/v1/goals?status=all')).json()) as { goals: GoalBody[] };
    expect(anas.goals.map((goal) => goal.id)).not.toContain(mine.id);
  });
});

describe('goal permissions (PRODUCT.md §3: goals are the member’s own)', () => {
  it('answers 404 for another member’s goal on every route, and changes nothing', async () => {
    const goal = await createGoal(ana, concrete);
    const sign = goal.signs[0];
    if (!sign) throw new Error('expected a sign');
    const attempts = [
      ben.request(`/api/v1/goals/${goal.id}`),
      ben.request(`/api/v1/goals/${goal.id}`, {
        method: 'PATCH',
        body: { title: 'hijacked title for sure' },
      }),
      ben.request(`/api/v1/goals/${goal.id}/signs`, { method: 'POST', body: { label: 'intruder sign' } }),
      ben.request(`/api/v1/goals/${goal.id}/check-ins`, {
        method: 'POST',
        body: { ratings: [{ signId: sign.id, score: 1 }] },
      }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    const after = (await (await ana.request(`/api/v1/goals/${goal.id}`)).json()) as GoalBody;
    expect(after.title).toBe(concrete.title);
    expect(after.signs).toHaveLength(2);
    expect(after.checkIns).toHaveLength(0);
  });

  it('answers 401 without a session', async () => {
    const response = await t.app.request('/api/v1/goals');
    expect(response.status).toBe(401);
    expect(((await response.json()) as { code: string }).code).toBe('unauthenticated');
  });

  it('answers 404 for an unknown goal id', async () => {
    const response = await ana.request('/api/v1/goals/00000000-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
  });
});

describe('bad input gets a clear 4xx problem and writes nothing', () => {
  const cases: { name: string; path?: string; body: unknown; field: string }[] = [
    { name: 'missing title', body: { category: 'iq' }, field: 'title' },
    {
      name: 'unknown category',
      body: { title: 'Lift activation by 10%', category: 'vibes' },
      field: 'category',
    },
    {
      name: 'impossible date',
      body: { title: 'Lift activation by 10%', category: 'iq', targetDate: '2027-02-30' },
      field: 'targetDate',
    },
    { name: 'title too long', body: { title: 'x'.repeat(301), category: 'iq' }, field: 'title' },
    {
      name: 'too many signs',
      body: { ...concrete, signs: Array.from({ length: 7 }, (_, i) => ({ label: `sign ${i}` })) },
      field: 'signs',
    },
  ];
  it.each(cases)('rejects a goal with $name', async ({ body, field }) => {
    const before = (await (await ana.request('/api/v1/goals?status=all')).json()) as { goals: unknown[] };
    const response = await ana.request('/api/v1/goals', { method: 'POST', body });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; field: string; detail: string };
    expect(problem.code).toBe('invalid-input');
    expect(problem.field).toBe(field);
    expect(problem.detail).toContain(field);
    const after = (await (await ana.request('/api/v1/goals?status=all')).json()) as { goals: unknown[] };
    expect(after.goals).toHaveLength(before.goals.length);
  });

  it('rejects malformed JSON with 400', async () => {
    const response = await ana.request('/api/v1/goals', { method: 'POST', body: '{"title": ' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('rejects a non-uuid goal id with 422 naming the parameter', async () => {
    const response = await ana.request('/api/v1/goals/not-an-id');
    expect(response.status).toBe(422);
    expect(((await response.json()) as { field: string }).field).toBe('goalId');
  });

  it('rejects a check-in with a score out of range, an unknown sign, or a repeated sign, leaving no check-in', async () => {
    const goal = await createGoal(ana, concrete);
    const sign = goal.signs[0];
    if (!sign) throw new Error('expected a sign');
    const bad = [
      { body: { ratings: [{ signId: sign.id, score: 11 }] }, status: 422, field: 'ratings.0.score' },
      { body: { ratings: [] }, status: 422, field: 'ratings' },
      {
        body: { ratings: [{ signId: '00000000-0000-4000-8000-000000000000', score: 5 }] },
        status: 422,
        field: 'ratings.0.signId',
      },
      {
        body: {
          ratings: [
            { signId: sign.id, score: 5 },
            { signId: sign.id, score: 6 },
          ],
        },
        status: 422,
        field: 'ratings.1.signId',
      },
    ];
    for (const attempt of bad) {
      const response = await ana.request(`/api/v1/goals/${goal.id}/check-ins`, {
        method: 'POST',
        body: attempt.body,
      });
      expect(response.status).toBe(attempt.status);
      expect(((await response.json()) as { field: string }).field).toBe(attempt.field);
    }
    const after = (await (await ana.request(`/api/v1/goals/${goal.id}`)).json()) as GoalBody;
    expect(after.checkIns).toHaveLength(0);
  });

  it('refuses a check-in on an archived goal with 409', async () => {
    const goal = await createGoal(ana, concrete);
    await ana.request(`/api/v1/goals/${goal.id}`, { method: 'PATCH', body: { status: 'archived' } });
    const sign = goal.signs[0];
    if (!sign) throw new Error('expected a sign');
    const response = await ana.request(`/api/v1/goals/${goal.id}/check-ins`, {
      method: 'POST',
      body: { ratings: [{ signId: sign.id, score: 5 }] },
    });
    expect(response.status).toBe(409);
  });

  it('rejects unknown fields on update rather than ignoring them', async () => {
    const goal = await createGoal(ana, concrete);
    const response = await ana.request(`/api/v1/goals/${goal.id}`, {
      method: 'PATCH',
      body: { userId: ben.userId },
    });
    expect(response.status).toBe(422);
  });
});

describe('goal checker endpoint', () => {
  it('checks wording without saving anything', async () => {
    const before = (await (await ana.request('/api/v1/goals?status=all')).json()) as { goals: unknown[] };
    const response = await ana.request('/api/v1/goal-checks', {
      method: 'POST',
      body: { title: 'improve my communication' },
    });
    expect(response.status).toBe(200);
    const check = (await response.json()) as GoalBody['check'];
    expect(check.issues.map((issue) => issue.code)).toContain('vague-learning-wish');
    const after = (await (await ana.request('/api/v1/goals?status=all')).json()) as { goals: unknown[] };
    expect(after.goals).toHaveLength(before.goals.length);
  });
});
