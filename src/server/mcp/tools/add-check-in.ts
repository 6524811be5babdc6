import { z } from 'zod';
import { addCheckIn } from '../../goals/add-check-in';
import { checkInInputSchema } from '../../goals/schemas';
import { defineTool } from '../tool';

export const addCheckInTool = defineTool({
  name: 'add_check_in',
  title: 'Check in on a goal',
  description:
    'Rate the signs of progress of one of my goals (1–10 each) with a note. Get sign ids from get_goal.',
  inputSchema: z.object({ goalId: z.uuid({ message: 'must be a goal id' }), ...checkInInputSchema.shape }),
  readOnly: false,
  run: ({ db, actor, now }, { goalId, ...checkIn }) => addCheckIn(db, actor, goalId, checkIn, now),
});
