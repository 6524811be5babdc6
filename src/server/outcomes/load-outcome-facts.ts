import { sql } from 'drizzle-orm';
import type { ApplicantFacts } from '../../domain/outcomes/funnel';
import type { GoalEvidence } from '../../domain/outcomes/goal-attainment';
import type { Db } from '../db/client';
import { rowsOf, uuidArray } from '../db/raw-rows';

// The instant as epoch milliseconds (float8), computed by the database: date_part is four times
// cheaper there than to_char, and the request then neither formats nor parses 100,000 timestamps.
const epochMs = (column: string) => sql.raw(`date_part('epoch', ${column}) * 1000`);

export type ApplicantRow = ApplicantFacts & { applicationId: string; relationshipId: string | null };

/** Every member who applied to these cohorts (not declined), with the pair they were matched into. */
export async function loadApplicants(db: Db, cohortIds: string[], now: Date): Promise<ApplicantRow[]> {
  // Relationships and their rollup row joined by hash; the first held session is the rollup's
  // first_held_at (kept by the sessions trigger), not a probe into sessions per pair, which at 20,000
  // pairs and 500,000 sessions was most of the outcomes read. A first session after the clock (a test
  // clock set back) has not happened yet.
  const result = await db.execute(sql`
    select a.id as application_id, ${epochMs('a.created_at')} as applied_at,
           r.id as relationship_id, ${epochMs('r.created_at')} as matched_at,
           ${epochMs('r.accepted_at')} as started_at, ${epochMs('r.closed_at')} as closed_at,
           r.planned_end_date::text as planned_end_on, e.reason as end_reason,
           case when h.first_held_at <= ${now.toISOString()} then ${epochMs('h.first_held_at')} end
             as first_session_at
    from applications a
    left join relationships r on r.cohort_id = a.cohort_id and r.member_id = a.confirmed_by
    left join pair_endings e on e.relationship_id = r.id
    left join relationship_health h on h.relationship_id = r.id
    where a.cohort_id = any(${uuidArray(cohortIds)}::uuid[]) and a.role = 'member' and a.status <> 'declined'`);
  type Row = {
    application_id: string;
    applied_at: number;
    relationship_id: string | null;
    matched_at: number | null;
    started_at: number | null;
    closed_at: number | null;
    planned_end_on: string | null;
    end_reason: string | null;
    first_session_at: number | null;
  };
  // A member matched twice in one cohort (a rematch) counts with their latest pair.
  const latest = new Map<string, Row>();
  for (const row of rowsOf<Row>(result)) {
    const seen = latest.get(row.application_id);
    if (!seen || (row.matched_at ?? -1) > (seen.matched_at ?? -1)) latest.set(row.application_id, row);
  }
  return [...latest.values()].map((row) => ({
    applicationId: row.application_id,
    relationshipId: row.relationship_id,
    appliedAt: row.applied_at,
    pair:
      row.relationship_id === null || row.matched_at === null
        ? null
        : {
            matchedAt: row.matched_at,
            startedAt: row.started_at,
            firstSessionAt: row.first_session_at,
            closedAt: row.closed_at,
            plannedEndOn: row.planned_end_on,
            endReason: row.end_reason,
          },
  }));
}

export type PulseMonth = {
  month: string;
  people: number;
  relationship: number;
  progress: number;
  recommend: number;
};

/** Pulse check-in answers per calendar month (UTC): distinct people, averages, share recommending. */
export async function loadPulseMonths(db: Db, cohortIds: string[]): Promise<PulseMonth[]> {
  // From the per-cohort month rows the pulse trigger keeps (cohort_pulse_months), not from every
  // answer: grouping 60,000 answers per person and month was the costliest part of the outcomes read.
  // Over several cohorts a person answering in two of them in one month counts once per cohort, as
  // the two pairs they are in.
  const result = await db.execute(sql`
    select to_char(month, 'YYYY-MM') as month, sum(people)::int as people,
           (sum(relationship_total)::float8 / sum(answers)) as relationship,
           (sum(progress_total)::float8 / sum(answers)) as progress,
           (sum(recommends)::float8 / sum(answers)) as recommend
    from cohort_pulse_months
    where cohort_id = any(${uuidArray(cohortIds)}::uuid[]) and answers > 0
    group by month order by month`);
  return rowsOf<PulseMonth>(result).map((row) => ({ ...row, people: Number(row.people) }));
}

/** Each matched member's first and latest check-in (average sign rating) since the pair started, and
 * their retrospective's "goal met?". */
export async function loadGoalEvidence(db: Db, cohortIds: string[]): Promise<GoalEvidence[]> {
  // Grouped once per member (not a subquery per member over all check-ins, which grew with the square
  // of the cohort); text ids compared in the "C" collation, which is all equality and order need here.
  const result = await db.execute(sql`
    with pairs as (
      select distinct on (r.member_id collate "C") r.id, r.member_id, r.accepted_at from relationships r
      where r.cohort_id = any(${uuidArray(cohortIds)}::uuid[]) and r.member_id is not null
        and r.accepted_at is not null
      order by r.member_id collate "C", r.created_at desc
    ), rated as (
      select p.member_id, ci.created_at, avg(cr.score)::float8 as score
      from pairs p
      join goals g on g.user_id = p.member_id
      join check_ins ci on ci.goal_id = g.id and ci.created_at >= p.accepted_at
      join check_in_ratings cr on cr.check_in_id = ci.id
      group by p.member_id, ci.id, ci.created_at
    ), summary as (
      select member_id, (array_agg(score order by created_at asc))[1] as first_score,
        (array_agg(score order by created_at desc))[1] as latest_score, count(*)::int as check_ins
      from rated group by member_id
    )
    select p.member_id, s.first_score, s.latest_score, coalesce(s.check_ins, 0) as check_ins,
      rf.answers->>'goalAchieved' as goal_met
    from pairs p
    left join summary s on s.member_id = p.member_id
    left join relationship_reflections rf on rf.relationship_id = p.id and rf.kind = 'retrospective'
      and rf.author_id = p.member_id`);
  type Row = {
    first_score: number | null;
    latest_score: number | null;
    check_ins: number;
    goal_met: string | null;
  };
  return rowsOf<Row>(result).map((row) => {
    const twoOrMore = Number(row.check_ins) >= 2;
    const met = row.goal_met;
    return {
      firstCheckIn: twoOrMore ? row.first_score : null,
      latestCheckIn: twoOrMore ? row.latest_score : null,
      goalMet: met === 'yes' || met === 'partly' || met === 'no' ? met : null,
    };
  });
}

export type OutcomeValueRow = {
  applicationId: string;
  measure: string;
  scale: 'binary' | 'score';
  value: number;
};

export async function loadOutcomeValues(db: Db, cohortIds: string[]): Promise<OutcomeValueRow[]> {
  const result = await db.execute(sql`
    select application_id, measure, scale, value from outcome_values
    where cohort_id = any(${uuidArray(cohortIds)}::uuid[]) order by measure`);
  type Row = { application_id: string; measure: string; scale: 'binary' | 'score'; value: number };
  return rowsOf<Row>(result).map((row) => ({
    applicationId: row.application_id,
    measure: row.measure,
    scale: row.scale,
    value: Number(row.value),
  }));
}
