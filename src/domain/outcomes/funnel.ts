import { OUTCOMES_ACTIVE_CHECKPOINT_DAYS } from '../settings/outcomes';
import { type Spread, spread } from './statistics';
import { type Guarded, guard, guardCount } from './suppress';

const DAY_MS = 86_400_000;

/** One member who applied to a cohort, and what became of the pair they were matched into (if any).
 * Instants are epoch milliseconds: at 20,000 pairs, formatting and parsing 100,000 timestamps as text
 * was a third of the outcomes read. */
export type ApplicantFacts = {
  appliedAt: number;
  pair: null | {
    /** When the program published the pair. */
    matchedAt: number;
    /** When both accepted (the pair started); null while proposed or when declined. */
    startedAt: number | null;
    firstSessionAt: number | null;
    closedAt: number | null;
    /** The planned end (a date); a close before it is an early ending. */
    plannedEndOn: string | null;
    /** The structured reason recorded when the pair ended early, if one was. */
    endReason: string | null;
  };
};

export const funnelStages = [
  'applied',
  'matched',
  'first-session',
  'active-day-30',
  'active-day-90',
  'completed',
  'ended-early',
] as const;
export type FunnelStage = (typeof funnelStages)[number];

export type Funnel = {
  stages: { stage: FunnelStage; count: Guarded<number> }[];
  timing: { daysToMatch: Guarded<Spread | null>; daysToFirstSession: Guarded<Spread | null> };
  earlyEndings: { total: Guarded<number>; reasons: { reason: string; count: Guarded<number> }[] };
};

export const NO_REASON_GIVEN = 'not given';

export type PairOutcome = 'ongoing' | 'completed' | 'ended-early' | 'not-started';

// A pair completed when it closed on or after its planned end; closed before it (or ended with a
// recorded reason), it ended early.
export function pairOutcome(pair: NonNullable<ApplicantFacts['pair']>): PairOutcome {
  if (pair.startedAt === null) return 'not-started';
  if (pair.closedAt === null) return 'ongoing';
  if (pair.endReason) return 'ended-early';
  if (pair.plannedEndOn && pair.closedAt < Date.parse(`${pair.plannedEndOn}T00:00:00Z`)) {
    return 'ended-early';
  }
  return 'completed';
}

/** Whether a started pair was still going `days` after it started (null: that day has not come yet). */
export function activeAt(pair: NonNullable<ApplicantFacts['pair']>, days: number, now: Date): boolean | null {
  if (pair.startedAt === null) return false;
  const checkpoint = pair.startedAt + days * DAY_MS;
  if (checkpoint > now.getTime()) return null;
  return pair.closedAt === null || pair.closedAt >= checkpoint;
}

export function computeFunnel(applicants: readonly ApplicantFacts[], now: Date): Funnel {
  const counts: Record<FunnelStage, number> = {
    applied: 0,
    matched: 0,
    'first-session': 0,
    'active-day-30': 0,
    'active-day-90': 0,
    completed: 0,
    'ended-early': 0,
  };
  const toMatch: number[] = [];
  const toFirstSession: number[] = [];
  const reasons = new Map<string, number>();
  const [day30, day90] = OUTCOMES_ACTIVE_CHECKPOINT_DAYS;
  for (const applicant of applicants) {
    counts.applied += 1;
    const pair = applicant.pair;
    if (!pair) continue;
    counts.matched += 1;
    toMatch.push(Math.max(0, (pair.matchedAt - applicant.appliedAt) / DAY_MS));
    if (pair.firstSessionAt !== null) {
      counts['first-session'] += 1;
      if (pair.startedAt !== null) {
        toFirstSession.push(Math.max(0, (pair.firstSessionAt - pair.startedAt) / DAY_MS));
      }
    }
    if (activeAt(pair, day30, now)) counts['active-day-30'] += 1;
    if (activeAt(pair, day90, now)) counts['active-day-90'] += 1;
    const outcome = pairOutcome(pair);
    if (outcome === 'completed') counts.completed += 1;
    if (outcome === 'ended-early') {
      counts['ended-early'] += 1;
      const reason = pair.endReason ?? NO_REASON_GIVEN;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }
  return {
    stages: funnelStages.map((stage) => ({ stage, count: guardCount(counts[stage]) })),
    timing: {
      daysToMatch: guard(toMatch.length, spread(toMatch)),
      daysToFirstSession: guard(toFirstSession.length, spread(toFirstSession)),
    },
    earlyEndings: {
      total: guardCount(counts['ended-early']),
      reasons: [...reasons.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([reason, count]) => ({ reason, count: guardCount(count) })),
    },
  };
}
