import { z } from 'zod';
import { checkGoal } from '../../../domain/goals/check-goal';
import { goalCheckInputSchema } from '../../goals/schemas';
import { dateIn } from '../../time';
import { defineTool } from '../tool';

export const checkGoalTool = defineTool({
  name: 'check_goal',
  title: 'Goal checker',
  description:
    'Checks a goal’s wording: a measurable result, a date, a 1–12 month horizon, no vague learning wish. Returns issues and a rewrite pattern.',
  inputSchema: z.object(goalCheckInputSchema.shape),
  readOnly: true,
  run: async ({ actor, now }, input) =>
    checkGoal({ title: input.title, targetDate: input.targetDate, today: dateIn(now, actor.timeZone) }),
});
