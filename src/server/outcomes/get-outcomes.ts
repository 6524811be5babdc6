import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { type Answer360, changePerQuestion, overallChange } from '../../domain/feedback/change-360';
import { type Effect, NOT_RANDOMISED } from '../../domain/outcomes/effect';
import { computeFunnel, type Funnel } from '../../domain/outcomes/funnel';
import { computeGoalAttainment, type GoalAttainment } from '../../domain/outcomes/goal-attainment';
import { type Guarded, guard } from '../../domain/outcomes/suppress';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { cohortLotteries, cohorts, feedbackAnswers, feedbackRequests, relationships } from '../db/schema';
import { requireCohortAdmin, requireProgramAdmin } from '../policies/programs';
import { type EffectJob, estimateInWorker } from './estimate-in-worker';
import {
  type ApplicantRow,
  loadApplicants,
  loadGoalEvidence,
  loadOutcomeValues,
  loadPulseMonths,
} from './load-outcome-facts';

export type PulsePoint = {
  month: string;
  people: Guarded<number>;
  relationship: Guarded<number>;
  progress: Guarded<number>;
  recommendShare: Guarded<number>;
};

export type Outcomes = {
  funnel: Funnel;
  pulse: PulsePoint[];
  goalAttainment: GoalAttainment;
  effect: {
    randomised: boolean;
    label: string | null;
    measures: { measure: string; effect: Effect | null; reason: string | null }[];
  };
  change360: Change360;
};

// Before/after 360 in aggregate: how many members have rated answers in both rounds, and the mean of
// their overall change (after − before, on the 1–5 scale). Never a member's own figure.
export type Change360 = { members: Guarded<number>; meanChange: Guarded<number> };

// What a program (or one cohort) changed, in aggregates only: every figure over fewer than 5 people is
// withheld, and nothing here is per person (PRODUCT.md §3, docs/confidentiality.md ## Outcomes).
export async function getCohortOutcomes(
  db: Db,
  actor: Actor,
  cohortId: string,
  now: Date,
): Promise<Outcomes> {
  await requireCohortAdmin(db, actor, cohortId);
  return outcomesOf(db, [cohortId], now);
}

export async function getProgramOutcomes(
  db: Db,
  actor: Actor,
  programId: string,
  now: Date,
): Promise<Outcomes> {
  await requireProgramAdmin(db, actor, programId);
  const rows = await db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.programId, programId));
  return outcomesOf(
    db,
    rows.map((row) => row.id),
    now,
  );
}

async function outcomesOf(db: Db, cohortIds: string[], now: Date): Promise<Outcomes> {
  if (cohortIds.length === 0) return outcomesOf(db, ['00000000-0000-0000-0000-000000000000'], now);
  const [applicants, pulseMonths, goals, values, lotteries, change360] = await Promise.all([
    loadApplicants(db, cohortIds, now),
    loadPulseMonths(db, cohortIds),
    loadGoalEvidence(db, cohortIds),
    loadOutcomeValues(db, cohortIds),
    db.select().from(cohortLotteries).where(inArray(cohortLotteries.cohortId, cohortIds)),
    change360Of(db, cohortIds),
  ]);
  const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
  return {
    funnel: computeFunnel(applicants, now),
    pulse: pulseMonths.map((m) => ({
      month: m.month,
      people: guard(m.people, m.people),
      relationship: guard(m.people, round(m.relationship)),
      progress: guard(m.people, round(m.progress)),
      recommendShare: guard(m.people, round(m.recommend, 3)),
    })),
    goalAttainment: computeGoalAttainment(goals),
    effect: await effectOf(cohortIds, applicants, values, lotteries),
    change360,
  };
}

async function change360Of(db: Db, cohortIds: string[]): Promise<Change360> {
  // Only the member's own requests of their relationship in these cohorts count.
  const rows = await db
    .select({
      memberId: feedbackRequests.userId,
      question: feedbackRequests.question,
      scale: feedbackRequests.scale,
      round: feedbackRequests.round360,
      rating: feedbackAnswers.rating,
      text: feedbackAnswers.answer,
    })
    .from(feedbackRequests)
    .innerJoin(relationships, eq(relationships.id, feedbackRequests.round360RelationshipId))
    .leftJoin(feedbackAnswers, eq(feedbackAnswers.requestId, feedbackRequests.id))
    .where(
      and(
        inArray(relationships.cohortId, cohortIds),
        eq(relationships.memberId, feedbackRequests.userId),
        isNotNull(feedbackRequests.round360),
        eq(feedbackRequests.scale, true),
      ),
    );
  const byMember = new Map<string, Answer360[]>();
  for (const row of rows) {
    if (!row.round) continue;
    const answer: Answer360 = { ...row, round: row.round, rating: row.rating, text: row.text };
    byMember.set(row.memberId, [...(byMember.get(row.memberId) ?? []), answer]);
  }
  const changes = [...byMember.values()].flatMap((answers) => {
    const change = overallChange(changePerQuestion(answers));
    return change === null ? [] : [change];
  });
  const mean = changes.length ? changes.reduce((sum, c) => sum + c, 0) / changes.length : 0;
  return {
    members: guard(changes.length, changes.length),
    meanChange: guard(changes.length, Math.round(mean * 100) / 100),
  };
}

async function effectOf(
  cohortIds: string[],
  applicants: ApplicantRow[],
  values: Awaited<ReturnType<typeof loadOutcomeValues>>,
  lotteries: (typeof cohortLotteries.$inferSelect)[],
): Promise<Outcomes['effect']> {
  // With a lottery, the drawn are the matched group and those left waiting the comparison; without one,
  // the comparison is everyone who applied and was not matched (labelled: it may reflect who applied).
  const randomised = lotteries.length === cohortIds.length;
  const group = new Map<string, 'matched' | 'waiting'>();
  const drawn = new Set<string>();
  for (const lottery of lotteries) {
    for (const id of lottery.selected) group.set(id, 'matched');
    for (const id of lottery.waiting) group.set(id, 'waiting');
    for (const id of [...lottery.selected, ...lottery.waiting]) drawn.add(id);
  }
  for (const applicant of applicants) {
    if (drawn.has(applicant.applicationId)) continue;
    group.set(
      applicant.applicationId,
      applicant.pair && applicant.pair.startedAt !== null ? 'matched' : 'waiting',
    );
  }
  const byMeasure = new Map<string, EffectJob>();
  for (const value of values) {
    const side = group.get(value.applicationId);
    if (!side) continue;
    const job = byMeasure.get(value.measure) ?? {
      measure: value.measure,
      matched: [],
      waiting: [],
      scale: value.scale,
      randomised,
      seed: `${value.measure}:${[...cohortIds].sort().join(',')}`,
    };
    job[side].push(value.value);
    byMeasure.set(value.measure, job);
  }
  const results = await estimateInWorker([...byMeasure.values()]);
  return {
    randomised,
    label: randomised ? null : NOT_RANDOMISED,
    measures: results.map((r) => ({
      measure: r.measure,
      effect: r.effect,
      reason: r.effect ? null : 'Each group needs 5 or more people with a value.',
    })),
  };
}
