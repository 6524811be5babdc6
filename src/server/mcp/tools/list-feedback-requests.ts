import { z } from 'zod';
import { listFeedbackRequests } from '../../feedback/list-feedback-requests';
import { defineTool } from '../tool';

export const listFeedbackRequestsTool = defineTool({
  name: 'list_feedback_requests',
  title: 'My mirror feedback',
  description: 'My feedback requests with the answers received and whether I thanked the giver.',
  inputSchema: z.object({}),
  readOnly: true,
  run: async ({ db, actor, now }) => ({ requests: await listFeedbackRequests(db, actor, now) }),
});
