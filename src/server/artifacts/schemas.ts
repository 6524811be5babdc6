import { z } from '@hono/zod-openapi';

export const artifactKinds = ['exec-update', 'launch-email', 'prd', 'strategy-doc', 'other'] as const;

export const artifactIdParams = z.object({
  artifactId: z
    .uuid({ message: 'must be an artifact id' })
    .openapi({ param: { name: 'artifactId', in: 'path' } }),
});

const shortText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const artifactInputSchema = z
  .object({
    kind: z.enum(artifactKinds, { message: 'must be exec-update, launch-email, prd, strategy-doc or other' }),
    title: z
      .string()
      .trim()
      .min(3, 'must be at least 3 characters')
      .max(200, 'must be at most 200 characters'),
    body: z.string().max(100_000, 'must be at most 100,000 characters').default(''),
    source: z.string().trim().max(500, 'must be at most 500 characters').default(''),
    questions: z.array(shortText(300)).max(30, 'list at most 30 questions').default([]),
    tags: z.array(shortText(40)).max(12, 'use at most 12 tags').default([]),
    goalId: z.uuid({ message: 'must be the id of one of your goals' }).nullable().default(null),
  })
  .openapi('ArtifactInput');

export const artifactListQuery = z.object({
  role: z.enum(['example', 'draft', 'all'], { message: 'must be example, draft or all' }).default('all'),
  tag: z.string().max(40).optional(),
});

export const artifactSchema = z
  .object({
    id: z.string(),
    role: z.enum(['example', 'draft']),
    kind: z.enum(artifactKinds),
    title: z.string(),
    body: z.string(),
    source: z.string(),
    questions: z.array(z.string()),
    tags: z.array(z.string()),
    goalId: z.string().nullable(),
    templateId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Artifact');

export type ArtifactInput = z.infer<typeof artifactInputSchema>;
export type ArtifactView = z.infer<typeof artifactSchema>;
