import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
let member: Member;

beforeAll(async () => {
  t = await createTestApp();
  member = await signUp(t, 'Olive Outreach');
});
afterAll(() => t.close());

type Entry = {
  id: string;
  stage: string;
  stageDates: Record<string, string>;
  askCheck: { ok: boolean; issues: { code: string }[] };
  circleBackDraft: string;
  nudges: { code: string }[];
};

describe('the smallest-ask tracker', () => {
  it('checks the ask, walks the pipeline with nudges and drafts the circle-back', async () => {
    const created = await member.request('/api/v1/outreach', {
      method: 'POST',
      body: {
        name: 'Erin Expert',
        provenExcellence: 'Grew activation at two companies',
        explainsHow: 'Writes detailed teardowns',
        hook: 'onboarding teardown',
        askDraft: 'Hi Erin, would you be my mentor? Can we grab coffee sometime?',
      },
    });
    expect(created.status).toBe(201);
    const entry = (await created.json()) as Entry;
    expect(entry.askCheck.ok).toBe(false);
    expect(entry.askCheck.issues.map((issue) => issue.code)).toEqual(
      expect.arrayContaining(['mentor-request', 'coffee-request', 'no-specific-hook']),
    );
    const patch = async (body: object) => {
      const response = await member.request(`/api/v1/outreach/${entry.id}`, { method: 'PATCH', body });
      expect(response.status).toBe(200);
      return (await response.json()) as Entry;
    };
    const fixed = await patch({
      askDraft:
        'Hi Erin, your onboarding teardown changed how I see our first-run flow. Which single step would you cut first in a B2B trial?',
    });
    expect(fixed.askCheck.ok).toBe(true);
    await patch({ stage: 'sent' });
    const replied = await patch({ stage: 'replied', advice: 'cutting the setup wizard' });
    expect(replied.nudges.map((nudge) => nudge.code)).toEqual(['offer-something-back']);
    t.clock.advanceDays(8);
    const stale = (await (await member.request(`/api/v1/outreach/${entry.id}`)).json()) as Entry;
    expect(stale.nudges.map((nudge) => nudge.code)).toContain('apply-the-advice');
    const applied = await patch({
      stage: 'applied',
      appliedTo: 'our trial onboarding',
      result: 'a 12% lift in activation',
    });
    expect(applied.stageDates.applied).toBe(t.clock.now.toISOString());
    expect(applied.circleBackDraft).toContain('cutting the setup wizard');
    expect(applied.circleBackDraft).toContain('a 12% lift in activation');
    t.clock.advanceDays(3);
    const list = (await (await member.request('/api/v1/outreach')).json()) as { contacts: Entry[] };
    expect(list.contacts[0]?.nudges.map((nudge) => nudge.code)).toContain('circle-back');
  });

  it('checks an ask on its own and refuses bad input', async () => {
    const check = await member.request('/api/v1/ask-checks', {
      method: 'POST',
      body: { text: 'Any advice on how to get better at product?' },
    });
    expect(((await check.json()) as { ok: boolean }).ok).toBe(false);
    const badStage = await member.request('/api/v1/outreach', { method: 'POST', body: { name: '' } });
    expect(badStage.status).toBe(422);
    expect(((await badStage.json()) as { field: string }).field).toBe('name');
  });
});
