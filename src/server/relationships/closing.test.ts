import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startPair } from '../../../test/support/relationship-fixtures';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Detail = {
  midpoint: { applies: boolean; due: boolean; dueDate: string | null };
  reflections: { kind: string; authorRole: string; mine: boolean; answers: Record<string, unknown> }[];
};

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
    const pdf = await member.request(`${base}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1000);
    const outsider = await signUp(t, 'Nosy Outsider');
    expect((await outsider.request(`${base}/report.pdf`)).status).toBe(404);
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
