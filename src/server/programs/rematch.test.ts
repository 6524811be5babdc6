import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptProposals,
  confirmPrograms,
  createProgramCohort,
  guideRow,
  importRows,
  memberRow,
  runAndPublish,
} from '../../../test/support/program-fixtures';
import { json } from '../../../test/support/relationship-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { applications, relationships } from '../db/schema';

// Issue 16 §7: rematch mid-cohort with the fewest changes. Three pairs are running; one ends (its pair
// blocked for the rematch) and a new member joins. The rematch keeps the two running pairs, gives the
// free seat to the newcomer (the member whose pair ended may not go back to the same guide), says who
// moves, and publishes through the same consent flow: only the new pair is proposed.
let t: TestApp;
let admin: Member;
let cohortId: string;
const members: Member[] = [];
const guides: Member[] = [];
let newcomer: Member;
let ended: { relationshipId: string; member: Member; guideName: string };

type Move = {
  memberName: string;
  from: { guideName: string } | null;
  to: { guideName: string } | null;
};
type Run = {
  id: string;
  matches: { memberName: string; guideName: string }[];
  rematch: { current: number; kept: number; moves: Move[] } | null;
  comparison: { mode: string; proved: boolean; summary: string }[];
  publishedAt: string | null;
};

const pairsNow = async () =>
  t.database.db
    .select({
      id: relationships.id,
      memberId: relationships.memberId,
      guideId: relationships.guideId,
      status: relationships.status,
    })
    .from(relationships)
    .where(eq(relationships.cohortId, cohortId));

beforeAll(async () => {
  t = await createTestApp(new Date('2027-02-10T09:00:00Z'));
  admin = await signUp(t, 'Rita Admin');
  cohortId = await createProgramCohort(admin, 'Rematch League');
  for (const name of ['Ana Member', 'Ben Member', 'Cy Member']) members.push(await signUp(t, name));
  for (const name of ['Gia Guide', 'Hal Guide', 'Ivy Guide'])
    guides.push(await signUp(t, name, 'Europe/London'));
  await importRows(
    admin,
    cohortId,
    'member',
    members.map((m) => memberRow(m)),
  );
  await importRows(
    admin,
    cohortId,
    'guide',
    guides.map((g) => guideRow(g, 1)),
  );
  for (const person of [...members, ...guides]) await confirmPrograms(person);
  const { response } = await runAndPublish(admin, cohortId);
  expect((await json<{ proposed: number }>(response, 200)).proposed).toBe(3);
  for (const person of [...members, ...guides]) await acceptProposals(person);
  expect((await pairsNow()).map((p) => p.status)).toEqual(['active', 'active', 'active']);

  // Three weeks in, Ben's pair ends and Dan joins.
  t.clock.advanceDays(21);
  const benPair = (await pairsNow()).find((p) => p.memberId === members[1]?.userId);
  const benGuide = guides.find((g) => g.userId === benPair?.guideId);
  ended = {
    relationshipId: benPair?.id ?? '',
    member: members[1] as Member,
    guideName: benGuide?.name ?? '',
  };
  await json(
    await admin.request(`/api/v1/cohorts/${cohortId}/pairs/${ended.relationshipId}/close`, {
      method: 'POST',
      body: { reason: 'schedule' },
    }),
    200,
  );
  newcomer = await signUp(t, 'Dan Newcomer');
  await importRows(admin, cohortId, 'member', [memberRow(newcomer)]);
  await confirmPrograms(newcomer);
});
afterAll(() => t.close());

