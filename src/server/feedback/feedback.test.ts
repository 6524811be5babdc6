import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  fromAddress,
  type Member,
  signUp,
  type TestApp,
  uniqueAddress,
} from '../../../test/support/test-app';
import { feedbackRequests, outboxMessages } from '../db/schema';

let t: TestApp;
let ana: Member;
let ben: Member;
let eqGoalId: string;

beforeAll(async () => {
  t = await createTestApp();
  ana = await signUp(t, 'Ana Member');
  ben = await signUp(t, 'Ben Member');
  eqGoalId = await goalFor(ana, 'eq');
});
afterAll(() => t.close());

async function goalFor(member: Member, category: 'iq' | 'eq'): Promise<string> {
  const response = await member.request('/api/v1/goals', {
    method: 'POST',
    body: { title: 'Have my directors rate our 1:1s 8/10 for candour', category, targetDate: '2027-04-30' },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

type Created = {
  request: { id: string; status: string; check: { ok: boolean } };
  token: string;
  path: string;
};
type RequestView = {
  id: string;
  status: string;
  answer: { id: string; text: string } | null;
  thankedAt: string | null;
  sharedWithGuide: boolean;
};

const goodQuestion = 'In Thursday’s roadmap review, did I come across as open to challenge, or defensive?';

async function ask(member: Member, body: Record<string, unknown> = {}): Promise<Created> {
  const response = await member.request('/api/v1/feedback-requests', {
    method: 'POST',
    body: { goalId: eqGoalId, question: goodQuestion, giverName: 'Sam', ...body },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Created;
}

// The giver opens the link in a browser: the POST carries our Origin.
const publicGet = (token: string, ip = uniqueAddress()) =>
  t.app.request(`/api/v1/public/feedback/${token}`, {}, fromAddress(ip));
const publicAnswer = (token: string, answer: string, ip = uniqueAddress()) =>
  t.app.request(
    `/api/v1/public/feedback/${token}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ answer }),
    },
    fromAddress(ip),
  );

describe('mirror feedback requests', () => {
  it('checks a question live: vague and leading ones are flagged, a specific one passes', async () => {
    const check = async (question: string) => {
      const response = await ana.request('/api/v1/feedback-checks', { method: 'POST', body: { question } });
      expect(response.status).toBe(200);
      return (await response.json()) as { ok: boolean; issues: { code: string }[] };
    };
    expect((await check('Any feedback for me?')).issues.map((i) => i.code)).toContain('vague');
    expect((await check('In the review I was great, right?')).issues.map((i) => i.code)).toContain('leading');
    expect((await check(goodQuestion)).ok).toBe(true);
  });

  it('stores only a hash of an unguessable link and mails the giver when an email is given', async () => {
    const created = await ask(ana, { giverEmail: 'sam@example.test' });
    expect(created.token.length).toBeGreaterThanOrEqual(43);
    expect(created.path).toBe(`/feedback/${created.token}`);
    const [row] = await t.database.db
      .select()
      .from(feedbackRequests)
      .where(eq(feedbackRequests.id, created.request.id));
    expect(row?.tokenHash).not.toContain(created.token);
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const mails = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.to, 'sam@example.test'))
      .orderBy(outboxMessages.seq);
    expect(mails.at(-1)?.text).toContain(created.path);
  });

  it('refuses an IQ goal and someone else’s goal', async () => {
    const iq = await goalFor(ana, 'iq');
    const onIq = await ana.request('/api/v1/feedback-requests', {
      method: 'POST',
      body: { goalId: iq, question: goodQuestion, giverName: 'Sam' },
    });
    expect(onIq.status).toBe(422);
    expect(((await onIq.json()) as { code: string }).code).toBe('goal-not-eq');
    const onOthers = await ben.request('/api/v1/feedback-requests', {
      method: 'POST',
      body: { goalId: eqGoalId, question: goodQuestion, giverName: 'Sam' },
    });
    expect(onOthers.status).toBe(422);
  });

  it('lets a giver with no account read the question and answer once; the member is told and thanks them', async () => {
    const created = await ask(ana);
    const read = await publicGet(created.token);
    expect(read.status).toBe(200);
    const shown = (await read.json()) as Record<string, unknown>;
    expect(shown).toMatchObject({ memberName: 'Ana Member', giverName: 'Sam', question: goodQuestion });
    expect(Object.keys(shown).sort()).toEqual([
      'expiresAt',
      'giverName',
      'memberName',
      'moment',
      'question',
      'scale',
    ]);

    const early = await ana.request(`/api/v1/feedback-requests/${created.request.id}/thanks`, {
      method: 'POST',
      body: { note: 'Thank you!' },
    });
    expect(early.status).toBe(409);

    expect(
      (await publicAnswer(created.token, 'Open at first, a bit defensive when Lee pushed.')).status,
    ).toBe(201);
    const again = await publicAnswer(created.token, 'second try');
    expect(again.status).toBe(410);
    expect(((await again.json()) as { code: string }).code).toBe('link-used');
    expect(((await (await publicGet(created.token)).json()) as { code: string }).code).toBe('link-used');

    const mails = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.to, ana.email.toLowerCase()))
      .orderBy(outboxMessages.seq);
    expect(mails.at(-1)?.text).toMatch(/thank them/i);

    const view = (await (
      await ana.request(`/api/v1/feedback-requests/${created.request.id}`)
    ).json()) as RequestView;
    expect(view.status).toBe('answered');
    expect(view.answer?.text).toContain('defensive');
    const thanks = await ana.request(`/api/v1/feedback-requests/${created.request.id}/thanks`, {
      method: 'POST',
      body: { note: 'Thank you, that helps me see it.' },
    });
    expect(thanks.status).toBe(200);
    expect(((await thanks.json()) as RequestView).thankedAt).not.toBeNull();
  });

  it('closes a link after 14 days and says so', async () => {
    const created = await ask(ana);
    t.clock.advanceDays(15);
    const read = await publicGet(created.token);
    expect(read.status).toBe(410);
    expect(((await read.json()) as { code: string }).code).toBe('link-expired');
    expect((await publicAnswer(created.token, 'too late now')).status).toBe(410);
    const list = (await (await ana.request('/api/v1/feedback-requests')).json()) as {
      requests: RequestView[];
    };
    expect(list.requests.find((r) => r.id === created.request.id)?.status).toBe('expired');
  });

  it('answers 404 for an unknown link and rate-limits repeated tries from one address', async () => {
    const guesser = uniqueAddress();
    const unknown = await publicGet('x'.repeat(43), guesser);
    expect(unknown.status).toBe(404);
    let limited = 0;
    for (let i = 0; i < 70; i += 1) {
      const response = await publicGet(`guess${String(i).padStart(40, '0')}`, guesser);
      if (response.status === 429) limited += 1;
    }
    expect(limited).toBeGreaterThan(0);
    expect((await publicGet('y'.repeat(43))).status).toBe(404);
  });

  it('keeps requests private: another member gets 404, and sharing is the member’s per-request choice', async () => {
    const created = await ask(ana);
    expect((await ben.request(`/api/v1/feedback-requests/${created.request.id}`)).status).toBe(404);
    const benPatch = await ben.request(`/api/v1/feedback-requests/${created.request.id}`, {
      method: 'PATCH',
      body: { sharedWithGuide: true },
    });
    expect(benPatch.status).toBe(404);
    const bens = (await (await ben.request('/api/v1/feedback-requests')).json()) as {
      requests: RequestView[];
    };
    expect(bens.requests).toEqual([]);
    // Sharing names the relationship whose guide reads it (feedback-relationship.test.ts); Ana has none.
    const shared = await ana.request(`/api/v1/feedback-requests/${created.request.id}`, {
      method: 'PATCH',
      body: { sharedWithGuide: true },
    });
    expect(shared.status).toBe(422);
    expect(await shared.json()).toMatchObject({ code: 'relationship-required' });
    const kept = await ana.request(`/api/v1/feedback-requests/${created.request.id}`, {
      method: 'PATCH',
      body: { sharedWithGuide: false },
    });
    expect(((await kept.json()) as RequestView).sharedWithGuide).toBe(false);
    expect((await t.app.request('/api/v1/feedback-requests')).status).toBe(401);
  });
});

describe('feedback in the API document', () => {
  it('documents the giver routes as needing no sign-in', async () => {
    const response = await t.app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(document.paths['/v1/public/feedback/{token}']?.post?.security).toEqual([]);
    expect(document.paths['/v1/feedback-requests']?.post).toBeDefined();
  });
});
