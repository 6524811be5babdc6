import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseGuideProfile } from '../../../test/support/guide-factory';
import { json, localIn, type Pair, startPair } from '../../../test/support/relationship-fixtures';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(new Date('2026-11-23T09:00:00Z'));
});
afterAll(() => t.close());

type Session = {
  id: string;
  status: string;
  template: string;
  times: { member: string; guide: string };
  agenda: { source: string; title: string }[];
  sharedNotes: { body: string; version: number };
  myPrivateNote: string;
  preNote: string;
  pulse: {
    mine: { score: number } | null;
    theirs: { score: number; word: string } | null;
    theyAnswered: boolean;
  };
  nextSteps: { id: string; title: string; status: string }[];
};
type Problem = {
  code: string;
  field?: string;
  yours?: { body: string };
  current?: { body: string; version: number };
};

async function schedule(pair: Pair, days: number, hour: number, extra: Record<string, unknown> = {}) {
  return pair.member.request(`/api/v1/relationships/${pair.relationshipId}/sessions`, {
    method: 'POST',
    body: { localStart: localIn(t.clock.now, days, hour), timeZone: 'Europe/Berlin', ...extra },
  });
}

async function holdSession(pair: Pair, sessionId: string, nextSteps: unknown[]) {
  return pair.member.request(`/api/v1/sessions/${sessionId}/close`, {
    method: 'POST',
    body: { outcome: 'held', nextSteps, insights: 'Pricing is a positioning question.' },
  });
}

describe('scheduling', () => {
  it('books a week ahead and shows the time in both people’s zones', async () => {
    const pair = await startPair(t);
    const session = await json<Session>(await schedule(pair, 8, 18), 201);
    expect(session.template).toBe('first');
    expect(session.times.member).toContain('18:00');
    expect(session.times.member).toContain('Europe/Berlin');
    expect(session.times.guide).toContain('12:00');
    expect(session.times.guide).toContain('America/New_York');
  });

  it('rejects the past, too-short notice, unknown zones and overlaps with a clear problem, writing nothing', async () => {
    const pair = await startPair(t);
    const cases: [Response, number, string][] = [
      [await schedule(pair, -1, 10), 422, 'in-past'],
      [await schedule(pair, 2, 10), 422, 'too-soon'],
      [await schedule(pair, 9, 10, { timeZone: 'Mars/Olympus' }), 422, 'unknown-time-zone'],
    ];
    await json(await schedule(pair, 10, 10), 201);
    cases.push([await schedule(pair, 10, 10, { minutes: 30 }), 409, 'overlap']);
    for (const [response, status, code] of cases) {
      expect(response.status).toBe(status);
      expect(((await response.json()) as Problem).code).toBe(code);
    }
    const list = await json<{ sessions: unknown[] }>(
      await pair.guide.request(`/api/v1/relationships/${pair.relationshipId}/sessions`),
      200,
    );
    expect(list.sessions).toHaveLength(1);
    await json(await schedule(pair, 2, 12, { allowShortNotice: true }), 201);
  });

  it('checks the guide’s availability and suggests slots in the same week', async () => {
    const pair = await startPair(t);
    await json(
      await pair.guide.request('/api/v1/me/guide-profile', {
        method: 'PUT',
        body: {
          ...baseGuideProfile,
          headline: 'Product leader',
          timeZone: 'America/New_York',
          capacity: 3,
          availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
        },
      }),
      200,
    );
    // 2026-12-06 is a Sunday.
    const outside = await pair.member.request(`/api/v1/relationships/${pair.relationshipId}/sessions`, {
      method: 'POST',
      body: { localStart: '2026-12-06T16:00', timeZone: 'Europe/Berlin' },
    });
    expect(outside.status).toBe(422);
    expect(((await outside.json()) as Problem).code).toBe('outside-availability');
    const ok = await json<Session>(
      await pair.member.request(`/api/v1/relationships/${pair.relationshipId}/sessions`, {
        method: 'POST',
        body: { localStart: '2026-12-08T16:00', timeZone: 'Europe/Berlin' },
      }),
      201,
    );
    const slots = await json<{ slots: { start: string }[] }>(
      await pair.member.request(`/api/v1/sessions/${ok.id}/reschedule-slots`),
      200,
    );
    expect(slots.slots.length).toBeGreaterThan(0);
    const first = slots.slots[0];
    if (!first) throw new Error('expected a slot');
    const week = (iso: string) =>
      Math.floor((new Date(iso).getTime() - Date.UTC(2026, 11, 7)) / (7 * 86_400_000));
    expect(week(first.start)).toBe(0);

    const moved = await json<{ startsAt: string }>(
      await pair.guide.request(`/api/v1/sessions/${ok.id}/reschedule`, {
        method: 'POST',
        body: { localStart: '2026-12-09T10:00', timeZone: 'America/New_York' },
      }),
      200,
    );
    expect(moved.startsAt).toBe('2026-12-09T15:00:00.000Z');
    const nightOwl = await pair.member.request(`/api/v1/sessions/${ok.id}/reschedule`, {
      method: 'POST',
      body: { localStart: '2026-12-09T03:00', timeZone: 'Europe/Berlin' },
    });
    expect(nightOwl.status).toBe(422);
    expect(((await nightOwl.json()) as Problem).code).toBe('outside-availability');
  });

  it('lets only the member write the pre-session note, and never after closing', async () => {
    const pair = await startPair(t);
    const session = await json<Session>(await schedule(pair, 7, 16), 201);
    const byGuide = await pair.guide.request(`/api/v1/sessions/${session.id}/preparation`, {
      method: 'PATCH',
      body: { preNote: 'Written for the member' },
    });
    expect(byGuide.status).toBe(422);
    const prepared = await json<Session>(
      await pair.member.request(`/api/v1/sessions/${session.id}/preparation`, {
        method: 'PATCH',
        body: { preNote: 'I want to talk about my promotion case', agendaTopic: 'Promotion case' },
      }),
      200,
    );
    expect(prepared.preNote).toBe('I want to talk about my promotion case');
    await json(
      await pair.guide.request(`/api/v1/sessions/${session.id}/close`, {
        method: 'POST',
        body: { outcome: 'cancelled', reason: 'Ill' },
      }),
      200,
    );
    const late = await pair.member.request(`/api/v1/sessions/${session.id}/preparation`, {
      method: 'PATCH',
      body: { agendaTopic: 'Too late' },
    });
    expect(late.status).toBe(409);
  });
});

