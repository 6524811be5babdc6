import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgramCohort } from '../../../test/support/program-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import {
  actions,
  applications,
  cohorts,
  matchOverrides,
  outcomeValues,
  pairEndings,
  pulseCheckIns,
  relationshipMessages,
  relationships,
  sessions,
  user,
} from '../db/schema';

const DAY = 86_400_000;
let t: TestApp;
let admin: Member;
let stranger: Member;
let member: Member;
let guide: Member;
let cohortId: string;
let programId: string;
let riskyPair: string;
const ago = (days: number) => new Date(t.clock.now.getTime() - days * DAY);

type Guarded = { suppressed: boolean; value?: unknown; label?: string };
type Outcomes = {
  funnel: {
    stages: { stage: string; count: Guarded }[];
    timing: { daysToMatch: Guarded; daysToFirstSession: Guarded };
    earlyEndings: { total: Guarded; reasons: { reason: string; count: Guarded }[] };
  };
  pulse: { month: string; people: Guarded; relationship: Guarded }[];
  effect: {
    randomised: boolean;
    label: string | null;
    measures: { measure: string; effect: { difference: number; sentence: string } | null }[];
  };
};

// 16 members applied 100 days ago; 10 were matched 5 days later and started at day 0 (= 90 days ago) with
// a first session 10 days in; two ended early (reason: schedule) 70 days in; 6 are waiting. The first
// pair has gone quiet: no next step, the member's message unanswered for 9 days, a low pulse.
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  admin = await signUp(t, 'Olga Admin');
  stranger = await signUp(t, 'Stan Stranger');
  member = await signUp(t, 'Mia Member');
  guide = await signUp(t, 'Gus Guide');
  cohortId = await createProgramCohort(admin, 'Outcomes League');
  const [cohort] = await db
    .select({ programId: cohorts.programId })
    .from(cohorts)
    .where(eq(cohorts.id, cohortId));
  programId = cohort?.programId ?? '';
  for (let i = 0; i < 16; i += 1) {
    const memberId = i === 0 ? member.userId : `oc-m${i}`;
    const guideId = i === 0 ? guide.userId : `oc-g${i}`;
    if (i > 0) {
      await db.insert(user).values([
        { id: memberId, name: `Member ${i}`, email: `${memberId}@example.test` },
        { id: guideId, name: `Guide ${i}`, email: `${guideId}@example.test` },
      ]);
    }
    const [application] = await db
      .insert(applications)
      .values({
        cohortId,
        role: 'member',
        email: `${memberId}@example.test`,
        name: `Member ${i}`,
        profile: {} as never,
        status: 'confirmed',
        confirmedBy: memberId,
        createdAt: ago(100),
      })
      .returning({ id: applications.id });
    const matched = i < 10;
    await db.insert(outcomeValues).values({
      cohortId,
      applicationId: application?.id ?? '',
      measure: 'promoted at 12 months',
      scale: 'binary',
      value: matched ? (i < 7 ? 1 : 0) : i === 10 ? 1 : 0,
      importedAt: t.clock.now,
    });
    if (!matched) continue;
    const endedEarly = i === 8 || i === 9;
    const [rel] = await db
      .insert(relationships)
      .values({
        memberId,
        guideId,
        invitedBy: memberId,
        inviteeEmail: `${guideId}@example.test`,
        inviteTokenHash: `oc-token-${i}-${Date.now()}`,
        kind: 'mentoring',
        framing: 'time-framed',
        status: endedEarly ? 'closed' : 'active',
        createdAt: ago(95),
        acceptedAt: ago(90),
        closedAt: endedEarly ? ago(20) : null,
        plannedEndDate: new Date(t.clock.now.getTime() + 90 * DAY).toISOString().slice(0, 10),
        cohortId,
      })
      .returning({ id: relationships.id });
    const relationshipId = rel?.id ?? '';
    if (i === 0) riskyPair = relationshipId;
    if (endedEarly) {
      await db.insert(pairEndings).values({ relationshipId, reason: 'schedule', createdAt: ago(20) });
    }
    await db.insert(sessions).values({
      relationshipId,
      startsAt: ago(80),
      endsAt: new Date(ago(80).getTime() + 3_600_000),
      bookedTimeZone: 'UTC',
      template: 'first',
      status: 'held',
      createdBy: memberId,
      createdAt: ago(85),
    });
    if (i !== 0) {
      await db.insert(actions).values({
        relationshipId,
        ownerId: memberId,
        kind: 'practical',
        title: 'Draft the plan',
        createdAt: ago(5),
        updatedAt: ago(5),
      });
    } else {
      await db.insert(relationshipMessages).values({
        relationshipId,
        authorId: memberId,
        body: 'secret words nobody else may read',
        createdAt: ago(9),
      });
    }
    if (i < 6) {
      await db.insert(pulseCheckIns).values({
        relationshipId,
        userId: memberId,
        round: 0,
        relationshipScore: i === 0 ? 1 : 4,
        progressScore: 4,
        wouldRecommend: i !== 0,
        comment: i === 0 ? 'private comment for the contact' : null,
        answeredAt: ago(60),
      });
    }
  }
});
afterAll(() => t.close());

