import { z } from '@hono/zod-openapi';
import { RELATIONSHIP_TEXT_MAX_LENGTH } from '../../domain/settings/relationships';

const body = z
  .string()
  .trim()
  .min(1, 'write something first')
  .max(RELATIONSHIP_TEXT_MAX_LENGTH, `must be at most ${RELATIONSHIP_TEXT_MAX_LENGTH} characters`);
const field = (what: string) => z.string().trim().min(2, what).max(2000, 'must be at most 2000 characters');

export const entryIdParams = z.object({
  entryId: z
    .uuid({ message: 'must be a journal entry id' })
    .openapi({ param: { name: 'entryId', in: 'path' } }),
});

export const journalQuery = z.object({
  relationshipId: z.uuid({ message: 'must be a relationship id' }).optional(),
});

export const createEntrySchema = z
  .object({
    relationshipId: z.uuid({ message: 'must be a relationship id' }).nullable().default(null),
    body: body.optional(),
    promptId: z.string().max(60).nullable().default(null),
    sharedWithGuide: z.boolean().default(false),
    pinnedForNextSession: z.boolean().default(false),
    decision: z
      .object({
        decision: field('say what you are deciding'),
        options: field('list the options you weighed'),
        expectation: field('say what you expect to happen'),
      })
      .nullable()
      .default(null),
  })
  .refine((v) => v.decision !== null || (v.body !== undefined && v.body.length > 0), {
    message: 'write something first',
    path: ['body'],
  })
  .openapi('CreateJournalEntry');

export const updateEntrySchema = z
  .object({ sharedWithGuide: z.boolean().optional(), pinnedForNextSession: z.boolean().optional() })
  .strict()
  .openapi('UpdateJournalEntry');

export const followUpSchema = z
  .object({
    afterDays: z.number().int().positive(),
    answer: field('say what actually happened'),
  })
  .openapi('DecisionFollowUpAnswer');

export const entrySchema = z
  .object({
    id: z.string(),
    relationshipId: z.string().nullable(),
    kind: z.enum(['free', 'prompt', 'decision']),
    promptId: z.string().nullable(),
    promptText: z.string().nullable(),
    body: z.string(),
    mine: z.boolean(),
    sharedWithGuide: z.boolean(),
    pinnedForNextSession: z.boolean(),
    decision: z.object({ decision: z.string(), options: z.string(), expectation: z.string() }).nullable(),
    followUpAnswers: z.array(z.object({ afterDays: z.number(), answer: z.string(), answeredAt: z.string() })),
    dueFollowUps: z.array(z.object({ afterDays: z.number(), dueAt: z.string(), question: z.string() })),
    createdAt: z.string(),
  })
  .openapi('JournalEntry');

export const promptsSchema = z
  .object({
    prompts: z.array(z.object({ id: z.string(), theme: z.string(), text: z.string(), deeper: z.string() })),
    decisionPrompts: z.array(z.object({ id: z.string(), text: z.string() })),
  })
  .openapi('JournalPrompts');

export type CreateEntryInput = z.infer<typeof createEntrySchema>;
export type JournalEntryView = z.infer<typeof entrySchema>;
