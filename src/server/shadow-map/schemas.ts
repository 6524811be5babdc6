import { z } from '@hono/zod-openapi';

export const strengthIdParams = z.object({
  strengthId: z
    .uuid({ message: 'must be a strength id' })
    .openapi({ param: { name: 'strengthId', in: 'path' } }),
});

export const strengthInputSchema = z
  .object({
    strength: z.string().trim().min(2, 'must name the strength').max(200, 'must be at most 200 characters'),
    overdone: z.string().trim().max(1000, 'must be at most 1000 characters').default(''),
    answerIds: z
      .array(z.uuid({ message: 'must be the id of a feedback answer you received' }))
      .max(50, 'link at most 50 answers')
      .default([]),
  })
  .openapi('ShadowStrengthInput');

export const strengthSchema = z
  .object({
    id: z.string(),
    strength: z.string(),
    overdone: z.string(),
    evidence: z.array(
      z.object({
        answerId: z.string(),
        requestId: z.string(),
        giverName: z.string(),
        question: z.string(),
        answer: z.string(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ShadowStrength');

export type StrengthInput = z.infer<typeof strengthInputSchema>;
export type StrengthView = z.infer<typeof strengthSchema>;
