import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgramCohort } from '../../../test/support/program-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { cohortOutcomeSettings, notifications, pulseCheckIns, relationships } from '../db/schema';
import { sendPulsePrompts } from './pulse-check-ins';

let t: TestApp;
let admin: Member;
let member: Member;
let guide: Member;
let relationshipId: string;
let cohortId: string;

beforeAll(async () => {
  t = await createTestApp(new Date('2027-02-10T08:00:00Z'));
  admin = await signUp(t, 'Ada Admin');
  member = await signUp(t, 'Mo Member');
  guide = await signUp(t, 'Gil Guide');
  cohortId = await createProgramCohort(admin, 'Pulse League');
  const [rel] = await t.database.db
    .insert(relationships)
    .values({
      memberId: member.userId,
      guideId: guide.userId,
      invitedBy: admin.userId,
      inviteeEmail: guide.email,
      inviteTokenHash: `pulse-${Date.now()}`,
      kind: 'mentoring',
      framing: 'time-framed',
      status: 'active',
      createdAt: t.clock.now,
      acceptedAt: t.clock.now,
      cohortId,
    })
    .returning({ id: relationships.id });
  relationshipId = rel?.id ?? '';
});
afterAll(() => t.close());

const pulseNotes = (userId: string) =>
  t.database.db
    .select({ key: notifications.key })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'pulse-check-in')));

describe('pulse over six months', () => {
  it('reaches both people on day 30 and day 90 (and 150), once each, however often the sweep runs', async () => {
    const days: number[] = [];
    for (let day = 1; day <= 182; day += 1) {
      t.clock.advanceDays(1);
      // The sweep runs every 15 minutes: twice a day here must not send anything twice.
      const first = await sendPulsePrompts(t.database.db, t.clock.now);
      const second = await sendPulsePrompts(t.database.db, t.clock.now);
      expect(second.filter((id) => id === member.userId || id === guide.userId)).toEqual([]);
      if (first.includes(member.userId)) {
        expect(first).toContain(guide.userId);
        days.push(day);
      }
      if (day === 30) {
        const status = (await (
          await member.request(`/api/v1/relationships/${relationshipId}/pulse-check-in`)
        ).json()) as {
          dueRound: number;
          notice: string;
        };
        expect(status.dueRound).toBe(0);
        expect(status.notice).toContain('no designated contact');
        const withComment = await member.request(`/api/v1/relationships/${relationshipId}/pulse-check-in`, {
          method: 'POST',
          body: { round: 0, relationship: 4, progress: 3, wouldRecommend: true, comment: 'hi' },
        });
        expect(withComment.status).toBe(422);
        const answer = await member.request(`/api/v1/relationships/${relationshipId}/pulse-check-in`, {
          method: 'POST',
          body: { round: 0, relationship: 4, progress: 3, wouldRecommend: true },
        });
        expect(answer.status).toBe(201);
        const again = await member.request(`/api/v1/relationships/${relationshipId}/pulse-check-in`, {
          method: 'POST',
          body: { round: 0, relationship: 5, progress: 5, wouldRecommend: true },
        });
        expect(again.status).toBe(409);
      }
    }
    expect(days).toEqual([30, 90, 150]);
    expect((await pulseNotes(member.userId)).map((n) => n.key)).toHaveLength(3);
    // Test files share one PostgreSQL database: count only this pair's answers.
    const answers = await t.database.db
      .select()
      .from(pulseCheckIns)
      .where(eq(pulseCheckIns.relationshipId, relationshipId));
    expect(answers).toHaveLength(1);
    // 364 sweeps, and on PostgreSQL each sweep also walks every active cohort pair the other test files
    // made in the shared database: 1–2 s alone, but CI once needed over 30 s under load.
  }, 180_000);

  it('tells the person who alone reads a comment, once the cohort names a designated contact', async () => {
    await t.database.db
      .insert(cohortOutcomeSettings)
      .values({ cohortId, pulseIntervalDays: 60, designatedContactId: admin.userId });
    const status = (await (
      await guide.request(`/api/v1/relationships/${relationshipId}/pulse-check-in`)
    ).json()) as {
      commentReader: string;
      notice: string;
    };
    expect(status.commentReader).toBe('Ada Admin');
    expect(status.notice).toContain('read only by Ada Admin');
    expect((await admin.request(`/api/v1/relationships/${relationshipId}/pulse-check-in`)).status).toBe(404);
  });
});
