import { z } from 'zod';
import { listGoals } from '../../goals/list-goals';
import { goalListQuery } from '../../goals/schemas';
import { defineTool } from '../tool';

export const listGoalsTool = defineTool({
  name: 'list_goals',
  title: 'List my goals',
  description: 'My goals with their signs of progress and what the goal checker thinks of each.',
  inputSchema: z.object({ status: goalListQuery.shape.status }),
  readOnly: true,
  run: ({ db, actor }, input) => listGoals(db, actor, input.status).then((goals) => ({ goals })),
});
