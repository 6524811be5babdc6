import { mean } from './statistics';
import { type Guarded, guard, guardCount } from './suppress';

/** One member's goal evidence: average sign rating of the first and latest check-in, and the retro. */
export type GoalEvidence = {
  firstCheckIn: number | null;
  latestCheckIn: number | null;
  /** Answers to "goal met?" in the closing retrospective(s); the member's own answer counts first. */
  goalMet: 'yes' | 'partly' | 'no' | null;
};

export type GoalAttainment = {
  /** Members with at least two check-ins, and how many of them rated their signs higher at the latest. */
  withProgressData: Guarded<number>;
  improved: Guarded<number>;
  /** Average change of the signs' rating (scale 1–10), first to latest check-in. */
  averageChange: Guarded<number>;
  /** Share (0–1) of members whose latest check-in is higher than the first. */
  improvedShare: Guarded<number>;
  goalMet: { yes: Guarded<number>; partly: Guarded<number>; no: Guarded<number> };
  /** Share of answered retrospectives saying yes or partly. */
  metShare: Guarded<number>;
};

/** 1 when the member's signs improved from the first to the latest check-in, 0 when not, else null. */
export function improvement(evidence: GoalEvidence): number | null {
  if (evidence.firstCheckIn === null || evidence.latestCheckIn === null) return null;
  return evidence.latestCheckIn - evidence.firstCheckIn;
}

export function computeGoalAttainment(members: readonly GoalEvidence[]): GoalAttainment {
  const changes: number[] = [];
  const met = { yes: 0, partly: 0, no: 0 };
  for (const member of members) {
    const change = improvement(member);
    if (change !== null) changes.push(change);
    if (member.goalMet) met[member.goalMet] += 1;
  }
  const improved = changes.filter((c) => c > 0).length;
  const answered = met.yes + met.partly + met.no;
  const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
  return {
    withProgressData: guardCount(changes.length),
    improved: guardCount(improved),
    averageChange: guard(changes.length, round(mean(changes), 1)),
    improvedShare: guard(changes.length, round(improved / Math.max(1, changes.length), 3)),
    goalMet: { yes: guardCount(met.yes), partly: guardCount(met.partly), no: guardCount(met.no) },
    metShare: guard(answered, round((met.yes + met.partly) / Math.max(1, answered), 3)),
  };
}
