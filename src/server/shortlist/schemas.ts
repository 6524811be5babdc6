import { z } from '@hono/zod-openapi';
import { agreementTermsSchema } from '../../domain/agreements/agreement-terms';

export const guideRefSchema = z
  .object({ guideId: z.string().min(1, 'must be a guide id').max(100) })
  .strict()
  .openapi('GuideRef');

const fitAnswer = z.enum(['yes', 'partly', 'no'], { message: 'must be yes, partly or no' });
const guideAnswer = z.string().trim().max(2000, 'must be at most 2000 characters');

export const scorecardInputSchema = z
  .object({
    guideId: z.string().min(1, 'must be a guide id').max(100),
    introRequestId: z.uuid({ message: 'must be an intro request id' }).nullable().default(null),
    fit: z
      .object({
        clicked: fitAnswer.optional(),
        'safe-to-be-honest': fitAnswer.optional(),
        'made-me-think': fitAnswer.optional(),
        energized: fitAnswer.optional(),
      })
      .strict(),
    redFlags: z
      .array(
        z.enum(
          [
            'talked-more-than-listened',
            'advice-instead-of-questions',
            'did-not-feel-safe',
            'predetermined-outcome',
          ],
          {
            message: 'is not one of the four red flags',
          },
        ),
      )
      .max(4),
    guideAnswers: z
      .object({
        'what-it-means-to-you': guideAnswer.optional(),
        'style-and-structure': guideAnswer.optional(),
        'background-and-clients': guideAnswer.optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
  .openapi('ScorecardInput');

const summarySchema = z.object({
  verdict: z.enum(['strong-fit', 'possible-fit', 'poor-fit', 'incomplete']),
  score: z.number().nullable(),
  strengths: z.array(z.string()),
  concerns: z.array(z.string()),
  redFlags: z.array(z.string()),
  unanswered: z.array(z.string()),
  missingGuideAnswers: z.array(z.string()),
  summary: z.string(),
});

export const scorecardSchema = z
  .object({
    id: z.string(),
    guide: z.object({ userId: z.string(), name: z.string(), headline: z.string() }),
    introRequestId: z.string().nullable(),
    answers: z.object({
      fit: z.record(z.string(), z.string()),
      redFlags: z.array(z.string()),
      guideAnswers: z.record(z.string(), z.string()).optional(),
    }),
    result: summarySchema,
    updatedAt: z.string(),
  })
  .openapi('Scorecard');

export const scorecardIdParams = z.object({
  scorecardId: z
    .uuid({ message: 'must be a scorecard id' })
    .openapi({ param: { name: 'scorecardId', in: 'path' } }),
});

export const nudgeSchema = z.object({
  code: z.string(),
  level: z.enum(['info', 'warning']),
  message: z.string(),
});

export const choiceSchema = z
  .object({
    id: z.string(),
    guide: z.object({ userId: z.string(), name: z.string() }),
    kind: z.enum(['mentoring', 'coaching']),
    agreementTerms: agreementTermsSchema,
    termsFrom: z.enum(['guide-defaults', 'method-defaults']),
    introsHeld: z.number(),
    relationshipId: z.string().nullable(),
    createdAt: z.string(),
    nudges: z.array(nudgeSchema),
  })
  .openapi('GuideChoice');

export const chooseGuideSchema = z
  .object({
    guideId: z.string().min(1, 'must be a guide id').max(100),
    kind: z.enum(['mentoring', 'coaching'], { message: 'must be mentoring or coaching' }).optional(),
  })
  .strict()
  .openapi('ChooseGuide');

export const shortlistSchema = z
  .object({
    entries: z.array(
      z.object({
        guide: z.object({
          userId: z.string(),
          name: z.string(),
          headline: z.string(),
          kind: z.enum(['mentor', 'coach', 'both']),
          status: z.enum(['active', 'paused']),
        }),
        addedAt: z.string(),
        intro: z
          .object({ id: z.string(), status: z.string(), scheduledAt: z.string().nullable() })
          .nullable(),
        scorecard: z
          .object({ id: z.string(), verdict: z.string(), score: z.number().nullable(), summary: z.string() })
          .nullable(),
      }),
    ),
    nudges: z.array(nudgeSchema),
    maxSize: z.number(),
    choice: choiceSchema.nullable(),
  })
  .openapi('Shortlist');

export type ScorecardInput = z.infer<typeof scorecardInputSchema>;
export type ScorecardView = z.infer<typeof scorecardSchema>;
export type ChoiceView = z.infer<typeof choiceSchema>;
export type ShortlistView = z.infer<typeof shortlistSchema>;
