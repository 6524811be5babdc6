import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import type { ReadinessAnswers } from '../../domain/readiness/readiness-answers';

let t: TestApp;
let ana: Member;
let ben: Member;

beforeAll(async () => {
  t = await createTestApp();
  ana = await signUp(t, 'Ana Member');
  ben = await signUp(t, 'Ben Member');
});
afterAll(() => t.close());

const earlyCareerPm: ReadinessAnswers = {
  knowFrameworks: 1,
  wantPlaybook: 5,
  wantDirectAdvice: 5,
  whoNotWhat: 1,
  stuckDespiteKnowing: 1,
  adviceNotEnough: 1,
  findOwnAnswers: 2,
  newToArea: 5,
  fewPeers: 2,
  learnFromPeers: 3,
  oneNarrowProblem: 2,
  careerStage: 'early',
  recentTransition: 'new-domain',
  recurringFeedback: 'no',
  internalWork: 'not-now',
  budget: 'company',
  time: 'regular',
  topic: 'craft',
  wellbeing: false,
};

type ResultBody = {
  id: string;
  recommendations: { kind: string; fit: string; reasons: { questionId: string }[] }[];
};

describe('readiness check', () => {
  it('serves its questions without sign-in', async () => {
    const response = await t.app.request('/api/v1/readiness/questions');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { questions: { id: string }[] };
    expect(body.questions.map((q) => q.id)).toContain('careerStage');
  });

  it('recommends a mentor to an early-career PM, with the answers that led to it, and keeps history', async () => {
    const first = await ana.request('/api/v1/readiness/results', {
      method: 'POST',
      body: { answers: earlyCareerPm },
    });
    expect(first.status).toBe(201);
    const result = (await first.json()) as ResultBody;
    expect(result.recommendations[0]?.kind).toBe('mentor');
    expect(result.recommendations[0]?.reasons.length).toBeGreaterThan(0);

    t.clock.advanceDays(30);
    const retake = await ana.request('/api/v1/readiness/results', {
      method: 'POST',
      body: { answers: { ...earlyCareerPm, wellbeing: true } },
    });
    const second = (await retake.json()) as ResultBody;
    expect(second.recommendations[0]?.kind).toBe('professional-support');

    const history = (await (await ana.request('/api/v1/readiness/results')).json()) as {
      results: ResultBody[];
    };
    expect(history.results.map((r) => r.id)).toEqual([second.id, result.id]);
    const reread = (await (await ana.request(`/api/v1/readiness/results/${result.id}`)).json()) as ResultBody;
    expect(reread.recommendations[0]?.kind).toBe('mentor');
  });

  it('keeps results private: another member gets 404 and an empty history', async () => {
    const taken = (await (
      await ana.request('/api/v1/readiness/results', { method: 'POST', body: { answers: earlyCareerPm } })
    ).json()) as ResultBody;
    expect((await ben.request(`/api/v1/readiness/results/${taken.id}`)).status).toBe(404);
    const history = (await (await ben.request('/api/v1/readiness/results')).json()) as { results: unknown[] };
    expect(history.results).toHaveLength(0);
    expect((await t.app.request('/api/v1/readiness/results')).status).toBe(401);
  });

  it('rejects incomplete or out-of-range answers with a problem naming the question', async () => {
    const { careerStage: _dropped, ...missingStage } = earlyCareerPm;
    const cases = [
      { answers: missingStage, field: 'answers.careerStage' },
      { answers: { ...earlyCareerPm, knowFrameworks: 9 }, field: 'answers.knowFrameworks' },
      { answers: { ...earlyCareerPm, budget: 'unlimited' }, field: 'answers.budget' },
    ];
    for (const { answers, field } of cases) {
      const response = await ben.request('/api/v1/readiness/results', { method: 'POST', body: { answers } });
      expect(response.status).toBe(422);
      const problem = (await response.json()) as { field: string };
      expect(problem.field).toBe(field);
    }
    const history = (await (await ben.request('/api/v1/readiness/results')).json()) as { results: unknown[] };
    expect(history.results).toHaveLength(0);
  });
});
