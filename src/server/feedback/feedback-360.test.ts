import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgramCohort } from '../../../test/support/program-fixtures';
import { json, type Pair, startPair } from '../../../test/support/relationship-fixtures';
import {
  createTestApp,
  fromAddress,
  type Member,
  signUp,
  type TestApp,
  uniqueAddress,
} from '../../../test/support/test-app';
import { feedbackAnswers, feedbackRequests, goals, outboxMessages, relationships, user } from '../db/schema';

// Before/after 360: the same givers asked the same questions at the start and near the end.
let t: TestApp;
let pair: Pair;
let goalId: string;
afterAll(() => t.close());
beforeAll(async () => {
  t = await createTestApp();
  pair = await startPair(t);
  goalId = (
    await json<{ id: string }>(
      await pair.member.request('/api/v1/goals', {
        method: 'POST',
        body: { title: 'Stay calm when challenged by June', category: 'eq', targetDate: '2027-06-30' },
      }),
      201,
    )
  ).id;
});

const calm = 'In our Monday team meeting, how calm did I stay when my plan was challenged?';
const listen = 'When you raised a concern last week, did I listen before answering?';
type Created = {
  request: {
    id: string;
    question: string;
    giverName: string;
    giverEmail: string | null;
    scale: boolean;
    round360: string | null;
    beforeRequestId: string | null;
  };
  token: string;
  path: string;
};

async function ask(member: Member, body: Record<string, unknown>): Promise<Created> {
  return json<Created>(
    await member.request('/api/v1/feedback-requests', {
      method: 'POST',
      body: { goalId, question: calm, giverName: 'Sam', scale: true, ...body },
    }),
    201,
  );
}
const markBefore = (member: Member, requestId: string, relationshipId: string) =>
  member.request(`/api/v1/feedback-requests/${requestId}/before`, {
    method: 'POST',
    body: { relationshipId },
  });
const askAgain = (member: Member, requestId: string) =>
  member.request(`/api/v1/feedback-requests/${requestId}/after`, { method: 'POST' });
