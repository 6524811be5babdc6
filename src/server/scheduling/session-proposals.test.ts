import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuide } from '../../../test/support/guide-factory';
import { json, type Pair, startPair } from '../../../test/support/relationship-fixtures';
import { scriptedCalendars } from '../../../test/support/scripted-calendars';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { sessionProposals, sessions } from '../db/schema';

// Monday 7 December 2026, 08:00 UTC (09:00 in Berlin).
const START = new Date('2026-12-07T08:00:00Z');
// Tuesday 15 December, 09:00 in Berlin: inside the guide's hours, more than a week ahead.
const TUESDAY = '2026-12-15T08:00:00.000Z';

const { calendars, reader } = scriptedCalendars();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(START, { busyReader: reader });
});
afterAll(() => t.close());

type Proposal = {
  id: string;
  start: string;
  end: string;
  status: string;
  sessionId: string | null;
  canDecide: boolean;
  canWithdraw: boolean;
  proposedBy: { id: string; name: string };
};
type Problem = { code: string; field?: string; detail: string };

const weekdayMornings = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '11:00' }));
const newGuide = () =>
  createGuide(t, 'Gia Guide', { timeZone: 'Europe/Berlin', availability: weekdayMornings, capacity: 5 });
const pairWith = (guide: Member) =>
  startPair(t, { guide, memberName: 'Milo Member', memberZone: 'America/New_York' });

const base = (relationshipId: string) => `/api/v1/relationships/${relationshipId}/session-proposals`;
const propose = (who: Member, relationshipId: string, start: unknown) =>
  who.request(base(relationshipId), { method: 'POST', body: { start } });
const act = (who: Member, relationshipId: string, id: string, action: 'confirm' | 'decline' | 'withdraw') =>
  who.request(`${base(relationshipId)}/${id}/${action}`, { method: 'POST' });
const openOf = async (who: Member, relationshipId: string) =>
  (await json<{ proposals: Proposal[] }>(await who.request(base(relationshipId)), 200)).proposals;
const sessionsOf = (relationshipId: string) =>
  t.database.db.select().from(sessions).where(eq(sessions.relationshipId, relationshipId));
const notificationsOf = async (who: Member) =>
  (
    await json<{ notifications: { kind: string; text: string; link: string }[] }>(
      await who.request('/api/v1/notifications'),
      200,
    )
  ).notifications.filter((n) => n.kind === 'session-proposal');

async function expectProblem(response: Response, status: number, code: string, field?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const problem = (await response.json()) as Problem;
  expect(problem.code).toBe(code);
  if (field) expect(problem.field).toBe(field);
  return problem;
}

async function proposed(pair: Pair, start = TUESDAY, who: Member = pair.member): Promise<Proposal> {
  return json<Proposal>(await propose(who, pair.relationshipId, start), 201);
}