const stage = (o: Outcomes, name: string) => o.funnel.stages.find((s) => s.stage === name)?.count;

describe('cohort and program outcomes', () => {
  it('gives the funnel with counts per stage, suppressing those under 5', async () => {
    const response = await admin.request(`/api/v1/cohorts/${cohortId}/outcomes`);
    expect(response.status).toBe(200);
    const o = (await response.json()) as Outcomes;
    expect(stage(o, 'applied')).toEqual({ suppressed: false, value: 16 });
    expect(stage(o, 'matched')).toEqual({ suppressed: false, value: 10 });
    expect(stage(o, 'first-session')).toEqual({ suppressed: false, value: 10 });
    expect(stage(o, 'active-day-30')).toEqual({ suppressed: false, value: 10 });
    expect(stage(o, 'active-day-90')).toEqual({ suppressed: false, value: 8 });
    expect(stage(o, 'ended-early')).toEqual({ suppressed: true, label: 'fewer than 5' });
    expect(o.funnel.earlyEndings.reasons).toEqual([
      { reason: 'schedule', count: { suppressed: true, label: 'fewer than 5' } },
    ]);
    expect(o.funnel.timing.daysToMatch).toEqual({
      suppressed: false,
      value: { median: 5, p25: 5, p75: 5, count: 10 },
    });
    expect(o.funnel.timing.daysToFirstSession).toEqual({
      suppressed: false,
      value: { median: 10, p25: 10, p75: 10, count: 10 },
    });
  });

  it('keeps time to first session right as held sessions appear, change state, move and go', async () => {
    const db = t.database.db;
    const pairs = await db
      .select({ id: relationships.id, memberId: relationships.memberId })
      .from(relationships)
      .where(eq(relationships.cohortId, cohortId));
    const firstSessionDays = async () => {
      const o = (await (await admin.request(`/api/v1/cohorts/${cohortId}/outcomes`)).json()) as Outcomes;
      return (o.funnel.timing.daysToFirstSession as { value: { median: number } }).value.median;
    };
    const early = await db
      .insert(sessions)
      .values(
        pairs.map((pair) => ({
          relationshipId: pair.id,
          startsAt: ago(88),
          endsAt: new Date(ago(88).getTime() + 3_600_000),
          bookedTimeZone: 'UTC',
          template: 'first' as const,
          status: 'held' as const,
          createdBy: pair.memberId ?? '',
          createdAt: ago(89),
        })),
      )
      .returning({ id: sessions.id });
    const earlyIds = early.map((row) => row.id);
    expect(await firstSessionDays()).toBe(2);
    await db.update(sessions).set({ status: 'cancelled' }).where(inArray(sessions.id, earlyIds));
    expect(await firstSessionDays()).toBe(10);
    await db
      .update(sessions)
      .set({ status: 'held', startsAt: ago(86), endsAt: new Date(ago(86).getTime() + 3_600_000) })
      .where(inArray(sessions.id, earlyIds));
    expect(await firstSessionDays()).toBe(4);
    await db.delete(sessions).where(inArray(sessions.id, earlyIds));
    expect(await firstSessionDays()).toBe(10);
  });

  it('gives pulse per month over 5+ people and the effect, labelled without a lottery', async () => {
    const o = (await (await admin.request(`/api/v1/programs/${programId}/outcomes`)).json()) as Outcomes;
    expect(o.pulse).toHaveLength(1);
    expect(o.pulse[0]?.people).toEqual({ suppressed: false, value: 6 });
    expect(o.pulse[0]?.relationship).toEqual({ suppressed: false, value: 3.5 });
    expect(o.effect.randomised).toBe(false);
    expect(o.effect.label).toBe('not randomised: may reflect who applied');
    const promoted = o.effect.measures.find((m) => m.measure === 'promoted at 12 months');
    // 7 of 10 matched vs 1 of 6 waiting: +53 points.
    expect(promoted?.effect?.difference).toBe(53);
    expect(promoted?.effect?.sentence).toMatch(
      /^\+53 points, likely between .* \(not randomised: may reflect who applied\)$/,
    );
    expect(JSON.stringify(o)).not.toContain('private comment');
  });

  it('suppresses every figure of a cohort of fewer than 5', async () => {
    const small = await createProgramCohort(admin, 'Tiny');
    const o = (await (await admin.request(`/api/v1/cohorts/${small}/outcomes`)).json()) as Outcomes;
    expect(o.funnel.stages.every((s) => s.count.suppressed && s.count.label === 'fewer than 5')).toBe(true);
    expect(o.funnel.timing.daysToMatch.suppressed).toBe(true);
  });

  it('is for the program’s admins only: 404 for anyone else, the pair’s own people included', async () => {
    for (const person of [stranger, member, guide]) {
      expect((await person.request(`/api/v1/cohorts/${cohortId}/outcomes`)).status).toBe(404);
      expect((await person.request(`/api/v1/programs/${programId}/outcomes`)).status).toBe(404);
      expect((await person.request(`/api/v1/cohorts/${cohortId}/at-risk`)).status).toBe(404);
      const nudge = await person.request(`/api/v1/cohorts/${cohortId}/pairs/${riskyPair}/repair`, {
        method: 'POST',
        body: { kind: 'nudge' },
      });
      expect(nudge.status).toBe(404);
    }
  });
});

