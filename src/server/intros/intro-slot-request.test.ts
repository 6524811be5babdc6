import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuide } from '../../../test/support/guide-factory';
import { json } from '../../../test/support/relationship-fixtures';
import { scriptedCalendars } from '../../../test/support/scripted-calendars';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { introRequests, outboxMessages } from '../db/schema';
import { isOverlapViolation } from '../scheduling/book-slot';

// An intro request that carries one of the guide's open intro slots (issue 13 point 3): the slot is checked
// against the open intro times, held for the member while the guide answers, and two members racing for
// it cannot both hold it (the intro_requests_slot_no_overlap constraint).

// Monday 7 December 2026, 08:00 UTC (09:00 in Berlin).
const START = new Date('2026-12-07T08:00:00Z');
const TUESDAY_0800 = '2026-12-08T08:00:00.000Z';
const TUESDAY_0830 = '2026-12-08T08:30:00.000Z';
const range = 'from=2026-12-07T00:00:00Z&to=2026-12-10T00:00:00Z';

const { calendars, reader } = scriptedCalendars();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(START, { busyReader: reader });
});
afterAll(() => t.close());

type Intro = {
  id: string;
  status: string;
  proposedTimes: string[];
  slot: { start: string; end: string } | null;
};
type Problem = { code: string; field?: string; detail: string; slots?: { start: string }[] };

let guides = 0;
const guide = (): Promise<Member> =>
  createGuide(t, `Gia Guide ${++guides}`, {
    availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '10:00' })),
    capacity: 5,
  });

const ask = (member: Member, body: Record<string, unknown>) =>
  member.request('/api/v1/intros', {
    method: 'POST',
    body: { message: 'I would like to talk about my first pricing change.', ...body },
  });

const openStarts = async (member: Member, gia: Member) =>
  (
    await json<{ slots: { start: string }[] }>(
      await member.request(`/api/v1/guides/${gia.userId}/intro-slots?${range}`),
      200,
    )
  ).slots.map((slot) => slot.start);

