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

type Artifact = {
  id: string;
  role: string;
  title: string;
  body: string;
  questions: string[];
  tags: string[];
  templateId: string | null;
};

const example = {
  kind: 'prd',
  title: 'Checkout redesign PRD',
  body: 'A PRD our design lead calls the clearest she has read.',
  questions: ['What problem are we solving, for whom?', 'How will we know it worked?'],
  tags: ['PRD', 'checkout', 'prd'],
};

describe('artifact library', () => {
  it('keeps examples with their questions and tags, and starts a draft with the questions as headings', async () => {
    const created = await ana.request('/api/v1/artifacts', { method: 'POST', body: example });
    expect(created.status).toBe(201);
    const artifact = (await created.json()) as Artifact;
    expect(artifact.role).toBe('example');
    expect(artifact.tags).toEqual(['prd', 'checkout']);

    const draftResponse = await ana.request(`/api/v1/artifacts/${artifact.id}/drafts`, { method: 'POST' });
    expect(draftResponse.status).toBe(201);
    const draft = (await draftResponse.json()) as Artifact;
    expect(draft).toMatchObject({ role: 'draft', templateId: artifact.id, questions: example.questions });
    expect(draft.body).toBe(
      '## What problem are we solving, for whom?\n\n## How will we know it worked?\n\n',
    );
    expect(draft.body).not.toContain('clearest');

    const byTag = (await (await ana.request('/api/v1/artifacts?tag=checkout&role=example')).json()) as {
      artifacts: Artifact[];
    };
    expect(byTag.artifacts.map((a) => a.id)).toEqual([artifact.id]);
  });

  it('is private: another member sees nothing and gets 404 on every route', async () => {
    const artifact = (await (
      await ana.request('/api/v1/artifacts', { method: 'POST', body: example })
    ).json()) as Artifact;
    const list = (await (await ben.request('/api/v1/artifacts')).json()) as { artifacts: Artifact[] };
    expect(list.artifacts).toEqual([]);
    for (const response of [
      await ben.request(`/api/v1/artifacts/${artifact.id}`),
      await ben.request(`/api/v1/artifacts/${artifact.id}`, { method: 'PUT', body: example }),
      await ben.request(`/api/v1/artifacts/${artifact.id}/drafts`, { method: 'POST' }),
      await ben.request(`/api/v1/artifacts/${artifact.id}`, { method: 'DELETE' }),
    ]) {
      expect(response.status).toBe(404);
    }
    expect((await ana.request(`/api/v1/artifacts/${artifact.id}`)).status).toBe(200);
  });

  it('names the wrong field of bad input', async () => {
    const response = await ana.request('/api/v1/artifacts', {
      method: 'POST',
      body: { ...example, kind: 'novel', questions: [''] },
    });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['kind', 'questions.0']);
  });
});