describe('rematch mid-cohort', () => {
  it('is for the program’s admins only: 404 for anyone else, the cohort’s own people included', async () => {
    const stranger = await signUp(t, 'Sam Stranger');
    for (const person of [stranger, members[0] as Member, guides[0] as Member, newcomer]) {
      const response = await person.request(`/api/v1/cohorts/${cohortId}/rematch`, { method: 'POST' });
      expect(response.status, person.name).toBe(404);
    }
    const runs = await t.database.db.query.matchRuns.findMany({
      where: (run, { eq: equals }) => equals(run.cohortId, cohortId),
    });
    expect(runs).toHaveLength(3); // the first press only: nothing was stored for them
  });

  it('keeps every running pair, fills the free seat, says who moves, and proves it', async () => {
    const before = await pairsNow();
    const run = await json<Run>(
      await admin.request(`/api/v1/cohorts/${cohortId}/rematch`, { method: 'POST' }),
      201,
    );
    expect(run.rematch).toMatchObject({ current: 2, kept: 2 });
    expect(run.rematch?.moves).toEqual([
      {
        memberApplicationId: expect.any(String),
        memberName: 'Dan Newcomer',
        from: null,
        to: { guideApplicationId: expect.any(String), guideName: ended.guideName },
      },
    ]);
    // The running pairs are in the run as they are; Ben is not sent back to the guide of his ended pair.
    const nameOf = (id: string | null) => [...members, ...guides].find((m) => m.userId === id)?.name;
    for (const pair of before.filter((p) => p.status === 'active')) {
      expect(run.matches).toContainEqual(
        expect.objectContaining({ memberName: nameOf(pair.memberId), guideName: nameOf(pair.guideId) }),
      );
    }
    expect(run.matches.find((m) => m.memberName === 'Ben Member')).toBeUndefined();
    expect(run.comparison).toHaveLength(1);
    expect(run.comparison[0]?.proved).toBe(true);
    expect(run.comparison[0]?.summary).toMatch(/^Kept 2 of 2 current pairs; 1 person moves\./);
    // It is the run the cohort page opens on.
    const latest = await json<Run>(await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/latest`), 200);
    expect(latest.id).toBe(run.id);
    expect(latest.rematch?.kept).toBe(2);
    // Computing a rematch changes no pair until it is published.
    expect(await pairsNow()).toEqual(before);
  });

  it('publishes through the consent flow: only the new pair is proposed, and starts when both accept', async () => {
    const latest = await json<Run>(await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/latest`), 200);
    const published = await json<{ proposed: number }>(
      await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/${latest.id}/publish`, { method: 'POST' }),
      200,
    );
    expect(published.proposed).toBe(1);
    const after = await pairsNow();
    const proposed = after.filter((p) => p.status === 'proposed');
    expect(proposed.map((p) => p.memberId)).toEqual([newcomer.userId]);
    expect(after.filter((p) => p.status === 'active')).toHaveLength(2);
    const guide = guides.find((g) => g.name === ended.guideName) as Member;
    expect(await acceptProposals(newcomer)).toBe(1);
    expect(await acceptProposals(guide)).toBe(1);
    const [pair] = await t.database.db
      .select({ status: relationships.status })
      .from(relationships)
      .where(and(eq(relationships.id, proposed[0]?.id ?? ''), eq(relationships.cohortId, cohortId)));
    expect(pair?.status).toBe('active');
  });

  it('moves the member of a pair the admin blocked, and names where they were', async () => {
    // Ana's guide is blocked for her: she cannot be kept, and every other seat is held by a kept pair,
    // so she waits; her guide's seat goes to Ben, who was waiting since his pair ended.
    const anaPair = (await pairsNow()).find(
      (p) => p.memberId === members[0]?.userId && p.status === 'active',
    );
    const apps = await t.database.db.select().from(applications).where(eq(applications.cohortId, cohortId));
    const appOf = (role: string, userId: string | null | undefined) =>
      apps.find((a) => a.role === role && a.confirmedBy === userId)?.id ?? '';
    t.clock.advanceDays(7);
    const response = await admin.request(`/api/v1/cohorts/${cohortId}/overrides`, {
      method: 'POST',
      body: {
        memberApplicationId: appOf('member', anaPair?.memberId),
        guideApplicationId: appOf('guide', anaPair?.guideId),
        decision: 'block',
      },
    });
    expect(response.status).toBe(204);
    const run = await json<Run>(
      await admin.request(`/api/v1/cohorts/${cohortId}/rematch`, { method: 'POST' }),
      201,
    );
    const anaGuide = guides.find((g) => g.userId === anaPair?.guideId)?.name;
    expect(run.rematch).toMatchObject({ current: 3, kept: 2 });
    expect(
      run.rematch?.moves.map((m) => [m.memberName, m.from?.guideName ?? null, m.to?.guideName ?? null]),
    ).toEqual([
      ['Ana Member', anaGuide, null],
      ['Ben Member', null, anaGuide],
    ]);
  });
});
