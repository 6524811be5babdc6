import { z } from 'zod';
import { updateAction } from '../../actions/action-operations';
import { updateActionSchema } from '../../actions/schemas';
import { defineTool } from '../tool';

export const updateActionTool = defineTool({
  name: 'update_action',
  title: 'Update an action',
  description:
    'Mark one of my actions done (with its outcome), reopen it, renegotiate it to something smaller, or drop it with a reason. Get action ids from list_open_actions.',
  inputSchema: z.object({
    actionId: z.uuid({ message: 'must be an action id' }),
    update: updateActionSchema,
  }),
  readOnly: false,
  run: ({ db, actor, now }, { actionId, update }) => updateAction(db, actor, actionId, update, now),
});