describe('a session from agenda to next step', () => {
  it('carries open actions, unanswered questions and pinned journal notes into the next agenda', async () => {
    const pair = await startPair(t);
    const first = await json<Session>(await schedule(pair, 7, 10), 201);
    t.clock.advanceDays(8);
    const noStep = await holdSession(pair, first.id, []);
    expect(noStep.status).toBe(422);
    expect(((await noStep.json()) as Problem).code).toBe('next-step-missing');
    const stillOpen = await json<Session>(await pair.member.request(`/api/v1/sessions/${first.id}`), 200);
    expect(stillOpen.status).toBe('scheduled');
    const held = await json<Session>(
      await holdSession(pair, first.id, [{ kind: 'practical', text: 'Talk to my manager about scope' }]),
      200,
    );
    expect(held.nextSteps.map((s) => s.title)).toEqual(['Talk to my manager about scope']);
    expect((await holdSession(pair, first.id, [{ kind: 'practical', text: 'again' }])).status).toBe(409);

    await json(
      await pair.member.request('/api/v1/journal', {
        method: 'POST',
        body: {
          relationshipId: pair.relationshipId,
          body: 'I froze when the CEO asked',
          pinnedForNextSession: true,
        },
      }),
      201,
    );
    await json(
      await pair.member.request('/api/v1/journal', {
        method: 'POST',
        body: {
          relationshipId: pair.relationshipId,
          body: 'Shared pin: roadmap pushback',
          pinnedForNextSession: true,
          sharedWithGuide: true,
        },
      }),
      201,
    );
    // A minute between messages, as in a real thread (the test clock otherwise stands still).
    const message = async (who: typeof pair.member, body: string) => {
      t.clock.advanceDays(1 / 1440);
      return json(
        await who.request(`/api/v1/relationships/${pair.relationshipId}/messages`, {
          method: 'POST',
          body: { body },
        }),
        201,
      );
    };
    // The guide's question is answered by the member's reply; the member's own question is not.
    await message(pair.guide, 'How did the talk with your manager go?');
    await message(pair.member, 'It went fine. Should I push back on the Q3 roadmap?');
    const next = await json<Session>(await schedule(pair, 8, 10), 201);
    expect(next.template).toBe('regular');
    expect(next.agenda.slice(0, 4).map((i) => `${i.source}:${i.title}`)).toEqual([
      'open-action:Talk to my manager about scope',
      'unanswered-question:Mia Member asked: Should I push back on the Q3 roadmap?',
      'journal-note:I froze when the CEO asked',
      'journal-note:Shared pin: roadmap pushback',
    ]);
    const guideView = await json<Session>(await pair.guide.request(`/api/v1/sessions/${next.id}`), 200);
    expect(guideView.agenda.map((i) => i.title)).not.toContain('I froze when the CEO asked');
    expect(guideView.agenda.map((i) => i.source)).toContain('unanswered-question');
    // Once the guide answers in the thread, the question leaves the agenda.
    await message(pair.guide, 'Yes, with data. Let us prepare it together.');
    const answered = await json<Session>(await pair.member.request(`/api/v1/sessions/${next.id}`), 200);
    expect(answered.agenda.map((i) => i.source)).not.toContain('unanswered-question');
    expect(guideView.agenda.map((i) => i.title)).toContain('Shared pin: roadmap pushback');
  });

  it('keeps private notes private and pulse ratings blind', async () => {
    const pair = await startPair(t);
    const session = await json<Session>(await schedule(pair, 7, 11), 201);
    await json(
      await pair.member.request(`/api/v1/sessions/${session.id}/private-note`, {
        method: 'PUT',
        body: { body: 'Member-only thought' },
      }),
      200,
    );
    const guideView = await json<Session>(await pair.guide.request(`/api/v1/sessions/${session.id}`), 200);
    expect(guideView.myPrivateNote).toBe('');
    expect(JSON.stringify(guideView)).not.toContain('Member-only thought');
    const stranger = await signUp(t, 'Curious Stranger');
    expect((await stranger.request(`/api/v1/sessions/${session.id}`)).status).toBe(404);
    expect(
      (
        await stranger.request(`/api/v1/sessions/${session.id}/private-note`, {
          method: 'PUT',
          body: { body: 'x' },
        })
      ).status,
    ).toBe(404);

    const early = await pair.member.request(`/api/v1/sessions/${session.id}/pulse`, {
      method: 'POST',
      body: { score: 4, word: 'useful' },
    });
    expect(early.status).toBe(409);
    t.clock.advanceDays(8);
    await json(
      await holdSession(pair, session.id, [{ kind: 'reflective', text: 'What am I avoiding?' }]),
      200,
    );
    const mine = await json<Session>(
      await pair.member.request(`/api/v1/sessions/${session.id}/pulse`, {
        method: 'POST',
        body: { score: 4, word: 'useful' },
      }),
      200,
    );
    expect(mine.pulse.theirs).toBeNull();
    const guideBefore = await json<Session>(await pair.guide.request(`/api/v1/sessions/${session.id}`), 200);
    expect(guideBefore.pulse).toMatchObject({ mine: null, theirs: null, theyAnswered: true });
    const guideAfter = await json<Session>(
      await pair.guide.request(`/api/v1/sessions/${session.id}/pulse`, {
        method: 'POST',
        body: { score: 5, word: 'energised' },
      }),
      200,
    );
    expect(guideAfter.pulse.theirs).toEqual({ score: 4, word: 'useful' });
    const twoWords = await pair.member.request(`/api/v1/sessions/${session.id}/pulse`, {
      method: 'POST',
      body: { score: 4, word: 'very good' },
    });
    expect(twoWords.status).toBe(422);
  });
});

