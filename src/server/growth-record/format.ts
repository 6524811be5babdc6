import { z } from 'zod';
import { GROWTH_RECORD_VERSIONS_READ } from '../../domain/settings/growth-tools';
import { sections } from './sections';

export const GROWTH_RECORD_FORMAT = 'corner-growth-record';

const personSchema = z.object({
  name: z.string().min(1).max(200),
  email: z.email(),
  timeZone: z.string().min(1).max(64),
  organization: z.string().max(200).nullable(),
});

const readable = GROWTH_RECORD_VERSIONS_READ.join(' or ');

type SectionShape = { [K in (typeof sections)[number] as K['key']]: K['schema'] };

const sectionShape = Object.fromEntries(
  sections.map((section) => [section.key, section.schema]),
) as SectionShape;

// The portable growth record: versioned, complete, and readable without Corner. Unknown top-level
// keys are refused, so a typo in a hand-edited file is named instead of silently dropped.
export const growthRecordSchema = z
  .object({
    format: z.literal(GROWTH_RECORD_FORMAT, { message: `must be "${GROWTH_RECORD_FORMAT}"` }),
    version: z.literal(GROWTH_RECORD_VERSIONS_READ, {
      message: `must be ${readable}; this Corner reads version ${readable} records`,
    }),
    exportedAt: z.iso.datetime(),
    person: personSchema,
    ...sectionShape,
  })
  .strict();

export type GrowthRecord = z.infer<typeof growthRecordSchema>;
export type GrowthRecordPerson = z.infer<typeof personSchema>;
