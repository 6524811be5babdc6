import { z } from '@hono/zod-openapi';
import { agreementTermsSchema } from '../../domain/agreements/agreement-terms';
import { sessionFormats } from '../../domain/agreements/vocabulary';
import { seniorityLevels } from '../../domain/fit-score/fit-score';
import { availabilityWindowSchema, isKnownTimeZone } from '../../domain/sessions/availability';
import { DIRECTORY_MAX_PRICE } from '../../domain/settings/directory';
import { webUrl } from '../http/web-url';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const tag = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(60, 'must be at most 60 characters')
  .transform((value) => value.toLowerCase());
const price = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(DIRECTORY_MAX_PRICE, `must be at most ${DIRECTORY_MAX_PRICE}`);

export const guideKinds = ['mentor', 'coach', 'both'] as const;
export const approaches = ['person', 'craft', 'blend'] as const;
export const structures = ['structured', 'client-led', 'blend'] as const;
export const styles = ['supportive', 'challenging', 'blend'] as const;

export const guideProfileInputSchema = z
  .object({
    headline: text(160).default(''),
    bio: text(4000).default(''),
    kind: z.enum(guideKinds, { message: 'must be mentor, coach or both' }),
    expertise: z.array(tag).max(15, 'keep it to 15 areas at most').default([]),
    proofOfWork: z
      .array(
        z.object({
          label: z.string().trim().min(1, 'must say what it is').max(120),
          url: webUrl().nullable().default(null),
          description: text(500).default(''),
        }),
      )
      .max(10, 'keep it to 10 items at most')
      .default([]),
    approach: z.enum(approaches, { message: 'must be person, craft or blend' }).default('blend'),
    structure: z.enum(structures, { message: 'must be structured, client-led or blend' }).default('blend'),
    style: z.enum(styles, { message: 'must be supportive, challenging or blend' }).default('blend'),
    credentials: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
    background: text(2000).default(''),
    worksWith: text(500).default(''),
    seniorityLevels: z.array(z.enum(seniorityLevels)).max(4).default([]),
    formats: z
      .array(z.enum(sessionFormats, { message: 'must be video, phone or in-person' }))
      .min(1, 'offer at least one format')
      .max(3),
    city: text(100).nullable().default(null),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as en or de'))
      .min(1, 'list at least one language')
      .max(10),
    timeZone: z.string().refine(isKnownTimeZone, 'must be a time zone such as Europe/Berlin'),
    availability: z.array(availabilityWindowSchema).max(28, 'keep it to 28 windows at most').default([]),
    capacity: z
      .number()
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(50, 'must be at most 50'),
    volunteer: z.boolean().default(true),
    priceMin: price.nullable().default(null),
    priceMax: price.nullable().default(null),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be a currency code such as EUR')
      .nullable()
      .default(null),
    organization: text(120).nullable().default(null),
    defaultCommitments: agreementTermsSchema.nullable().default(null),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.priceMin !== null && value.priceMax !== null && value.priceMin > value.priceMax) {
      ctx.addIssue({ code: 'custom', path: ['priceMin'], message: 'must not be above priceMax' });
    }
    if (!value.volunteer && value.priceMin === null) {
      ctx.addIssue({ code: 'custom', path: ['priceMin'], message: 'a paid guide states a price from' });
    }
    if (value.formats.includes('in-person') && !value.city) {
      ctx.addIssue({ code: 'custom', path: ['city'], message: 'in-person sessions need a city' });
    }
  })
  .openapi('GuideProfileInput');

export const reliabilitySchema = z
  .object({
    medianReplyHours: z.number().nullable(),
    introRequestsAnswered: z.number(),
    noShows: z.number(),
    lastActiveAt: z.string(),
  })
  .openapi('GuideReliability');

export const guideProfileSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    headline: z.string(),
    bio: z.string(),
    kind: z.enum(guideKinds),
    expertise: z.array(z.string()),
    proofOfWork: z.array(
      z.object({ label: z.string(), url: z.string().nullable(), description: z.string() }),
    ),
    approach: z.enum(approaches),
    structure: z.enum(structures),
    style: z.enum(styles),
    credentials: z.array(z.string()),
    background: z.string(),
    worksWith: z.string(),
    seniorityLevels: z.array(z.string()),
    formats: z.array(z.string()),
    city: z.string().nullable(),
    languages: z.array(z.string()),
    timeZone: z.string(),
    availability: z.array(z.object({ weekday: z.number(), start: z.string(), end: z.string() })),
    capacity: z.number(),
    capacityLeft: z.number(),
    volunteer: z.boolean(),
    priceMin: z.number().nullable(),
    priceMax: z.number().nullable(),
    currency: z.string().nullable(),
    status: z.enum(['active', 'paused']),
    pausedReason: z.string().nullable(),
    reliability: reliabilitySchema,
  })
  .openapi('GuideProfile');

// Only the guide sees their own organization and default commitments as editable fields.
export const myGuideProfileSchema = guideProfileSchema
  .extend({ organization: z.string().nullable(), defaultCommitments: agreementTermsSchema.nullable() })
  .openapi('MyGuideProfile');

export const guideIdParams = z.object({
  guideId: z
    .string()
    .min(1)
    .max(100, 'must be a guide id')
    .openapi({ param: { name: 'guideId', in: 'path' } }),
});

export type GuideProfileInput = z.infer<typeof guideProfileInputSchema>;
export type GuideProfileView = z.infer<typeof guideProfileSchema>;
export type MyGuideProfileView = z.infer<typeof myGuideProfileSchema>;
export type Reliability = z.infer<typeof reliabilitySchema>;
