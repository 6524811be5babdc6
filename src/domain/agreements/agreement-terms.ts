import { z } from 'zod';
import {
  AGREEMENT_CHANNEL_MAX_LENGTH,
  AGREEMENT_MAX_CHANNELS,
  AGREEMENT_PLACE_MAX_LENGTH,
  AGREEMENT_PLANNED_MONTHS_MAX,
  AGREEMENT_TEXT_MAX_LENGTH,
  DEFAULT_AGREEMENT_NUMBERS,
  RESPONSIVENESS_MAX_DAYS,
  RESPONSIVENESS_MAX_HOURS,
  SESSION_LENGTH_OPTIONS_MINUTES,
} from '../settings/agreements';
import { cadences, type RelationshipKind, responsivenessUnits, sessionFormats } from './vocabulary';

const text = z.string().trim().max(AGREEMENT_TEXT_MAX_LENGTH);

const responsivenessSchema = z
  .object({
    within: z.number().int().positive(),
    unit: z.enum(responsivenessUnits),
    channels: z
      .array(z.string().trim().min(1).max(AGREEMENT_CHANNEL_MAX_LENGTH))
      .min(1)
      .max(AGREEMENT_MAX_CHANNELS),
  })
  .refine(
    (value) => value.within <= (value.unit === 'hours' ? RESPONSIVENESS_MAX_HOURS : RESPONSIVENESS_MAX_DAYS),
    { message: 'That reply time is longer than any working agreement needs.', path: ['within'] },
  );

/** Every term of a relationship agreement (PRODUCT.md §2.4). Both people accept the same version. */
export const agreementTermsSchema = z.object({
  cadence: z.enum(cadences),
  sessionMinutes: z.literal(SESSION_LENGTH_OPTIONS_MINUTES),
  preparation: text,
  responsiveness: responsivenessSchema,
  format: z.enum(sessionFormats),
  place: z.string().trim().max(AGREEMENT_PLACE_MAX_LENGTH).optional(),
  confidentiality: text,
  intendedOutcomes: text,
  plannedMonths: z.number().int().min(1).max(AGREEMENT_PLANNED_MONTHS_MAX).nullable(),
});

export type AgreementTerms = z.infer<typeof agreementTermsSchema>;

const defaultTexts: Record<
  RelationshipKind,
  { preparation: string; confidentiality: string; channels: string[] }
> = {
  mentoring: {
    preparation:
      'Two days before each session the member sends the topic and their thinking so far; the mentor reads it before we meet.',
    confidentiality:
      'What we discuss stays between us. Either of us can say "not this" about any topic, and names from work are shared only when we are comfortable.',
    channels: ['email'],
  },
  coaching: {
    preparation:
      'The member brings the topic to each session and works on the agreed next step between sessions; the coach reviews any notes shared beforehand.',
    confidentiality:
      'Everything said in sessions stays between us. Nothing is reported to an employer or program without the member saying so.',
    channels: ['email'],
  },
  peer: {
    preparation: "Each of us brings one current problem and reads the other one's note before we meet.",
    confidentiality: 'What either of us shares stays between the two of us.',
    channels: ['email', 'chat'],
  },
};

/** A starting point that meets the method's expectations; the pair edits it before accepting. */
export const defaultAgreementTerms = (kind: RelationshipKind): AgreementTerms => {
  const numbers = DEFAULT_AGREEMENT_NUMBERS[kind];
  const texts = defaultTexts[kind];
  return {
    cadence: numbers.cadence,
    sessionMinutes: numbers.sessionMinutes,
    preparation: texts.preparation,
    responsiveness: {
      within: numbers.responseWithin,
      unit: numbers.responseUnit,
      channels: [...texts.channels],
    },
    format: numbers.format,
    confidentiality: texts.confidentiality,
    intendedOutcomes: '',
    plannedMonths: numbers.plannedMonths,
  };
};
