import { z } from 'zod';
import { checkAsk } from '../../../domain/asks/check-ask';
import { defineTool } from '../tool';

export const checkAskTool = defineTool({
  name: 'check_ask',
  title: 'Smallest-ask checker',
  description:
    'Checks a first message to an expert: answerable in under two minutes, one question, about their work, no coffee or mentorship request.',
  inputSchema: z.object({
    text: z.string().min(1, 'write the ask').max(4000, 'must be at most 4000 characters'),
    hook: z.string().max(300, 'must be at most 300 characters').optional(),
  }),
  readOnly: true,
  run: async (_context, input) => checkAsk(input.text, { hook: input.hook }),
});
