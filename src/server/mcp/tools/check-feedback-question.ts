import { z } from 'zod';
import { checkFeedbackQuestion } from '../../../domain/feedback/check-feedback-question';
import { feedbackCheckInputSchema } from '../../feedback/schemas';
import { defineTool } from '../tool';

export const checkFeedbackQuestionTool = defineTool({
  name: 'check_feedback_question',
  title: 'Mirror feedback question checker',
  description:
    'Checks a feedback question: one question, about one real moment, about how I came across, not vague and not leading.',
  inputSchema: z.object(feedbackCheckInputSchema.shape),
  readOnly: true,
  run: async (_context, input) => checkFeedbackQuestion(input.question),
});
