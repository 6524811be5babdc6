import { z } from '@hono/zod-openapi';
import { sessionFormats } from '../../domain/agreements/vocabulary';
import { seniorityLevels } from '../../domain/fit-score/fit-score';
import {
  DIRECTORY_DEFAULT_LIMIT,
  DIRECTORY_MAX_LIMIT,
  DIRECTORY_MAX_PAGE,
  DIRECTORY_MAX_PRICE,
  DIRECTORY_MAX_QUERY_LENGTH,
  DIRECTORY_RANK_POOL,
} from '../../domain/settings/directory';
import { approaches, guideProfileSchema, structures, styles } from '../guide-profiles/schemas';

const flag = z
  .enum(['true', 'false'], { message: 'must be true or false' })
  .transform((value) => value === 'true');
const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const list = (max: number, item: z.ZodString) =>
  z
    .string()
    .max(500, 'is too long')
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim().toLowerCase())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(item).max(max, `lists at most ${max} values`));

// Every filter of the directory. Unknown parameters are refused by name rather than ignored, so a
// typo ("langauge=de") never silently widens a search.
const directoryFilters = z.object({
  q: z
    .string()
    .trim()
    .max(DIRECTORY_MAX_QUERY_LENGTH, `must be at most ${DIRECTORY_MAX_QUERY_LENGTH} characters`)
    .optional(),
  kind: z
    .enum(['mentor', 'coach', 'any'], { message: 'must be mentor, coach or any' })
    .optional()
    .openapi({ description: 'Omit to use my latest readiness result; "any" clears it.' }),
  expertise: list(10, z.string().min(1).max(60)).optional(),
  approach: z.enum(approaches, { message: 'must be person, craft or blend' }).optional(),
  structure: z.enum(structures, { message: 'must be structured, client-led or blend' }).optional(),
  style: z.enum(styles, { message: 'must be supportive, challenging or blend' }).optional(),
  credential: z.string().trim().min(1).max(60, 'must be at most 60 characters').optional(),
  format: z.enum(sessionFormats, { message: 'must be video, phone or in-person' }).optional(),
  city: z.string().trim().min(1).max(100, 'must be at most 100 characters').optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'must be a language code such as en or de')
    .optional(),
  seniority: z.enum(seniorityLevels, { message: 'must be early, mid, senior or executive' }).optional(),
  volunteerOnly: flag.optional(),
  priceMin: wholeNumber(0, DIRECTORY_MAX_PRICE).optional(),
  priceMax: wholeNumber(0, DIRECTORY_MAX_PRICE).optional(),
  minCapacityLeft: wholeNumber(1, 50).optional(),
  overlapOnly: flag.optional().openapi({ description: 'Only guides free during my 9–18 working day' }),
  includeOwnOrganization: flag.optional(),
  page: wholeNumber(1, DIRECTORY_MAX_PAGE).default(1),
  limit: wholeNumber(1, DIRECTORY_MAX_LIMIT).default(DIRECTORY_DEFAULT_LIMIT),
});
const knownFilters = new Set(Object.keys(directoryFilters.shape));

export const directoryQuery = directoryFilters.loose().superRefine((value, ctx) => {
  for (const key of Object.keys(value)) {
    if (!knownFilters.has(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'is not a filter the directory knows' });
    }
  }
  if (value.priceMin !== undefined && value.priceMax !== undefined && value.priceMin > value.priceMax) {
    ctx.addIssue({ code: 'custom', path: ['priceMin'], message: 'must not be above priceMax' });
  }
});

export type DirectoryQuery = z.infer<typeof directoryQuery>;

export const guideCardSchema = guideProfileSchema
  .pick({
    userId: true,
    name: true,
    headline: true,
    kind: true,
    expertise: true,
    approach: true,
    structure: true,
    style: true,
    credentials: true,
    formats: true,
    city: true,
    languages: true,
    timeZone: true,
    capacity: true,
    capacityLeft: true,
    volunteer: true,
    priceMin: true,
    priceMax: true,
    currency: true,
    reliability: true,
  })
  .openapi('GuideCard');

export const directoryResultSchema = z
  .object({
    guide: guideCardSchema,
    fit: z.object({
      score: z.number(),
      why: z.array(z.string()),
      overlapMinutesPerWeek: z.number().nullable(),
    }),
  })
  .openapi('DirectoryResult');

export const directoryPageSchema = z
  .object({
    results: z.array(directoryResultSchema),
    page: z.number(),
    limit: z.number(),
    total: z.number(),
    totalCapped: z.boolean(),
    kindFilter: z.object({
      kind: z.enum(['mentor', 'coach', 'any']),
      source: z.enum(['query', 'readiness', 'none']),
    }),
    ownOrganizationExcluded: z.boolean(),
  })
  .openapi('DirectoryPage');

export type DirectoryPage = z.infer<typeof directoryPageSchema>;
export type DirectoryResult = z.infer<typeof directoryResultSchema>;

export const organizationInputSchema = z
  .object({ organization: z.string().trim().max(120, 'must be at most 120 characters').nullable() })
  .strict()
  .openapi('OrganizationInput');