describe('early warning and repair', () => {
  it('lists the quiet pair at risk, each signal with its reason, and no content', async () => {
    const response = await admin.request(`/api/v1/cohorts/${cohortId}/at-risk`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      pairs: { relationshipId: string; level: string; signals: { code: string; reason: string }[] }[];
    };
    const pair = body.pairs.find((p) => p.relationshipId === riskyPair);
    expect(pair?.level).toBe('at-risk');
    expect(pair?.signals.map((s) => s.code).sort()).toEqual([
      'guide-slow-to-answer',
      'low-pulse',
      'no-next-step',
      'unanswered-messages',
    ]);
    expect(pair?.signals.find((s) => s.code === 'unanswered-messages')?.reason).toBe(
      "A message from the member has waited 9 days for the guide's answer.",
    );
    expect(body.pairs.filter((p) => p.level === 'at-risk')).toHaveLength(1);
    const text = JSON.stringify(body);
    expect(text).not.toContain('secret words');
    expect(text).not.toContain('private comment');
  });

  it('nudges both people once a day; the pair sees it', async () => {
    const path = `/api/v1/cohorts/${cohortId}/pairs/${riskyPair}/repair`;
    const first = await admin.request(path, { method: 'POST', body: { kind: 'nudge' } });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ notified: 2 });
    for (const person of [member, guide]) {
      const list = await (await person.request('/api/v1/notifications')).text();
      expect(list).toContain('Your program team noticed your pair has gone quiet');
    }
    const again = await admin.request(path, { method: 'POST', body: { kind: 'nudge' } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('already-sent-today');
    const offer = await admin.request(path, { method: 'POST', body: { kind: 'check-in-offer' } });
    expect(offer.status).toBe(201);
    const atRisk = (await (await admin.request(`/api/v1/cohorts/${cohortId}/at-risk`)).json()) as {
      pairs: { relationshipId: string; lastRepairStep: { kind: string } | null }[];
    };
    expect(atRisk.pairs.find((p) => p.relationshipId === riskyPair)?.lastRepairStep?.kind).toBe(
      'check-in-offer',
    );
  });

  it('refuses a bad step with a 422 naming the field', async () => {
    const response = await admin.request(`/api/v1/cohorts/${cohortId}/pairs/${riskyPair}/repair`, {
      method: 'POST',
      body: { kind: 'shout' },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { field: string }).field).toBe('kind');
  });
});

describe('graceful close', () => {
  it('closes with a structured reason, counts it, and blocks the pair for the rematch', async () => {
    const db = t.database.db;
    const [pair] = await db.select().from(relationships).where(eq(relationships.memberId, 'oc-m1'));
    const relationshipId = pair?.id ?? '';
    await db.insert(applications).values({
      cohortId,
      role: 'guide',
      email: 'oc-g1@example.test',
      name: 'Guide 1',
      profile: {} as never,
      status: 'confirmed',
      confirmedBy: 'oc-g1',
    });
    const path = `/api/v1/cohorts/${cohortId}/pairs/${relationshipId}/close`;
    expect((await stranger.request(path, { method: 'POST', body: { reason: 'fit' } })).status).toBe(404);
    expect((await admin.request(path, { method: 'POST', body: { reason: 'boredom' } })).status).toBe(422);
    const response = await admin.request(path, { method: 'POST', body: { reason: 'fit' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ closed: true, blockedForRematch: true });
    expect((await admin.request(path, { method: 'POST', body: { reason: 'fit' } })).status).toBe(409);
    const [ending] = await db
      .select()
      .from(pairEndings)
      .where(eq(pairEndings.relationshipId, relationshipId));
    expect(ending?.reason).toBe('fit');
    const blocks = await db.select().from(matchOverrides).where(eq(matchOverrides.cohortId, cohortId));
    expect(blocks.map((b) => b.decision)).toEqual(['block']);
    const o = (await (await admin.request(`/api/v1/cohorts/${cohortId}/outcomes`)).json()) as Outcomes;
    expect(o.funnel.earlyEndings.reasons.map((r) => r.reason).sort()).toEqual(['fit', 'schedule']);
  });
});
