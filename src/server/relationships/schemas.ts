import { z } from '@hono/zod-openapi';
import { agreementTermsSchema } from '../../domain/agreements/agreement-terms';
import { relationshipFramings, relationshipKinds } from '../../domain/agreements/vocabulary';
import {
  FOCUS_AREAS_MAX,
  REFLECTION_SCORE_MAX,
  REFLECTION_SCORE_MIN,
  RELATIONSHIP_TEXT_MAX_LENGTH,
} from '../../domain/settings/relationships';
import { relationshipStatuses } from '../db/schema/relationships';

const isoDate = z.iso.date({ message: 'must be a date written as YYYY-MM-DD' });
const text = (min: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, what)
    .max(RELATIONSHIP_TEXT_MAX_LENGTH, `must be at most ${RELATIONSHIP_TEXT_MAX_LENGTH} characters`);
const optionalText = z.string().trim().max(RELATIONSHIP_TEXT_MAX_LENGTH).default('');
const score = z
  .number()
  .int('must be a whole number')
  .min(REFLECTION_SCORE_MIN, `must be ${REFLECTION_SCORE_MIN} to ${REFLECTION_SCORE_MAX}`)
  .max(REFLECTION_SCORE_MAX, `must be ${REFLECTION_SCORE_MIN} to ${REFLECTION_SCORE_MAX}`);
const yesPartlyNo = z.enum(['yes', 'partly', 'no'], { message: 'must be yes, partly or no' });

export const relationshipIdParams = z.object({
  relationshipId: z
    .uuid({ message: 'must be a relationship id' })
    .openapi({ param: { name: 'relationshipId', in: 'path' } }),
});

export const tokenParams = z.object({
  token: z
    .string()
    .min(20, 'must be the code from the invitation link')
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' } }),
});

export const versionParams = relationshipIdParams.extend({
  version: z.coerce
    .number()
    .int()
    .positive('must be an agreement version')
    .openapi({ param: { name: 'version', in: 'path' } }),
});

export const inviteSchema = z
  .object({
    inviteeEmail: z.email({ message: 'must be an email address like you@example.com' }),
    myRole: z.enum(['member', 'guide'], { message: 'must be member or guide' }),
    kind: z.enum(relationshipKinds, { message: 'must be mentoring, coaching or peer' }),
    framing: z.enum(relationshipFramings, { message: 'must be ad-hoc, goal-oriented or time-framed' }),
    goalIds: z
      .array(z.uuid({ message: 'must be the id of one of your goals' }))
      .max(10)
      .default([]),
    startDate: isoDate.nullable().default(null),
    plannedEndDate: isoDate.nullable().default(null),
    message: z.string().trim().max(2000, 'must be at most 2000 characters').default(''),
    // Default: only the invited address may accept. True: whoever opens the link (e.g. shared in a chat).
    anyoneWithLink: z.boolean().default(false),
  })
  .refine((v) => v.framing !== 'time-framed' || (v.startDate !== null && v.plannedEndDate !== null), {
    message: 'a time-framed relationship needs a start and a planned end',
    path: ['plannedEndDate'],
  })
  .refine((v) => v.startDate === null || v.plannedEndDate === null || v.plannedEndDate > v.startDate, {
    message: 'must be after the start date',
    path: ['plannedEndDate'],
  })
  .openapi('RelationshipInvitation');

export const declineSchema = z
  .object({ reason: text(3, 'say in a few words why, so the other person understands') })
  .openapi('DeclineInvitation');

export const agreementProposalSchema = z.object({ terms: agreementTermsSchema }).openapi('AgreementProposal');

export const planInputSchema = z
  .object({
    assessment: text(10, 'describe the assessment in a sentence or two'),
    focusAreas: z
      .array(z.string().trim().min(2, 'name the focus area').max(200))
      .min(1, 'name at least one focus area')
      .max(FOCUS_AREAS_MAX, `keep it to ${FOCUS_AREAS_MAX} focus areas`),
  })
  .openapi('CoachingPlanInput');

export const reflectionInputSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('midpoint'),
      answers: z.object({
        whatWorks: text(2, 'say what is working'),
        whatToChange: optionalText,
        onTrack: yesPartlyNo,
      }),
    }),
    z.object({
      kind: z.literal('retrospective'),
      answers: z.object({
        takeaways: text(2, 'name at least one takeaway'),
        whatWorked: optionalText,
        whatToChange: optionalText,
        goalAchieved: yesPartlyNo,
        whatsNext: optionalText,
      }),
    }),
    z.object({
      kind: z.literal('guide-self'),
      answers: z.object({
        responsive: score,
        listened: score,
        committed: score,
        guidedRatherThanControlled: score,
        empathy: score,
        note: optionalText,
      }),
    }),
    z.object({
      kind: z.literal('member-view'),
      answers: z.object({ satisfied: score, valuable: score, goalMet: yesPartlyNo, note: optionalText }),
    }),
  ])
  .openapi('ReflectionInput');

