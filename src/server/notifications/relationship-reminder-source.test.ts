import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, localIn, startPair } from '../../../test/support/relationship-fixtures';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { relationshipReminderSource } from './relationship-reminder-source';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the reminder sweep reads real relationships', () => {
  it('gives each active relationship its facts: people, cadence, booked sessions and their agendas', async () => {
    const { member, guide, relationshipId } = await startPair(t, { terms: { cadence: 'weekly' } });
    await json(
      await member.request(`/api/v1/relationships/${relationshipId}/sessions`, {
        method: 'POST',
        body: { localStart: localIn(t.clock.now, 9, 15), timeZone: 'Europe/Berlin', template: 'first' },
      }),
      201,
    );
    const inputs = await relationshipReminderSource(t.database.db)(t.clock.now);
    const mine = inputs.find((input) => input.facts.relationshipId === relationshipId);
    expect(mine?.people).toEqual({ member: member.userId, guide: guide.userId });
    expect(mine?.facts.cadence).toBe('weekly');
    expect(mine?.facts.upcomingSessions).toEqual([expect.objectContaining({ agendaSet: false })]);
    expect(mine?.facts.lastHeldSession).toBeNull();
  });
});
