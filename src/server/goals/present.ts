import { checkGoal } from '../../domain/goals/check-goal';
import type { checkInRatings, checkIns, goals, progressSigns } from '../db/schema';
import { memoize } from '../http/memoize';
import { dateIn } from '../time';
import type { Goal, GoalDetail } from './schemas';

type GoalRow = typeof goals.$inferSelect;
type SignRow = typeof progressSigns.$inferSelect;
type CheckInRow = typeof checkIns.$inferSelect;
type RatingRow = typeof checkInRatings.$inferSelect;

// The checker judges a goal against the day it was set, so an old goal does not turn "too short" as
// its date approaches. The verdict depends only on (title, target date, that day), and lists show the
// same goals on every page load, so it is computed once per distinct input.
const checkGoalOnce = memoize((key: string) => {
  const [title, targetDate, today] = JSON.parse(key) as [string, string | null, string];
  return checkGoal({ title, targetDate, today });
});

export function presentGoal(
  goal: GoalRow,
  signs: SignRow[],
  lastCheckInAt: Date | null,
  timeZone: string,
): Goal {
  const live = signs
    .filter((sign) => sign.goalId === goal.id && sign.retiredAt === null)
    .sort((a, b) => a.position - b.position)
    .map((sign) => ({ id: sign.id, label: sign.label, position: sign.position }));
  return presentGoalWithSigns(goal, live, lastCheckInAt, timeZone);
}

/** A goal whose live signs are already picked and ordered (the list query does it in SQL). */
export function presentGoalWithSigns(
  goal: GoalRow,
  signs: Goal['signs'],
  lastCheckInAt: Date | null,
  timeZone: string,
): Goal {
  return {
    id: goal.id,
    title: goal.title,
    category: goal.category,
    targetDate: goal.targetDate,
    motivation: goal.motivation,
    pattern: goal.pattern,
    status: goal.status,
    sharedWithGuides: goal.sharedWithGuides,
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
    signs,
    check: checkGoalOnce(JSON.stringify([goal.title, goal.targetDate, dateIn(goal.createdAt, timeZone)])),
    lastCheckInAt: lastCheckInAt ? lastCheckInAt.toISOString() : null,
  };
}

export function presentGoalDetail(
  goal: GoalRow,
  signs: SignRow[],
  checkInRows: CheckInRow[],
  ratings: RatingRow[],
  timeZone: string,
): GoalDetail {
  const sorted = [...checkInRows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const last = sorted.at(-1)?.createdAt ?? null;
  return {
    ...presentGoal(goal, signs, last, timeZone),
    checkIns: sorted.map((checkIn) => ({
      id: checkIn.id,
      note: checkIn.note,
      createdAt: checkIn.createdAt.toISOString(),
      ratings: ratings
        .filter((rating) => rating.checkInId === checkIn.id)
        .map((rating) => ({ signId: rating.signId, score: rating.score })),
    })),
  };
}