const giverAnswers = (token: string, answer: string, rating: number | null) =>
  t.app.request(
    `/api/v1/public/feedback/${token}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ answer, rating }),
    },
    fromAddress(uniqueAddress()),
  );

describe('asking the same people again', () => {
  it('copies the giver, the question and the scale into the after, linked to its before, once', async () => {
    const before = await ask(pair.member, { giverName: 'Kim', giverEmail: 'kim-360@example.test' });
    const marked = await json<{ round360: string; round360RelationshipId: string }>(
      await markBefore(pair.member, before.request.id, pair.relationshipId),
      200,
    );
    expect(marked).toMatchObject({ round360: 'before', round360RelationshipId: pair.relationshipId });
    const after = await json<Created>(await askAgain(pair.member, before.request.id), 201);
    expect(after.request).toMatchObject({
      question: calm,
      giverName: 'Kim',
      giverEmail: 'kim-360@example.test',
      scale: true,
      round360: 'after',
      beforeRequestId: before.request.id,
    });
    expect(after.token).not.toBe(before.token);
    const mails = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.to, 'kim-360@example.test'))
      .orderBy(outboxMessages.seq);
    expect(mails).toHaveLength(2);
    expect(mails.at(-1)?.text).toContain(after.path);

    const second = await askAgain(pair.member, before.request.id);
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ code: 'after-already-asked' });
    expect((await markBefore(pair.member, after.request.id, pair.relationshipId)).status).toBe(409);
  });

  it('refuses the after of a request that is not a before, or that is someone else’s', async () => {
    const plain = await ask(pair.member, {});
    const notBefore = await askAgain(pair.member, plain.request.id);
    expect(notBefore.status).toBe(422);
    expect(await notBefore.json()).toMatchObject({ code: 'not-a-before' });
    await json(await markBefore(pair.member, plain.request.id, pair.relationshipId), 200);
    const stranger = await signUp(t, 'Stan Stranger');
    expect((await askAgain(stranger, plain.request.id)).status).toBe(404);
    expect((await askAgain(pair.guide, plain.request.id)).status).toBe(404);
    const other = await startPair(t);
    const notMine = await markBefore(pair.member, plain.request.id, other.relationshipId);
    expect(notMine.status).toBe(422);
    expect(await notMine.json()).toMatchObject({ code: 'unknown-relationship' });
    expect((await markBefore(pair.guide, plain.request.id, pair.relationshipId)).status).toBe(404);
  });

  it('asks a scale question’s giver for a rating, and a text question’s giver for words only', async () => {
    const scaled = await ask(pair.member, {});
    const missing = await giverAnswers(scaled.token, 'Calm enough', null);
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ code: 'rating-required' });
    const words = await ask(pair.member, { question: listen, scale: false });
    expect((await giverAnswers(words.token, 'Mostly', 4)).status).toBe(422);
  });
});

describe('the member’s change per question', () => {
  it('shows the mean before and after, the difference, and the words side by side', async () => {
    const third = await startPair(t);
    const thirdGoal = (
      await json<{ id: string }>(
        await third.member.request('/api/v1/goals', {
          method: 'POST',
          body: { title: 'Listen before answering', category: 'eq', targetDate: '2027-06-30' },
        }),
        201,
      )
    ).id;
    const rounds: { token: string; rating: number | null; answer: string }[] = [];
    const befores: string[] = [];
    for (const [giverName, question, scale] of [
      ['Ada', calm, true],
      ['Bo', calm, true],
      ['Cy', listen, false],
    ] as const) {
      const before = await json<Created>(
        await third.member.request('/api/v1/feedback-requests', {
          method: 'POST',
          body: { goalId: thirdGoal, question, giverName, scale },
        }),
        201,
      );
      await json(await markBefore(third.member, before.request.id, third.relationshipId), 200);
      befores.push(before.request.id);
      rounds.push({ token: before.token, rating: scale ? 2 + befores.length - 1 : null, answer: 'Not yet' });
    }
    for (const id of befores) {
      const after = await json<Created>(await askAgain(third.member, id), 201);
      rounds.push({ token: after.token, rating: after.request.scale ? 4 : null, answer: 'Much better' });
    }
    // Ada 2 → 4 and Bo 3 → 4 on the scale question; Cy answers the text question both times.
    for (const round of rounds.slice(0, 5)) {
      expect((await giverAnswers(round.token, round.answer, round.rating)).status).toBe(201);
    }
    const change = await json<{
      beforeRequests: { id: string; afterRequestId: string | null }[];
      questions: {
        question: string;
        scale: boolean;
        before: { asked: number; answered: number; mean: number | null; texts: string[] };
        after: { asked: number; answered: number; mean: number | null; texts: string[] };
        difference: number | null;
      }[];
      overallChange: number | null;
    }>(await third.member.request(`/api/v1/relationships/${third.relationshipId}/feedback-360`), 200);
    // The test clock stands still, so every request has the same time: compare without order.
    expect(change.beforeRequests.map((b) => b.id).sort()).toEqual([...befores].sort());
    expect(change.beforeRequests.every((b) => b.afterRequestId !== null)).toBe(true);
    expect([...change.questions].sort((a, b) => Number(b.scale) - Number(a.scale))).toEqual([
      {
        question: calm,
        scale: true,
        before: { asked: 2, answered: 2, mean: 2.5, texts: ['Not yet', 'Not yet'] },
        after: { asked: 2, answered: 2, mean: 4, texts: ['Much better', 'Much better'] },
        difference: 1.5,
      },
      {
        question: listen,
        scale: false,
        before: { asked: 1, answered: 1, mean: null, texts: ['Not yet'] },
        after: { asked: 1, answered: 0, mean: null, texts: [] },
        difference: null,
      },
    ]);
    expect(change.overallChange).toBe(1.5);

    // Only the member: the guide of this very relationship and anyone else get a 404.
    const admin = await signUp(t, 'Olga Admin');
    for (const person of [third.guide, admin, pair.member]) {
      const response = await person.request(`/api/v1/relationships/${third.relationshipId}/feedback-360`);
      expect(response.status).toBe(404);
      expect((await person.request(`/api/v1/feedback-requests/${befores[0]}`)).status).toBe(404);
    }
  });
});

type Guarded = { suppressed: false; value: number } | { suppressed: true; label: string };

describe('the program’s 360 change', () => {
  it('is an aggregate over members with both rounds, and “fewer than 5” under 5', async () => {
    const admin = await signUp(t, 'Paula Program');
    const cohortId = await createProgramCohort(admin, '360 League');
    const db = t.database.db;
    const run = randomUUID().slice(0, 8);
    // Member i rates 2 before and 2 + i after (+1 … +5): a mean change of 3 over five members.
    const addMember = async (i: number) => {
      const memberId = `o360-${run}-m${i}`;
      const guideId = `o360-${run}-g${i}`;
      await db.insert(user).values([
        { id: memberId, name: `Member ${i}`, email: `${memberId}@example.test` },
        { id: guideId, name: `Guide ${i}`, email: `${guideId}@example.test` },
      ]);
      const [rel] = await db
        .insert(relationships)
        .values({
          memberId,
          guideId,
          invitedBy: memberId,
          inviteeEmail: `${guideId}@example.test`,
          inviteTokenHash: `o360-${run}-${i}`,
          kind: 'mentoring',
          framing: 'time-framed',
          status: 'active',
          createdAt: t.clock.now,
          acceptedAt: t.clock.now,
          cohortId,
        })
        .returning({ id: relationships.id });
      const [goal] = await db
        .insert(goals)
        .values({ userId: memberId, title: 'Stay calm', category: 'eq' })
        .returning({ id: goals.id });
      const request = (round: 'before' | 'after', beforeRequestId: string | null) => ({
        userId: memberId,
        goalId: goal?.id ?? '',
        question: calm,
        giverName: 'Sam',
        scale: true,
        round360: round,
        round360RelationshipId: rel?.id ?? null,
        beforeRequestId,
        tokenHash: `o360-${run}-${i}-${round}`,
        expiresAt: new Date(t.clock.now.getTime() + 86_400_000),
      });
      const [before] = await db.insert(feedbackRequests).values(request('before', null)).returning();
      const [after] = await db
        .insert(feedbackRequests)
        .values(request('after', before?.id ?? null))
        .returning();
      await db.insert(feedbackAnswers).values([
        { requestId: before?.id ?? '', answer: `Member ${i} was tense`, rating: 2 },
        { requestId: after?.id ?? '', answer: `Member ${i} was calm`, rating: 2 + i },
      ]);
    };
    const change360 = async () => {
      const response = await admin.request(`/api/v1/cohorts/${cohortId}/outcomes`);
      const text = await response.text();
      expect(response.status).toBe(200);
      // Nothing per person reaches the program: no answer's words, no member.
      expect(text).not.toContain('was calm');
      expect(text).not.toContain(`o360-${run}-m`);
      return (JSON.parse(text) as { change360: { members: Guarded; meanChange: Guarded } }).change360;
    };
    for (const i of [1, 2, 3, 4]) await addMember(i);
    expect(await change360()).toEqual({
      members: { suppressed: true, label: 'fewer than 5' },
      meanChange: { suppressed: true, label: 'fewer than 5' },
    });
    await addMember(5);
    expect(await change360()).toEqual({
      members: { suppressed: false, value: 5 },
      meanChange: { suppressed: false, value: 3 },
    });
    // The program admin cannot read a member's 360 itself.
    const [rel] = await db
      .select({ id: relationships.id })
      .from(relationships)
      .where(eq(relationships.memberId, `o360-${run}-m1`));
    expect((await admin.request(`/api/v1/relationships/${rel?.id}/feedback-360`)).status).toBe(404);
  });
});
