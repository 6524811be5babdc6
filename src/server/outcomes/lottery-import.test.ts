import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgramCohort } from '../../../test/support/program-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { drawLottery } from '../../domain/outcomes/lottery';
import { applications, outcomeValues } from '../db/schema';

let t: TestApp;
let admin: Member;
let stranger: Member;
let cohortId: string;
const emails = Array.from({ length: 12 }, (_, i) => `lot-${i}-${Date.now()}@example.test`);
let ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, 'Lotte Admin');
  stranger = await signUp(t, 'Stan Stranger');
  cohortId = await createProgramCohort(admin, 'Lottery League');
  const rows = await t.database.db
    .insert(applications)
    .values(
      emails.map((email, i) => ({
        cohortId,
        role: 'member' as const,
        email,
        name: `Applicant ${i}`,
        profile: {} as never,
      })),
    )
    .returning({ id: applications.id });
  ids = rows.map((r) => r.id);
});
afterAll(() => t.close());

const draw = (who: Member, body: unknown) =>
  who.request(`/api/v1/cohorts/${cohortId}/lottery`, { method: 'POST', body });

describe('lottery', () => {
  it('refuses a cohort that is not oversubscribed with a 409 and a sentence', async () => {
    const response = await draw(admin, { seats: 12 });
    expect(response.status).toBe(409);
    const problem = (await response.json()) as { code: string; detail?: string; title?: string };
    expect(problem.code).toBe('not-oversubscribed');
    expect(JSON.stringify(problem)).toContain('12 applied for 12 seats');
  });

  it('is for admins only', async () => {
    expect((await draw(stranger, { seats: 5 })).status).toBe(404);
    expect((await stranger.request(`/api/v1/cohorts/${cohortId}/lottery`)).status).toBe(404);
  });

  it('draws reproducibly: same seed, same draw; recorded once', async () => {
    const response = await draw(admin, { seats: 5, seed: 'spring-2027' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { selected: string[]; waiting: string[] };
    expect(body.selected).toEqual(drawLottery([...ids].reverse(), 5, 'spring-2027').selected);
    expect(body.waiting).toHaveLength(7);
    const stored = (await (await admin.request(`/api/v1/cohorts/${cohortId}/lottery`)).json()) as {
      selected: string[];
      reproduces: boolean;
    };
    expect(stored.selected).toEqual(body.selected);
    expect(stored.reproduces).toBe(true);
    expect((await draw(admin, { seats: 5 })).status).toBe(409);
  });
});

describe('outcome CSV import', () => {
  const importCsv = (csv: string) =>
    admin.request(`/api/v1/cohorts/${cohortId}/outcomes/import`, { method: 'POST', body: { csv } });

  it('lists unknown people, bad values and duplicates, and imports nothing', async () => {
    const csv = [
      'email,measure,value',
      `${emails[0]},promoted,yes`,
      'nobody@example.test,promoted,yes',
      `${emails[1]},promoted,perhaps`,
      `${emails[0]},promoted,no`,
    ].join('\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { code: string; errors?: { field: string }[] };
    expect(problem.code).toBe('invalid-rows');
    expect(JSON.stringify(problem)).toContain('Line 3, email');
    expect(JSON.stringify(problem)).toContain('Line 4, value');
    expect(JSON.stringify(problem)).toContain('Line 5, email: a duplicate of line 2');
    const stored = await t.database.db
      .select()
      .from(outcomeValues)
      .where(eq(outcomeValues.cohortId, cohortId));
    expect(stored).toHaveLength(0);
  });

  it('imports the fixed file; the effect is then randomised, without the caveat', async () => {
    const selected = new Set(
      ((await (await admin.request(`/api/v1/cohorts/${cohortId}/lottery`)).json()) as { selected: string[] })
        .selected,
    );
    const csv = [
      'email,measure,value',
      ...emails.map(
        (email, i) => `${email},promoted,${selected.has(ids[i] ?? '') ? 'yes' : i % 3 === 0 ? 'yes' : 'no'}`,
      ),
    ].join('\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ imported: 12, measures: ['promoted'] });
    const outcomes = (await (await admin.request(`/api/v1/cohorts/${cohortId}/outcomes`)).json()) as {
      effect: {
        randomised: boolean;
        label: string | null;
        measures: { effect: { difference: number; sentence: string } | null }[];
      };
    };
    expect(outcomes.effect.randomised).toBe(true);
    expect(outcomes.effect.label).toBeNull();
    const effect = outcomes.effect.measures[0]?.effect;
    expect(effect?.difference).toBeGreaterThan(0);
    expect(effect?.sentence).toMatch(/^\+\d+ points, likely between [+-]?\d+ and \+\d+$/);
  });
});