describe('an intro request at one of the guide’s open intro times', () => {
  it('carries the picked slot, holds it for the member and tells the guide it was picked', async () => {
    const gia = await guide();
    const maya = await signUp(t, 'Maya Member', 'America/New_York');
    const intro = await json<Intro>(await ask(maya, { guideId: gia.userId, slotStart: TUESDAY_0800 }), 201);
    expect(intro).toMatchObject({
      status: 'requested',
      proposedTimes: [TUESDAY_0800],
      slot: { start: TUESDAY_0800, end: TUESDAY_0830 },
    });
    const other = await signUp(t, 'Omar Other', 'Europe/London');
    expect(await openStarts(other, gia)).not.toContain(TUESDAY_0800);
    expect(await openStarts(other, gia)).toContain(TUESDAY_0830);
    const [mail] = await t.database.db
      .select({ text: outboxMessages.text })
      .from(outboxMessages)
      .where(eq(outboxMessages.to, gia.email));
    expect(mail?.text).toContain('They picked one of your open intro times');
  });

  it('answers 409 with the times open now when the slot is taken, so exactly one of two racers wins', async () => {
    const gia = await guide();
    const [ana, ben] = [await signUp(t, 'Ana Asker', 'UTC'), await signUp(t, 'Ben Asker', 'UTC')];
    const responses = await Promise.all(
      [ana, ben].map((member) => ask(member, { guideId: gia.userId, slotStart: TUESDAY_0830 })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = responses.find((r) => r.status === 409);
    const problem = (await loser?.json()) as Problem;
    expect(problem).toMatchObject({ code: 'slot-taken', field: 'slotStart' });
    expect(problem.slots?.map((s) => s.start)).toContain(TUESDAY_0800);
    expect(problem.slots?.map((s) => s.start)).not.toContain(TUESDAY_0830);
    const held = await t.database.db
      .select()
      .from(introRequests)
      .where(eq(introRequests.guideId, gia.userId));
    expect(held).toHaveLength(1);
  });

  it('lets the database refuse a second hold on an overlapping slot of the same guide', async () => {
    const gia = await guide();
    const [ana, ben] = [await signUp(t, 'Ana Direct', 'UTC'), await signUp(t, 'Ben Direct', 'UTC')];
    const row = (memberId: string, start: string) => ({
      memberId,
      guideId: gia.userId,
      message: 'Held directly.',
      slotStart: new Date(start),
      slotEnd: new Date(Date.parse(start) + 30 * 60_000),
    });
    await t.database.db.insert(introRequests).values(row(ana.userId, TUESDAY_0800));
    const overlap = await t.database.db
      .insert(introRequests)
      .values(row(ben.userId, '2026-12-08T08:15:00.000Z'))
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isOverlapViolation(overlap)).toBe(true);
    // Back to back is fine, and so is the same time once the first request is declined.
    await t.database.db.insert(introRequests).values(row(ben.userId, TUESDAY_0830));
    await t.database.db
      .update(introRequests)
      .set({ status: 'declined' })
      .where(eq(introRequests.memberId, ana.userId));
    await t.database.db.insert(introRequests).values(row(ana.userId, TUESDAY_0800));
  });

  it('frees the slot when the guide declines or moves the intro, and keeps it when accepted at that time', async () => {
    const gia = await guide();
    const [ana, ben, cy] = [
      await signUp(t, 'Ana Free', 'UTC'),
      await signUp(t, 'Ben Free', 'UTC'),
      await signUp(t, 'Cy Looker', 'UTC'),
    ];
    const first = await json<Intro>(await ask(ana, { guideId: gia.userId, slotStart: TUESDAY_0800 }), 201);
    const second = await json<Intro>(await ask(ben, { guideId: gia.userId, slotStart: TUESDAY_0830 }), 201);
    expect(await openStarts(cy, gia)).not.toContain(TUESDAY_0800);
    const respond = (id: string, body: Record<string, unknown>) =>
      gia.request(`/api/v1/intros/${id}/response`, { method: 'POST', body });
    await json(await respond(first.id, { action: 'decline', reason: 'I am travelling that week.' }), 200);
    await json(await respond(second.id, { action: 'accept', time: TUESDAY_0830 }), 200);
    const open = await openStarts(cy, gia);
    expect(open).toContain(TUESDAY_0800);
    expect(open).not.toContain(TUESDAY_0830);
    const third = await json<Intro>(await ask(cy, { guideId: gia.userId, slotStart: TUESDAY_0800 }), 201);
    const moved = await json<Intro>(
      await respond(third.id, { action: 'propose', time: '2026-12-09T08:00:00.000Z' }),
      200,
    );
    expect(moved.slot).toBeNull();
    expect(await openStarts(ana, gia)).toContain(TUESDAY_0800);
  });

  it('refuses bad input with a 4xx naming the field and saves nothing', async () => {
    const gia = await guide();
    const maya = await signUp(t, 'Maya Bad', 'UTC');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ slotStart: 'next tuesday' }, 422, 'slotStart'],
      [{ slotStart: TUESDAY_0800, proposedTimes: [TUESDAY_0830] }, 422, 'slotStart'],
      [{}, 422, 'proposedTimes'],
      [{ slotStart: '2026-12-07T07:00:00Z' }, 422, 'slotStart'],
      // Off the slot grid, and inside the intro notice: not an open slot.
      [{ slotStart: '2026-12-08T08:10:00Z' }, 409, 'slotStart'],
      [{ slotStart: '2026-12-07T09:00:00Z' }, 409, 'slotStart'],
    ];
    for (const [body, status, field] of cases) {
      const response = await ask(maya, { guideId: gia.userId, ...body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as Problem).field).toBe(field);
    }
    const saved = await t.database.db
      .select()
      .from(introRequests)
      .where(eq(introRequests.memberId, maya.userId));
    expect(saved).toEqual([]);
  });

  it('refuses a picked slot while the guide’s calendar cannot be read, pointing to times of one’s own', async () => {
    const gia = await guide();
    calendars.unreadable.push({
      userId: gia.userId,
      calendarName: 'Private',
      reason: 'the server did not answer',
      since: START,
    });
    const maya = await signUp(t, 'Maya Hidden', 'UTC');
    const response = await ask(maya, { guideId: gia.userId, slotStart: TUESDAY_0800 });
    expect(response.status).toBe(409);
    const problem = (await response.json()) as Problem;
    expect(problem).toMatchObject({ code: 'slots-hidden', field: 'slotStart' });
    expect(problem.detail).not.toContain('Private');
    expect(problem.detail).not.toContain('did not answer');
    // The intro without a picked time still works.
    await json(await ask(maya, { guideId: gia.userId, proposedTimes: [TUESDAY_0800] }), 201);
  });
});