describe('shared notes without lost updates', () => {
  it('lets one of two concurrent saves win and answers the other 409 with both versions', async () => {
    const pair = await startPair(t);
    const session = await json<Session>(await schedule(pair, 7, 14), 201);
    const url = `/api/v1/sessions/${session.id}/shared-notes`;
    const [a, b] = await Promise.all([
      pair.member.request(url, { method: 'PUT', body: { body: 'Member: we agreed on pricing', version: 0 } }),
      pair.guide.request(url, { method: 'PUT', body: { body: 'Guide: focus on positioning', version: 0 } }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winnerText = a.status === 409 ? 'Guide: focus on positioning' : 'Member: we agreed on pricing';
    const loserText = a.status === 409 ? 'Member: we agreed on pricing' : 'Guide: focus on positioning';
    const conflict = (await loser.json()) as Problem;
    expect(conflict.code).toBe('stale-notes');
    expect(conflict.yours?.body).toBe(loserText);
    expect(conflict.current).toMatchObject({ body: winnerText, version: 1 });
    const merged = `${winnerText}\n${loserText}`;
    const saved = await json<Session>(
      await (a.status === 409 ? pair.member : pair.guide).request(url, {
        method: 'PUT',
        body: { body: merged, version: 1 },
      }),
      200,
    );
    expect(saved.sharedNotes).toMatchObject({ body: merged, version: 2 });
  });
});

describe('actions', () => {
  it('records done, requires a reason to drop, and renegotiates to a smaller version', async () => {
    const pair = await startPair(t);
    const base = `/api/v1/relationships/${pair.relationshipId}/actions`;
    type Actions = { actions: { id: string; title: string; status: string; replacesId: string | null }[] };
    const add = (text: string) => {
      t.clock.advanceDays(0.01);
      return pair.member.request(base, {
        method: 'POST',
        body: { kind: 'practical', text, dueDate: '2026-12-20' },
      });
    };
    await json(await add('Write the pricing memo'), 201);
    await json(await add('Interview five customers'), 201);
    const created = await json<Actions>(await add('Read the strategy book'), 201);
    const [memo, interviews, book] = created.actions;
    if (!memo || !interviews || !book) throw new Error('expected three actions');
    await json(
      await pair.member.request(`/api/v1/actions/${memo.id}`, {
        method: 'PATCH',
        body: { status: 'done', outcome: 'Sent' },
      }),
      200,
    );
    const silent = await pair.member.request(`/api/v1/actions/${book.id}`, {
      method: 'PATCH',
      body: { status: 'dropped' },
    });
    expect(silent.status).toBe(422);
    await json(
      await pair.member.request(`/api/v1/actions/${book.id}`, {
        method: 'PATCH',
        body: { status: 'dropped', dropReason: 'The team changed direction' },
      }),
      200,
    );
    const after = await json<Actions>(
      await pair.guide.request(`/api/v1/actions/${interviews.id}`, {
        method: 'PATCH',
        body: { status: 'renegotiated', smallerTitle: 'Interview two customers' },
      }),
      200,
    );
    const smaller = after.actions.find((a) => a.replacesId === interviews.id);
    expect(smaller).toMatchObject({ title: 'Interview two customers', status: 'open' });
    expect(after.actions.map((a) => a.status).sort()).toEqual(['done', 'dropped', 'open', 'renegotiated']);
  });
});

describe('decision journal', () => {
  it('asks again after 30 days what actually happened', async () => {
    const member = await signUp(t, 'Decider');
    const entry = await json<{ id: string; dueFollowUps: unknown[] }>(
      await member.request('/api/v1/journal', {
        method: 'POST',
        body: {
          decision: {
            decision: 'Take the platform PM role',
            options: 'Stay, move to platform, leave',
            expectation: 'More influence within three months',
          },
        },
      }),
      201,
    );
    expect(entry.dueFollowUps).toHaveLength(0);
    const tooEarly = await member.request(`/api/v1/journal/${entry.id}/follow-ups`, {
      method: 'POST',
      body: { afterDays: 30, answer: 'Too early to tell' },
    });
    expect(tooEarly.status).toBe(409);
    t.clock.advanceDays(31);
    const list = await json<{ entries: { id: string; dueFollowUps: { afterDays: number }[] }[] }>(
      await member.request('/api/v1/journal'),
      200,
    );
    expect(list.entries.find((e) => e.id === entry.id)?.dueFollowUps.map((f) => f.afterDays)).toEqual([30]);
    const answered = await json<{ dueFollowUps: unknown[]; followUpAnswers: unknown[] }>(
      await member.request(`/api/v1/journal/${entry.id}/follow-ups`, {
        method: 'POST',
        body: { afterDays: 30, answer: 'More meetings, not more influence yet' },
      }),
      200,
    );
    expect(answered.dueFollowUps).toHaveLength(0);
    expect(answered.followUpAnswers).toHaveLength(1);
  });
});
