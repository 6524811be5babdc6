import { z } from '@hono/zod-openapi';
import { FEEDBACK_ANSWER_MAX_CHARS } from '../../domain/settings/growth-tools';

export const feedbackRequestIdParams = z.object({
  requestId: z
    .uuid({ message: 'must be a feedback request id' })
    .openapi({ param: { name: 'requestId', in: 'path' } }),
});

export const feedbackTokenParams = z.object({
  token: z
    .string()
    .min(20, 'is not a feedback link')
    .max(200, 'is not a feedback link')
    .regex(/^[A-Za-z0-9_-]+$/, 'is not a feedback link')
    .openapi({ param: { name: 'token', in: 'path' } }),
});

export const createFeedbackRequestSchema = z
  .object({
    goalId: z.uuid({ message: 'must be the id of one of your goals' }),
    question: z
      .string()
      .trim()
      .min(10, 'must be a whole question about one moment')
      .max(500, 'must be at most 500 characters'),
    moment: z.string().trim().max(300, 'must be at most 300 characters').default(''),
    giverName: z
      .string()
      .trim()
      .min(1, 'must say who you are asking')
      .max(120, 'must be at most 120 characters'),
    giverEmail: z.email({ message: 'must be an email address' }).nullable().default(null),
    // A scale question also asks for a rating from 1 (not at all) to 5 (very much).
    scale: z.boolean().default(false),
    sharedWithGuide: z.boolean().default(false),
    // Required when sharing: whose guide (which of my relationships) may read it.
    relationshipId: z
      .uuid({ message: 'must be the id of one of your relationships' })
      .nullable()
      .default(null),
  })
  .openapi('CreateFeedbackRequest');

export const updateFeedbackRequestSchema = z
  .object({
    sharedWithGuide: z.boolean(),
    relationshipId: z
      .uuid({ message: 'must be the id of one of your relationships' })
      .nullable()
      .default(null),
  })
  .strict()
  .openapi('UpdateFeedbackRequest');

export const thankGiverSchema = z
  .object({
    note: z
      .string()
      .trim()
      .min(3, 'write a few words of thanks')
      .max(1000, 'must be at most 1000 characters'),
  })
  .openapi('ThankGiver');

export const feedbackCheckInputSchema = z
  .object({ question: z.string().max(500, 'must be at most 500 characters') })
  .openapi('FeedbackCheckInput');

export const feedbackCheckSchema = z
  .object({
    ok: z.boolean(),
    issues: z.array(z.object({ code: z.string(), message: z.string(), suggestion: z.string() })),
    questionCount: z.number(),
    wordCount: z.number(),
  })
  .openapi('FeedbackCheck');

export const feedbackAnswerSchema = z
  .object({ id: z.string(), text: z.string(), rating: z.number().int().nullable(), createdAt: z.string() })
  .openapi('FeedbackAnswer');

export const feedbackRequestSchema = z
  .object({
    id: z.string(),
    goalId: z.string(),
    goalTitle: z.string(),
    question: z.string(),
    moment: z.string(),
    giverName: z.string(),
    giverEmail: z.string().nullable(),
    status: z.enum(['waiting', 'answered', 'expired']),
    expiresAt: z.string(),
    sharedWithGuide: z.boolean(),
    // The one relationship whose guide reads it, while shared.
    sharedRelationshipId: z.string().nullable(),
    check: feedbackCheckSchema,
    answer: feedbackAnswerSchema.nullable(),
    thankedAt: z.string().nullable(),
    thankYouNote: z.string().nullable(),
    scale: z.boolean(),
    // Before/after 360: which round this is, of which relationship, and (for an after) its before.
    round360: z.enum(['before', 'after']).nullable(),
    round360RelationshipId: z.string().nullable(),
    beforeRequestId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('FeedbackRequest');

// What a guide may read of feedback the member shared: no giver email, no thank-you note, and the goal's
// title only while the member shares that goal.
export const sharedFeedbackSchema = z
  .object({
    id: z.string(),
    goalTitle: z.string().nullable(),
    question: z.string(),
    moment: z.string(),
    giverName: z.string(),
    status: z.enum(['waiting', 'answered', 'expired']),
    answer: feedbackAnswerSchema.nullable(),
    createdAt: z.string(),
  })
  .openapi('SharedFeedback');

export const createdFeedbackRequestSchema = z
  .object({
    request: feedbackRequestSchema,
    // The only time the link's secret is ever shown: only its hash is stored.
    token: z.string(),
    path: z.string(),
  })
  .openapi('CreatedFeedbackRequest');

export const publicFeedbackSchema = z
  .object({
    memberName: z.string(),
    giverName: z.string(),
    question: z.string(),
    moment: z.string(),
    scale: z.boolean(),
    expiresAt: z.string(),
  })
  .openapi('PublicFeedbackRequest');

export const publicAnswerInputSchema = z
  .object({
    answer: z
      .string()
      .trim()
      .min(2, 'write your answer')
      .max(FEEDBACK_ANSWER_MAX_CHARS, `must be at most ${FEEDBACK_ANSWER_MAX_CHARS} characters`),
    // Required for a scale question, refused otherwise.
    rating: z
      .number()
      .int('must be a whole number from 1 to 5')
      .min(1, 'must be from 1 to 5')
      .max(5, 'must be from 1 to 5')
      .nullable()
      .default(null),
  })
  .openapi('PublicFeedbackAnswer');

export const markBeforeSchema = z
  .object({ relationshipId: z.uuid({ message: 'must be the id of one of your relationships' }) })
  .openapi('MarkFeedbackBefore');

const roundSummarySchema = z.object({
  asked: z.number().int(),
  answered: z.number().int(),
  mean: z.number().nullable(),
  texts: z.array(z.string()),
});
// The member's own before/after 360 of one relationship: only the member reads it.
export const feedbackChangeSchema = z
  .object({
    relationshipId: z.string(),
    beforeRequests: z.array(z.object({ id: z.string(), afterRequestId: z.string().nullable() })),
    questions: z.array(
      z.object({
        question: z.string(),
        scale: z.boolean(),
        before: roundSummarySchema,
        after: roundSummarySchema,
        difference: z.number().nullable(),
      }),
    ),
    overallChange: z.number().nullable(),
  })
  .openapi('FeedbackChange360');

export type CreateFeedbackRequestInput = z.infer<typeof createFeedbackRequestSchema>;
export type FeedbackRequestView = z.infer<typeof feedbackRequestSchema>;
export type CreatedFeedbackRequest = z.infer<typeof createdFeedbackRequestSchema>;
export type SharedFeedbackView = z.infer<typeof sharedFeedbackSchema>;
export type PublicFeedbackView = z.infer<typeof publicFeedbackSchema>;
export type FeedbackChangeView = z.infer<typeof feedbackChangeSchema>;
