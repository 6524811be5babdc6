import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../../test/support/relationship-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { journalEntries } from '../db/schema';

let t: TestApp;
let solo: Member;

beforeAll(async () => {
  t = await createTestApp();
  solo = await signUp(t, 'Sol Self');
});
afterAll(() => t.close());

type Entry = { id: string; relationshipId: string | null; kind: string };

describe('self-coaching journal (no relationship)', () => {
  it('saves a prompt entry and a decision without a relationship and lists them', async () => {
    const prompt = await json<Entry>(
      await solo.request('/api/v1/journal', { method: 'POST', body: { body: 'What drained me this week' } }),
      201,
    );
    expect(prompt).toMatchObject({ relationshipId: null, kind: 'free' });
    const decision = await json<Entry>(
      await solo.request('/api/v1/journal', {
        method: 'POST',
        body: {
          decision: {
            decision: 'Take the lead role',
            options: 'Lead, stay, leave',
            expectation: 'More scope in 3 months',
          },
        },
      }),
      201,
    );
    expect(decision.kind).toBe('decision');
    const listed = await json<{ entries: Entry[] }>(await solo.request('/api/v1/journal'), 200);
    expect(listed.entries.map((e) => e.id).sort()).toEqual([prompt.id, decision.id].sort());
  });

  it.each(['sharedWithGuide', 'pinnedForNextSession'])(
    'refuses %s on a new entry without a relationship, writing nothing',
    async (flag) => {
      const before = await t.database.db
        .select()
        .from(journalEntries)
        .where(eq(journalEntries.userId, solo.userId));
      const response = await solo.request('/api/v1/journal', {
        method: 'POST',
        body: { body: 'For nobody', [flag]: true },
      });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ code: 'no-relationship', field: flag });
      const after = await t.database.db
        .select()
        .from(journalEntries)
        .where(eq(journalEntries.userId, solo.userId));
      expect(after.length).toBe(before.length);
    },
  );

  it('refuses sharing an existing self-coaching entry later', async () => {
    const entry = await json<Entry>(
      await solo.request('/api/v1/journal', { method: 'POST', body: { body: 'Private thought' } }),
      201,
    );
    const response = await solo.request(`/api/v1/journal/${entry.id}`, {
      method: 'PATCH',
      body: { sharedWithGuide: true },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'no-relationship', field: 'sharedWithGuide' });
  });
});
