import { z } from '@hono/zod-openapi';
import { readinessAnswersSchema } from '../../domain/readiness/readiness-answers';

export const readinessInputSchema = z.object({ answers: readinessAnswersSchema }).openapi('ReadinessInput');

const helpKind = z.enum([
  'mentor',
  'coach',
  'advisor',
  'peer-group',
  'self-coaching',
  'professional-support',
]);

export const recommendationSchema = z
  .object({
    kind: helpKind,
    fit: z.enum(['primary', 'also']),
    headline: z.string(),
    explanation: z.string(),
    reasons: z.array(z.object({ questionId: z.string(), answer: z.string(), why: z.string() })),
  })
  .openapi('Recommendation');

export const readinessResultSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    recommendations: z.array(recommendationSchema),
    summary: z.string(),
  })
  .openapi('ReadinessResult');

export const readinessQuestionSchema = z
  .object({
    id: z.string(),
    section: z.enum(['self-assessment', 'context']),
    prompt: z.string(),
    help: z.string().optional(),
    kind: z.enum(['scale', 'choice', 'yes-no']),
    options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  })
  .openapi('ReadinessQuestion');

export const resultIdParams = z.object({
  resultId: z
    .uuid({ message: 'must be a readiness result id' })
    .openapi({ param: { name: 'resultId', in: 'path' } }),
});

export type ReadinessResultView = z.infer<typeof readinessResultSchema>;
