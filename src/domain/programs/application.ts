import { z } from 'zod';
import { seniorityLevels } from '../fit-score/fit-score';
import { isKnownTimeZone } from '../sessions/availability';

// What a program knows about each applicant, as imported from a spreadsheet or submitted in the form.
const leaning = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable();

const weekWindow = z.object({
  weekday: z.number().int().min(1).max(7),
  start: z.string().regex(/^\d{2}:\d{2}$/),
  end: z.string().regex(/^\d{2}:\d{2}$/),
});

const common = {
  organization: z.string().trim().max(200).nullable(),
  timeZone: z
    .string()
    .refine(isKnownTimeZone, 'is not a known time zone (use an IANA name like Europe/Berlin)'),
  languages: z.array(z.string().trim().min(2).max(40)).min(1, 'needs at least one language').max(10),
  formats: z
    .array(z.enum(['video', 'phone', 'in-person']))
    .min(1, 'needs at least one of video, phone, in-person'),
};

export const memberProfileSchema = z.object({
  role: z.literal('member'),
  ...common,
  goal: z.string().trim().max(500),
  skillGaps: z
    .array(z.object({ area: z.string().trim().min(2).max(80), category: z.enum(['iq', 'eq']).nullable() }))
    .min(1, 'needs at least one skill gap')
    .max(10),
  style: leaning(['supportive', 'challenging', 'blend'] as const),
  structure: leaning(['structured', 'client-led', 'blend'] as const),
  seniority: z.enum(seniorityLevels).nullable(),
});

export const guideProfileSchema = z.object({
  role: z.literal('guide'),
  ...common,
  expertise: z.array(z.string().trim().min(2).max(80)).min(1, 'needs at least one area of expertise').max(20),
  capacity: z.number().int('must be a whole number').min(0, 'cannot be negative').max(50, 'is more than 50'),
  availability: z.array(weekWindow).min(1, 'needs at least one weekly window'),
  style: z.enum(['supportive', 'challenging', 'blend']),
  structure: z.enum(['structured', 'client-led', 'blend']),
  approach: z.enum(['person', 'craft', 'blend']),
  worksWith: z.array(z.enum(seniorityLevels)),
});

export const applicationProfileSchema = z.discriminatedUnion('role', [
  memberProfileSchema,
  guideProfileSchema,
]);

export type MemberApplicationProfile = z.infer<typeof memberProfileSchema>;
export type GuideApplicationProfile = z.infer<typeof guideProfileSchema>;
export type ApplicationProfile = z.infer<typeof applicationProfileSchema>;
