import { z } from '@hono/zod-openapi';
import { outreachStages } from '../db/schema';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

const fields = {
  name: z.string().trim().min(1, 'must name the person').max(120, 'must be at most 120 characters'),
  contact: text(300),
  provenExcellence: text(1000),
  explainsHow: text(1000),
  hook: text(500),
  askDraft: text(4000),
  advice: text(1000),
  appliedTo: text(1000),
  result: text(1000),
  offeredBack: text(1000),
};

export const createOutreachSchema = z
  .object({
    name: fields.name,
    contact: fields.contact.default(''),
    provenExcellence: fields.provenExcellence.default(''),
    explainsHow: fields.explainsHow.default(''),
    hook: fields.hook.default(''),
    askDraft: fields.askDraft.default(''),
  })
  .strict()
  .openapi('CreateOutreach');

export const updateOutreachSchema = z
  .object({
    name: fields.name.optional(),
    contact: fields.contact.optional(),
    provenExcellence: fields.provenExcellence.optional(),
    explainsHow: fields.explainsHow.optional(),
    hook: fields.hook.optional(),
    askDraft: fields.askDraft.optional(),
    stage: z.enum(outreachStages, { message: `must be one of ${outreachStages.join(', ')}` }).optional(),
    advice: fields.advice.optional(),
    appliedTo: fields.appliedTo.optional(),
    result: fields.result.optional(),
    offeredBack: fields.offeredBack.optional(),
  })
  .strict()
  .openapi('UpdateOutreach');

export const askCheckInputSchema = z
  .object({ text: text(4000), hook: text(500).optional() })
  .strict()
  .openapi('AskCheckInput');

export const askCheckSchema = z
  .object({
    ok: z.boolean(),
    issues: z.array(z.object({ code: z.string(), message: z.string(), suggestion: z.string() })),
    estimatedSecondsToAnswer: z.number(),
    questionCount: z.number(),
  })
  .openapi('AskCheck');

export const outreachSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    contact: z.string(),
    provenExcellence: z.string(),
    explainsHow: z.string(),
    hook: z.string(),
    askDraft: z.string(),
    stage: z.enum(outreachStages),
    stageDates: z.record(z.string(), z.string()),
    advice: z.string(),
    appliedTo: z.string(),
    result: z.string(),
    offeredBack: z.string(),
    askCheck: askCheckSchema,
    circleBackDraft: z.string(),
    nudges: z.array(z.object({ code: z.string(), message: z.string() })),
    updatedAt: z.string(),
  })
  .openapi('OutreachContact');

export const outreachIdParams = z.object({
  outreachId: z
    .uuid({ message: 'must be an outreach contact id' })
    .openapi({ param: { name: 'outreachId', in: 'path' } }),
});

export type CreateOutreachInput = z.infer<typeof createOutreachSchema>;
export type UpdateOutreachInput = z.infer<typeof updateOutreachSchema>;
export type OutreachView = z.infer<typeof outreachSchema>;
