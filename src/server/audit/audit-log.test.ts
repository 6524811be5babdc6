import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';
import { auditEvents } from '../db/schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Page = { events: { id: string; action: string; target: string; actorName: string | null }[] };

async function newProgram(admin: Awaited<ReturnType<typeof signUp>>) {
  const response = await admin.request('/api/v1/programs', {
    method: 'POST',
    body: { name: 'Audit League' },
  });
  expect(response.status).toBe(201);
  const program = (await response.json()) as { id: string };
  const cohort = await admin.request(`/api/v1/programs/${program.id}/cohorts`, {
    method: 'POST',
    body: {
      name: 'Audit Spring',
      applicationsOpen: '2027-01-05',
      applicationsClose: '2027-01-31',
      matchingOn: '2027-02-03',
      startsOn: '2027-02-10',
      endsOn: '2027-06-30',
    },
  });
  expect(cohort.status).toBe(201);
  return { programId: program.id, cohortId: ((await cohort.json()) as { id: string }).id };
}

function signIn(email: string, password: string) {
  return t.app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
    body: JSON.stringify({ email, password }),
  });
}

describe('what the audit log records', () => {
  it('records program creation, the first admin, exports and a published match run for the program admin to read', async () => {
    const admin = await signUp(t, 'Ada Admin');
    const { programId, cohortId } = await newProgram(admin);
    expect((await admin.request(`/api/v1/cohorts/${cohortId}/applications/export?role=member`)).status).toBe(
      200,
    );
    expect((await admin.request(`/api/v1/cohorts/${cohortId}/dashboard/export`)).status).toBe(200);
    const run = await admin.request(`/api/v1/cohorts/${cohortId}/match-runs`, { method: 'POST' });
    expect(run.status).toBe(201);
    const runId = ((await run.json()) as { id: string }).id;
    const published = await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/${runId}/publish`, {
      method: 'POST',
    });
    expect(published.status).toBe(200);

    const page = await admin.request(`/api/v1/programs/${programId}/audit-events`);
    expect(page.status).toBe(200);
    const { events } = (await page.json()) as Page;
    expect(events.map((e) => e.action).sort()).toEqual(
      [
        'export.applications',
        'export.pair-health',
        'match-run.published',
        'program-admin.added',
        'program.created',
      ].sort(),
    );
    expect(events.find((e) => e.action === 'match-run.published')?.target).toBe(`match-run:${runId}`);
    expect(events.every((e) => e.actorName === 'Ada Admin')).toBe(true);

    const csv = await admin.request(`/api/v1/programs/${programId}/audit-events/export`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('occurredAt,actorId,actorName,action,target,programId,meta');
    expect(lines).toHaveLength(6);
    expect(lines.some((line) => line.includes('match-run.published'))).toBe(true);
  });

  it('records sign-in successes and failures without the password', async () => {
    const person = await signUp(t, 'Sam Signin');
    expect((await signIn(person.email, 'wrong-password-here')).status).toBe(401);
    expect((await signIn(person.email, 'correct-horse-battery')).status).toBe(200);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.target} in (${`email:${person.email}`}, ${`user:${person.userId}`})`);
    const failed = rows.filter((r) => r.action === 'sign-in.failed');
    const succeeded = rows.filter((r) => r.action === 'sign-in.succeeded');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.actorId).toBeNull();
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]?.actorId).toBe(person.userId);
    expect(JSON.stringify(rows)).not.toContain('wrong-password-here');
  });

  it('records a growth-record export against the person', async () => {
    const person = await signUp(t, 'Gia Growth');
    expect((await person.request('/api/v1/growth-record')).status).toBe(200);
    const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorId, person.userId));
    expect(rows.map((r) => r.action)).toContain('export.growth-record');
  });
});

describe('attacks on the audit log', () => {
  it('a person who is not the program admin gets 404 for the log and its export', async () => {
    const admin = await signUp(t, 'Owner Olga');
    const outsider = await signUp(t, 'Nosy Nick');
    const { programId } = await newProgram(admin);
    for (const path of [
      `/api/v1/programs/${programId}/audit-events`,
      `/api/v1/programs/${programId}/audit-events/export`,
    ]) {
      const refused = await outsider.request(path);
      expect(refused.status).toBe(404);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    const anonymous = await t.app.request(`/api/v1/programs/${programId}/audit-events`);
    expect(anonymous.status).toBe(401);
  });

  it('no route changes or deletes an entry', async () => {
    const admin = await signUp(t, 'Mallory Admin');
    const { programId } = await newProgram(admin);
    const { events } = (await (
      await admin.request(`/api/v1/programs/${programId}/audit-events`)
    ).json()) as Page;
    const first = events[0];
    if (!first) throw new Error('expected an event');
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      for (const path of [
        `/api/v1/programs/${programId}/audit-events`,
        `/api/v1/programs/${programId}/audit-events/${first.id}`,
      ]) {
        const response = await admin.request(path, { method, body: { action: 'nothing' } });
        expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${method} ${path}`).toBeLessThan(500);
      }
    }
    const after = (await (await admin.request(`/api/v1/programs/${programId}/audit-events`)).json()) as Page;
    expect(after.events).toEqual(events);
  });

  it('even SQL through the app cannot update, delete or truncate an entry', async () => {
    const admin = await signUp(t, 'Trent Trigger');
    const { programId } = await newProgram(admin);
    const db = t.database.db;
    const refusal = async (attempt: Promise<unknown>) => {
      const error: unknown = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      // drizzle wraps the database's error; the trigger's sentence is the cause.
      return error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    };
    expect(
      await refusal(
        db
          .update(auditEvents)
          .set({ action: 'sign-in.succeeded' })
          .where(eq(auditEvents.programId, programId)),
      ),
    ).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(db.delete(auditEvents).where(eq(auditEvents.programId, programId)))).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await refusal(db.execute(sql`truncate audit_events`))).toMatch(/append-only: TRUNCATE refused/);
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.programId, programId));
    expect(rows.map((r) => r.action).sort()).toEqual(['program-admin.added', 'program.created']);
  });
});
