import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, localIn, startPair } from '../../../test/support/relationship-fixtures';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('confidentiality (PRODUCT.md §3)', () => {
  it('answers 404 to a stranger and to a guide of another relationship, on every relationship route', async () => {
    const pair = await startPair(t);
    const otherPair = await startPair(t);
    const stranger = await signUp(t, 'Stranger');
    const base = `/api/v1/relationships/${pair.relationshipId}`;
    for (const outsider of [stranger, otherPair.guide]) {
      const attempts = [
        outsider.request(base),
        outsider.request(`${base}/sessions`),
        outsider.request(`${base}/actions`),
        outsider.request(`${base}/messages`),
        outsider.request(`${base}/journal`),
        outsider.request(`${base}/report`),
        outsider.request(`${base}/messages`, { method: 'POST', body: { body: 'hello' } }),
        outsider.request(`${base}/agreements`, { method: 'POST', body: { terms: defaultTerms() } }),
        outsider.request(`${base}/close`, { method: 'POST' }),
      ];
      for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
    }
    const list = await json<{ relationships: { id: string }[] }>(
      await stranger.request('/api/v1/relationships'),
      200,
    );
    expect(list.relationships).toHaveLength(0);
  });

  it('shows the guide only journal entries the member shared', async () => {
    const { member, guide, relationshipId } = await startPair(t);
    const write = (body: string, sharedWithGuide: boolean) =>
      member.request('/api/v1/journal', { method: 'POST', body: { relationshipId, body, sharedWithGuide } });
    await json(await write('Private: I am afraid my manager sees me as junior', false), 201);
    await json(await write('Shared: I want to practise saying no', true), 201);
    const seen = await json<{ entries: { body: string }[] }>(
      await guide.request(`/api/v1/relationships/${relationshipId}/journal`),
      200,
    );
    expect(seen.entries.map((e) => e.body)).toEqual(['Shared: I want to practise saying no']);
    const mine = await json<{ entries: unknown[] }>(
      await member.request(`/api/v1/journal?relationshipId=${relationshipId}`),
      200,
    );
    expect(mine.entries).toHaveLength(2);
  });
});

describe('confidentiality of sessions and notes', () => {
  it('keeps a session, its notes and actions from a guide of another relationship and from strangers', async () => {
    const pair = await startPair(t);
    const otherPair = await startPair(t);
    const stranger = await signUp(t, 'Nosy Stranger');
    const session = await json<{ id: string }>(
      await pair.member.request(`/api/v1/relationships/${pair.relationshipId}/sessions`, {
        method: 'POST',
        body: { localStart: localIn(t.clock.now, 8, 15), timeZone: 'Europe/Berlin' },
      }),
      201,
    );
    await json(
      await pair.guide.request(`/api/v1/sessions/${session.id}/private-note`, {
        method: 'PUT',
        body: { body: 'Guide-only: she may be burning out' },
      }),
      200,
    );
    const memberView = await json<{ myPrivateNote: string }>(
      await pair.member.request(`/api/v1/sessions/${session.id}`),
      200,
    );
    expect(memberView.myPrivateNote).toBe('');
    expect(JSON.stringify(memberView)).not.toContain('burning out');
    for (const outsider of [stranger, otherPair.guide, otherPair.member]) {
      const attempts = [
        outsider.request(`/api/v1/sessions/${session.id}`),
        outsider.request(`/api/v1/sessions/${session.id}/reschedule-slots`),
        outsider.request(`/api/v1/sessions/${session.id}/shared-notes`, {
          method: 'PUT',
          body: { body: 'overwritten', version: 0 },
        }),
        outsider.request(`/api/v1/sessions/${session.id}/preparation`, {
          method: 'PATCH',
          body: { agendaTopic: 'hijack' },
        }),
        outsider.request(`/api/v1/sessions/${session.id}/close`, {
          method: 'POST',
          body: { outcome: 'cancelled' },
        }),
      ];
      for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
    }
    const after = await json<{ status: string; agendaTopic: string; sharedNotes: { body: string } }>(
      await pair.member.request(`/api/v1/sessions/${session.id}`),
      200,
    );
    expect(after).toMatchObject({ status: 'scheduled', agendaTopic: '', sharedNotes: { body: '' } });
  });
});

function defaultTerms() {
  return {
    cadence: 'biweekly',
    sessionMinutes: 60,
    preparation: 'Topic two days before.',
    responsiveness: { within: 2, unit: 'days', channels: ['email'] },
    format: 'video',
    confidentiality: 'Between us.',
    intendedOutcomes: 'A clear next role.',
    plannedMonths: 6,
  };
}
