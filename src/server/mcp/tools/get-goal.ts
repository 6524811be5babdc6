import { z } from 'zod';
import { getGoal } from '../../goals/get-goal';
import { defineTool } from '../tool';

export const getGoalTool = defineTool({
  name: 'get_goal',
  title: 'Read one goal',
  description: 'One of my goals with all its check-ins (ratings of each sign of progress, 1–10).',
  inputSchema: z.object({ goalId: z.uuid({ message: 'must be a goal id' }) }),
  readOnly: true,
  run: ({ db, actor }, input) => getGoal(db, actor, input.goalId),
});