describe('booking by agreement', () => {
  it('when the guide’s calendar cannot be read: the member proposes, the guide confirms, exactly one session is booked', async () => {
    const guide = await newGuide();
    const pair = await pairWith(guide);
    calendars.unreadable = [
      { userId: guide.userId, calendarName: 'Fastmail', reason: 'the server did not answer.', since: START },
    ];
    const slots = await json<{ slots: unknown[]; byAgreement: { how: string } | null }>(
      await pair.member.request(
        `/api/v1/relationships/${pair.relationshipId}/slots?from=2026-12-14T00:00:00Z&to=2026-12-19T00:00:00Z`,
      ),
      200,
    );
    calendars.unreadable = [];
    expect(slots.slots).toEqual([]);
    expect(slots.byAgreement?.how).toContain(`/relationships/${pair.relationshipId}/session-proposals`);

    const proposal = await proposed(pair, '2026-12-15T09:00:00+01:00');
    expect(proposal).toMatchObject({
      start: TUESDAY,
      end: '2026-12-15T09:00:00.000Z',
      status: 'open',
      canDecide: false,
      canWithdraw: true,
      proposedBy: { id: pair.member.userId, name: 'Milo Member' },
    });
    // Nothing is booked until the partner confirms.
    expect(await sessionsOf(pair.relationshipId)).toHaveLength(0);
    const [notice] = await notificationsOf(guide);
    expect(notice?.text).toContain('Milo Member proposes a session on Tuesday, 15 December 2026 at 09:00');
    expect(notice?.link).toBe(`/relationships/${pair.relationshipId}`);
    const seenByGuide = await openOf(guide, pair.relationshipId);
    expect(seenByGuide.map((p) => [p.id, p.canDecide, p.canWithdraw])).toEqual([[proposal.id, true, false]]);

    const confirmed = await json<Proposal>(
      await act(guide, pair.relationshipId, proposal.id, 'confirm'),
      200,
    );
    expect(confirmed.status).toBe('confirmed');
    const booked = await sessionsOf(pair.relationshipId);
    expect(booked.map((s) => [s.id, s.startsAt.toISOString(), s.endsAt.toISOString(), s.status])).toEqual([
      [confirmed.sessionId, TUESDAY, '2026-12-15T09:00:00.000Z', 'scheduled'],
    ]);
    expect(booked[0]?.bookedTimeZone).toBe('America/New_York');
    expect((await notificationsOf(pair.member)).map((n) => n.text)).toEqual([
      expect.stringContaining(
        'Gia Guide confirmed your proposed session on Tuesday, 15 December 2026 at 03:00',
      ),
    ]);
    // Confirming twice books nothing more.
    await expectProblem(
      await act(guide, pair.relationshipId, proposal.id, 'confirm'),
      409,
      'proposal-closed',
    );
    expect(await sessionsOf(pair.relationshipId)).toHaveLength(1);
    expect(await openOf(pair.member, pair.relationshipId)).toEqual([]);
  });

  it('lets exactly one of two confirmations racing for clashing times win; the other gets 409 and books nothing', async () => {
    const guide = await newGuide();
    const first = await pairWith(guide);
    const second = await pairWith(guide);
    const a = await proposed(first, TUESDAY);
    // Half an hour later: overlaps the first.
    const b = await proposed(second, '2026-12-15T08:30:00.000Z');
    const responses = await Promise.all([
      act(guide, first.relationshipId, a.id, 'confirm'),
      act(guide, second.relationshipId, b.id, 'confirm'),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = responses.find((r) => r.status === 409);
    expect(loser?.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await loser?.json()) as Problem;
    expect(problem.code).toBe('clash');
    expect(problem.field).toBe('start');
    const booked = await t.database.db.select().from(sessions).where(eq(sessions.guideId, guide.userId));
    expect(booked).toHaveLength(1);
    // The loser's proposal is untouched: still open, no session.
    const loserId = responses[0]?.status === 409 ? a.id : b.id;
    const [row] = await t.database.db.select().from(sessionProposals).where(eq(sessionProposals.id, loserId));
    expect([row?.status, row?.sessionId]).toEqual(['open', null]);
  });

  it('closes a declined or withdrawn proposal without booking, and tells the other person', async () => {
    const guide = await newGuide();
    const pair = await pairWith(guide);
    const declined = await proposed(pair, TUESDAY, guide);
    expect(
      (await json<Proposal>(await act(pair.member, pair.relationshipId, declined.id, 'decline'), 200)).status,
    ).toBe('declined');
    expect((await notificationsOf(guide)).map((n) => n.text)).toEqual([
      expect.stringContaining('Milo Member declined your proposed session'),
    ]);
    await expectProblem(
      await act(pair.member, pair.relationshipId, declined.id, 'confirm'),
      409,
      'proposal-closed',
    );

    const withdrawn = await proposed(pair, '2026-12-16T08:00:00.000Z', guide);
    await expectProblem(
      await act(pair.member, pair.relationshipId, withdrawn.id, 'withdraw'),
      403,
      'not-yours-to-decide',
    );
    expect(
      (await json<Proposal>(await act(guide, pair.relationshipId, withdrawn.id, 'withdraw'), 200)).status,
    ).toBe('withdrawn');
    expect((await notificationsOf(pair.member)).map((n) => n.text)).toContainEqual(
      expect.stringContaining('Gia Guide withdrew the proposed session'),
    );
    await expectProblem(
      await act(pair.member, pair.relationshipId, withdrawn.id, 'confirm'),
      409,
      'proposal-closed',
    );
    expect(await openOf(guide, pair.relationshipId)).toEqual([]);
    expect(await sessionsOf(pair.relationshipId)).toHaveLength(0);
  });

  it('lets only the pair see and act (404 to anyone else) and only the partner confirm or decline (403)', async () => {
    const guide = await newGuide();
    const pair = await pairWith(guide);
    const other = await pairWith(guide);
    const proposal = await proposed(pair);
    const stranger = await signUp(t, 'Sam Stranger');
    expect((await stranger.request(base(pair.relationshipId))).status).toBe(404);
    await expectProblem(await propose(stranger, pair.relationshipId, TUESDAY), 404, 'not-found');
    await expectProblem(await act(stranger, pair.relationshipId, proposal.id, 'confirm'), 404, 'not-found');
    // Another member of the same guide cannot reach it through their own relationship either.
    await expectProblem(
      await act(other.member, other.relationshipId, proposal.id, 'confirm'),
      404,
      'not-found',
    );
    expect(await openOf(other.member, other.relationshipId)).toEqual([]);
    // The proposer cannot confirm or decline their own time.
    await expectProblem(
      await act(pair.member, pair.relationshipId, proposal.id, 'confirm'),
      403,
      'not-yours-to-decide',
    );
    await expectProblem(
      await act(pair.member, pair.relationshipId, proposal.id, 'decline'),
      403,
      'not-yours-to-decide',
    );
    await expectProblem(
      await act(guide, pair.relationshipId, proposal.id, 'withdraw'),
      403,
      'not-yours-to-decide',
    );
    expect(await sessionsOf(pair.relationshipId)).toHaveLength(0);
    expect((await openOf(guide, pair.relationshipId)).map((p) => p.status)).toEqual(['open']);
  });

  it('holds a proposal to the rules that need no calendar: notice, window, hours, limits and Corner’s own sessions', async () => {
    const guide = await newGuide();
    const pair = await pairWith(guide);
    await expectProblem(
      await propose(pair.member, pair.relationshipId, '2026-12-09T08:00:00Z'),
      422,
      'too-soon',
      'start',
    );
    await expectProblem(
      await propose(pair.member, pair.relationshipId, '2027-03-01T08:00:00Z'),
      422,
      'beyond-window',
      'start',
    );
    await expectProblem(
      await propose(pair.member, pair.relationshipId, '2026-12-15T15:00:00Z'),
      422,
      'outside-hours',
      'start',
    );
    // A session the guide has with someone else at 09:00 Berlin on Wednesday.
    const other = await pairWith(guide);
    await json(
      await other.member.request(`/api/v1/relationships/${other.relationshipId}/slots/book`, {
        method: 'POST',
        body: { start: '2026-12-16T08:00:00.000Z' },
      }),
      201,
    );
    await expectProblem(
      await propose(pair.member, pair.relationshipId, '2026-12-16T08:30:00Z'),
      422,
      'clash',
      'start',
    );
    const current = await json<Record<string, unknown>>(await guide.request('/api/v1/me/booking-rules'), 200);
    await json(
      await guide.request('/api/v1/me/booking-rules', {
        method: 'PUT',
        body: { ...current, dailyLimit: 1, bufferAfterMinutes: 0 },
      }),
      200,
    );
    await expectProblem(
      await propose(pair.member, pair.relationshipId, '2026-12-16T09:00:00Z'),
      422,
      'day-full',
      'start',
    );
    // A day with room is still fine.
    expect((await proposed(pair, TUESDAY)).status).toBe('open');
  });

  it('expires a proposal when its start passes: it leaves the list and can no longer be confirmed', async () => {
    const clockAt = t.clock.now;
    try {
      const guide = await newGuide();
      const pair = await pairWith(guide);
      const proposal = await proposed(pair);
      t.clock.now = new Date('2026-12-15T08:00:00Z');
      expect(await openOf(guide, pair.relationshipId)).toEqual([]);
      await expectProblem(
        await act(guide, pair.relationshipId, proposal.id, 'confirm'),
        409,
        'proposal-expired',
      );
      expect(await sessionsOf(pair.relationshipId)).toHaveLength(0);
    } finally {
      t.clock.now = clockAt;
    }
  });

  it('answers bad input with a problem naming the field and writes nothing', async () => {
    const guide = await newGuide();
    const pair = await pairWith(guide);
    await expectProblem(
      await propose(pair.member, pair.relationshipId, '2026-12-01T08:00:00Z'),
      422,
      'in-past',
      'start',
    );
    await expectProblem(
      await propose(pair.member, pair.relationshipId, 'next tuesday'),
      422,
      'invalid-input',
      'start',
    );
    await expectProblem(
      await propose(pair.member, pair.relationshipId, 1765785600000),
      422,
      'invalid-input',
      'start',
    );
    await expectProblem(
      await propose(pair.member, '00000000-0000-4000-8000-000000000000', TUESDAY),
      404,
      'not-found',
    );
    await expectProblem(
      await propose(pair.member, 'not-an-id', TUESDAY),
      422,
      'invalid-input',
      'relationshipId',
    );
    await expectProblem(
      await act(guide, pair.relationshipId, 'nope', 'confirm'),
      422,
      'invalid-input',
      'proposalId',
    );
    await expectProblem(
      await act(guide, pair.relationshipId, '00000000-0000-4000-8000-000000000000', 'confirm'),
      404,
      'not-found',
    );
    const rows = await t.database.db
      .select()
      .from(sessionProposals)
      .where(and(eq(sessionProposals.relationshipId, pair.relationshipId)));
    expect(rows).toEqual([]);
  });
});