export const problemReportSchema = z
  .object({
    kind: z.enum(['no-show', 'misconduct', 'other'], { message: 'must be no-show, misconduct or other' }),
    details: text(10, 'describe what happened in a sentence or two'),
  })
  .openapi('ProblemReportInput');

const personSchema = z.object({ id: z.string(), name: z.string(), timeZone: z.string() });

const warningSchema = z.object({
  code: z.string(),
  level: z.enum(['warning', 'hint']),
  field: z.string(),
  message: z.string(),
  suggestion: z.string(),
});

export const agreementVersionSchema = z
  .object({
    version: z.number(),
    terms: agreementTermsSchema,
    status: z.enum(['proposed', 'accepted', 'superseded', 'withdrawn']),
    proposedByRole: z.enum(['member', 'guide']),
    proposedAt: z.string(),
    acceptedAt: z.string().nullable(),
    warnings: z.array(warningSchema),
  })
  .openapi('AgreementVersion');

const answersSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const reflectionSchema = z
  .object({
    kind: z.enum(['midpoint', 'retrospective', 'guide-self', 'member-view']),
    authorRole: z.enum(['member', 'guide']),
    mine: z.boolean(),
    answers: answersSchema,
    createdAt: z.string(),
  })
  .openapi('Reflection');

const momentumSchema = z.object({
  state: z.enum(['on-track', 'slipping', 'at-risk']),
  reasons: z.array(z.object({ code: z.string(), severity: z.string(), message: z.string() })),
  metrics: z.object({
    sessionsLast30Days: z.number(),
    expectedSessionsPer30Days: z.number(),
    daysSinceLastSession: z.number().nullable(),
    overdueActions: z.number(),
    nextStepMissing: z.boolean(),
    agendaMissing: z.boolean(),
    pulseTrend: z.string(),
  }),
});

const trackingSchema = z.object({
  cadence: z.object({ heldLast30Days: z.number(), expectedPer30Days: z.number(), kept: z.boolean() }),
  replies: z.object({ onTime: z.number(), total: z.number(), agreedWithin: z.string() }),
  preparation: z.object({ withPreNote: z.number(), held: z.number() }),
});

export const relationshipSummarySchema = z
  .object({
    id: z.string(),
    status: z.enum(relationshipStatuses),
    kind: z.enum(relationshipKinds),
    framing: z.enum(relationshipFramings),
    myRole: z.enum(['member', 'guide']),
    other: personSchema.nullable(),
    inviteeEmail: z.string(),
    startDate: z.string().nullable(),
    plannedEndDate: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('RelationshipSummary');

export const relationshipDetailSchema = relationshipSummarySchema
  .extend({
    member: personSchema.nullable(),
    guide: personSchema.nullable(),
    declineReason: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    goals: z.array(
      z.object({ id: z.string(), title: z.string(), status: z.string(), targetDate: z.string().nullable() }),
    ),
    agreement: z.object({
      current: agreementVersionSchema.nullable(),
      pending: agreementVersionSchema.nullable(),
      history: z.array(agreementVersionSchema),
    }),
    plan: z
      .object({
        version: z.number(),
        assessment: z.string(),
        focusAreas: z.array(
          z.object({ title: z.string(), addedInVersion: z.number(), outgrowingThePlan: z.boolean() }),
        ),
        createdAt: z.string(),
      })
      .nullable(),
    momentum: momentumSchema,
    tracking: trackingSchema,
    midpoint: z.object({ applies: z.boolean(), dueDate: z.string().nullable(), due: z.boolean() }),
    reflections: z.array(reflectionSchema),
    waitingFor: z.array(z.string()),
    // A program's proposal: who has said yes so far (null for relationships started by invitation).
    proposal: z
      .object({
        programName: z.string().nullable(),
        cohortName: z.string().nullable(),
        memberAccepted: z.boolean(),
        guideAccepted: z.boolean(),
        declinedByRole: z.enum(['member', 'guide']).nullable(),
        acceptPath: z.string(),
        declinePath: z.string(),
      })
      .nullable(),
  })
  .openapi('RelationshipDetail');

export const invitationPreviewSchema = z
  .object({
    status: z.enum(relationshipStatuses),
    inviterName: z.string(),
    inviteeRole: z.enum(['member', 'guide']),
    kind: z.enum(relationshipKinds),
    framing: z.enum(relationshipFramings),
    message: z.string(),
    // False: only the person signed in with the invited address can accept.
    anyoneWithLink: z.boolean(),
  })
  .openapi('InvitationPreview');

export const reportSchema = z
  .object({
    markdown: z.string(),
    sessionsHeld: z.number(),
    sessionsAgreed: z.number(),
    actionsDone: z.number(),
    actionsTotal: z.number(),
  })
  .openapi('RelationshipReport');

export type InviteInput = z.infer<typeof inviteSchema>;
export type ReflectionInput = z.infer<typeof reflectionInputSchema>;
export type RelationshipSummary = z.infer<typeof relationshipSummarySchema>;
export type RelationshipDetail = z.infer<typeof relationshipDetailSchema>;
export type AgreementVersion = z.infer<typeof agreementVersionSchema>;
export type Reflection = z.infer<typeof reflectionSchema>;
