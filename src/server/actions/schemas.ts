import { z } from '@hono/zod-openapi';
import { nextStepInputSchema } from '../sessions/schemas';

export const actionIdParams = z.object({
  actionId: z.uuid({ message: 'must be an action id' }).openapi({ param: { name: 'actionId', in: 'path' } }),
});

export const createActionSchema = nextStepInputSchema
  .extend({
    text: z.string().trim().min(3, 'say what the step is').max(500, 'must be at most 500 characters'),
  })
  .openapi('CreateAction');

// Renegotiating keeps the promise alive in a smaller form; dropping is allowed but never silent.
export const updateActionSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('done'), outcome: z.string().trim().max(2000).default('') }),
    z.object({ status: z.literal('open') }),
    z.object({
      status: z.literal('dropped'),
      dropReason: z.string().trim().min(3, 'say why it is dropped, so nothing disappears silently').max(2000),
    }),
    z.object({
      status: z.literal('renegotiated'),
      smallerTitle: z.string().trim().min(3, 'describe the smaller version').max(500),
      dueDate: z.iso.date({ message: 'must be a date written as YYYY-MM-DD' }).nullable().default(null),
    }),
  ])
  .openapi('UpdateAction');

export type UpdateActionInput = z.infer<typeof updateActionSchema>;
