import { z } from '@hono/zod-openapi';

// What a guide in a cohort sees and saves about the applicants who fit them, and the counts admins see.

export const guideApplicantSchema = z
  .object({
    memberApplicationId: z.string(),
    name: z.string(),
    fit: z.number(),
    why: z.array(z.string()),
    goal: z.string(),
    skillGaps: z.array(z.string()),
    style: z.string().nullable(),
    structure: z.string().nullable(),
    seniority: z.string().nullable(),
    languages: z.array(z.string()),
    formats: z.array(z.string()),
    timeZone: z.string(),
    /** The guide's own score (0..1), or null when they gave none (their side is then the fit). */
    score: z.number().nullable(),
    rank: z.number().int().nullable(),
  })
  .openapi('GuideApplicant');

export const guideApplicantsSchema = z
  .object({
    cohortId: z.string(),
    cohortName: z.string(),
    applicants: z.array(guideApplicantSchema),
    answered: z.number().int(),
    savedAt: z.string().nullable(),
  })
  .openapi('GuideApplicants');
export type GuideApplicantsView = z.infer<typeof guideApplicantsSchema>;

export const guidePreferencesSchema = z
  .discriminatedUnion('by', [
    z.object({
      by: z.literal('rank'),
      /** Member application ids, first choice first. */
      ranking: z.array(z.string().min(1, 'must be a member application id')).max(2000),
    }),
    z.object({
      by: z.literal('score'),
      scores: z
        .array(
          z.object({
            memberApplicationId: z.string().min(1, 'must be a member application id'),
            score: z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1'),
          }),
        )
        .max(2000),
    }),
  ])
  .openapi('GuidePreferencesInput');
export type GuidePreferencesInput = z.infer<typeof guidePreferencesSchema>;

export const myGuideCohortsSchema = z
  .object({
    cohorts: z.array(z.object({ cohortId: z.string(), cohortName: z.string(), matchingOn: z.string() })),
  })
  .openapi('MyGuideCohorts');
export type MyGuideCohortsView = z.infer<typeof myGuideCohortsSchema>;

export const guideAnswersSchema = z
  .object({
    guides: z.array(
      z.object({
        guideApplicationId: z.string(),
        name: z.string(),
        /** Applicants who fit this guide. */
        fitting: z.number().int(),
        /** How many of them the guide scored or ranked (the scores stay the guide's). */
        answered: z.number().int(),
      }),
    ),
  })
  .openapi('GuideAnswers');
export type GuideAnswersView = z.infer<typeof guideAnswersSchema>;
