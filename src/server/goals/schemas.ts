import { z } from '@hono/zod-openapi';
import { goalIssueCodes } from '../../domain/goals/check-goal';
import { skillCategoryValues } from '../../domain/goals/skill-categories';

const isoDate = z.iso.date({ message: 'must be a date written as YYYY-MM-DD' });
const categories = skillCategoryValues;

export const goalIdParams = z.object({
  goalId: z.uuid({ message: 'must be a goal id' }).openapi({ param: { name: 'goalId', in: 'path' } }),
});

export const signInputSchema = z.object({
  label: z.string().trim().min(2, 'must say what you will notice').max(200, 'must be at most 200 characters'),
});

export const createGoalSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(3, 'must be at least 3 characters')
      .max(300, 'must be at most 300 characters'),
    category: z.enum(categories, { message: 'must be one of iq, eq, internal' }),
    targetDate: isoDate.nullable().default(null),
    motivation: z.string().trim().max(2000, 'must be at most 2000 characters').default(''),
    pattern: z.string().max(60).nullable().default(null),
    sharedWithGuides: z.enum(['shared', 'private']).default('shared'),
    signs: z.array(signInputSchema).max(6, 'keep it to 6 signs of progress at most').default([]),
  })
  .openapi('CreateGoal');

export const updateGoalSchema = z
  .object({
    title: createGoalSchema.shape.title.optional(),
    category: createGoalSchema.shape.category.optional(),
    targetDate: isoDate.nullable().optional(),
    motivation: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
    status: z
      .enum(['active', 'achieved', 'archived'], { message: 'must be active, achieved or archived' })
      .optional(),
    sharedWithGuides: z.enum(['shared', 'private']).optional(),
  })
  .strict()
  .openapi('UpdateGoal');

export const checkInInputSchema = z
  .object({
    note: z.string().trim().max(4000, 'must be at most 4000 characters').default(''),
    ratings: z
      .array(
        z.object({
          signId: z.uuid({ message: 'must be the id of one of this goal’s signs of progress' }),
          score: z
            .number()
            .int('must be a whole number')
            .min(1, 'must be 1 to 10')
            .max(10, 'must be 1 to 10'),
        }),
      )
      .min(1, 'rate at least one sign of progress'),
  })
  .openapi('CheckInInput');

export const goalCheckInputSchema = z
  .object({
    title: z.string().max(300, 'must be at most 300 characters'),
    targetDate: isoDate.nullable().default(null),
  })
  .openapi('GoalCheckInput');

const goalIssueSchema = z.object({
  code: z.enum(goalIssueCodes),
  severity: z.enum(['problem', 'hint']),
  message: z.string(),
  suggestion: z.string(),
});

export const goalCheckSchema = z
  .object({
    ok: z.boolean(),
    issues: z.array(goalIssueSchema),
    rewritePattern: z.string(),
    example: z.string(),
    horizonDays: z.number().nullable(),
    detectedDate: z.string().nullable(),
  })
  .openapi('GoalCheck');

export const signSchema = z
  .object({ id: z.string(), label: z.string(), position: z.number() })
  .openapi('ProgressSign');

export const checkInSchema = z
  .object({
    id: z.string(),
    note: z.string(),
    createdAt: z.string(),
    ratings: z.array(z.object({ signId: z.string(), score: z.number() })),
  })
  .openapi('CheckIn');

export const goalSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    category: z.enum(categories),
    targetDate: z.string().nullable(),
    motivation: z.string(),
    pattern: z.string().nullable(),
    status: z.enum(['active', 'achieved', 'archived']),
    sharedWithGuides: z.enum(['shared', 'private']),
    createdAt: z.string(),
    updatedAt: z.string(),
    signs: z.array(signSchema),
    check: goalCheckSchema,
    lastCheckInAt: z.string().nullable(),
  })
  .openapi('Goal');

export const goalDetailSchema = goalSchema.extend({ checkIns: z.array(checkInSchema) }).openapi('GoalDetail');

export const goalListQuery = z.object({
  status: z
    .enum(['active', 'achieved', 'archived', 'all'], { message: 'must be active, achieved, archived or all' })
    .default('active'),
});

export type CreateGoalInput = z.infer<typeof createGoalSchema>;
export type UpdateGoalInput = z.infer<typeof updateGoalSchema>;
export type CheckInInput = z.infer<typeof checkInInputSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type GoalDetail = z.infer<typeof goalDetailSchema>;
