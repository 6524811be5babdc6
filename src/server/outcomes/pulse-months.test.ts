import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCohortPair, type SeededPair } from '../../../test/support/cohort-pairs';
import { createProgramCohort } from '../../../test/support/program-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { rowsOf } from '../db/raw-rows';
import { pulseCheckIns, relationships, user } from '../db/schema';
import { loadPulseMonths, type PulseMonth } from './load-outcome-facts';

// The outcomes page reads pulse months from rows a trigger keeps. Whatever happens to the answers
// (new, re-scored, moved to another month, gone with their author), the kept months must say what a
// cold grouping of the answers says: distinct people per month, mean scores, share recommending.

let t: TestApp;
let admin: Member;
let cohortId: string;
const pairs: SeededPair[] = [];

const cold = async (): Promise<PulseMonth[]> =>
  rowsOf<PulseMonth>(
    await t.database.db.execute(sql`
      select to_char(date_trunc('month', p.answered_at at time zone 'UTC'), 'YYYY-MM') as month,
             count(distinct p.user_id)::int as people,
             avg(p.relationship_score)::float8 as relationship, avg(p.progress_score)::float8 as progress,
             avg(case when p.would_recommend then 1 else 0 end)::float8 as recommend
      from pulse_check_ins p join relationships r on r.id = p.relationship_id
      where r.cohort_id = ${cohortId} group by 1 order by 1`),
  ).map((row) => ({ ...row, people: Number(row.people) }));

const kept = () => loadPulseMonths(t.database.db, [cohortId]);
const close = (months: PulseMonth[]) =>
  months.map((m) => ({
    ...m,
    relationship: m.relationship.toFixed(6),
    progress: m.progress.toFixed(6),
    recommend: m.recommend.toFixed(6),
  }));

const answer = (pair: SeededPair, who: 'member' | 'guide', round: number, at: string, score: number) =>
  t.database.db
    .insert(pulseCheckIns)
    .values({
      relationshipId: pair.id,
      userId: who === 'member' ? pair.memberId : pair.guideId,
      round,
      relationshipScore: score,
      progressScore: 6 - score,
      wouldRecommend: score >= 3,
      answeredAt: new Date(at),
    })
    .returning({ id: pulseCheckIns.id });

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, 'Paula Pulse');
  cohortId = await createProgramCohort(admin, 'Pulse League');
  for (let n = 1; n <= 3; n += 1) {
    pairs.push(
      await insertCohortPair(t.database.db, {
        cohortId,
        memberId: `pm-m${n}`,
        guideId: `pm-g${n}`,
        memberName: `Member ${n}`,
        guideName: `Guide ${n}`,
        createdAt: new Date('2027-02-01T00:00:00Z'),
        acceptedAt: new Date('2027-02-03T00:00:00Z'),
      }),
    );
  }
});
afterAll(() => t.close());

describe('pulse months kept for the outcomes page', () => {
  it('match a cold grouping of the answers through inserts, changes and deletions', async () => {
    const [a, b, c] = pairs;
    if (!a || !b || !c) throw new Error('pairs not seeded');
    const steps: [string, () => Promise<unknown>][] = [
      ['first answers', () => answer(a, 'member', 0, '2027-03-05T10:00:00Z', 4)],
      ['the partner answers the same month', () => answer(a, 'guide', 0, '2027-03-06T10:00:00Z', 2)],
      // One person, two pairs' worth of rounds in one month: counted once among the people.
      ['a second answer by the same person', () => answer(a, 'member', 1, '2027-03-28T23:30:00Z', 5)],
      ['another pair, another month', () => answer(b, 'member', 0, '2027-04-01T00:00:00Z', 1)],
      ['late on the last day of a month (UTC)', () => answer(c, 'guide', 0, '2027-04-30T23:59:59Z', 3)],
      [
        'a score corrected',
        () =>
          t.database.db
            .update(pulseCheckIns)
            .set({ relationshipScore: 1, wouldRecommend: false })
            .where(eq(pulseCheckIns.userId, a.guideId)),
      ],
      [
        'an answer moved to another month',
        () =>
          t.database.db
            .update(pulseCheckIns)
            .set({ answeredAt: new Date('2027-05-02T08:00:00Z') })
            .where(sql`${pulseCheckIns.userId} = ${a.memberId} and ${pulseCheckIns.round} = 1`),
      ],
      [
        'a pair moved to another cohort',
        async () => {
          const other = await createProgramCohort(admin, 'Other League');
          await t.database.db
            .update(relationships)
            .set({ cohortId: other })
            .where(eq(relationships.id, b.id));
        },
      ],
      // The author's account goes: their answers go by cascade, and the month they alone answered in
      // must not linger with nobody in it.
      ['an author deleted', () => t.database.db.delete(user).where(eq(user.id, c.guideId))],
    ];
    for (const [label, step] of steps) {
      await step();
      expect(close(await kept()), label).toEqual(close(await cold()));
    }
    expect((await kept()).map((m) => [m.month, m.people])).toEqual([
      ['2027-03', 2],
      ['2027-05', 1],
    ]);
  });

  it('rebuilds from the answers when they were loaded past the trigger', async () => {
    await t.database.db.execute(sql`delete from cohort_pulse_months`);
    await t.database.db.execute(sql`delete from pulse_person_months`);
    expect(await kept()).toEqual([]);
    await t.database.db.execute(sql`select corner_rebuild_pulse_months()`);
    expect(close(await kept())).toEqual(close(await cold()));
  });
});
