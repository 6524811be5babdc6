import { z } from '@hono/zod-openapi';
import { INTRO_MAX_PROPOSED_TIMES, INTRO_MESSAGE_MAX_LENGTH } from '../../domain/settings/directory';
import { introStatuses } from '../db/schema';

const instant = z.iso.datetime({
  offset: true,
  message: 'must be a date and time such as 2026-12-01T10:00:00Z',
});

export const createIntroSchema = z
  .object({
    guideId: z.string().min(1, 'must be a guide id').max(100),
    message: z
      .string()
      .trim()
      .min(10, 'say in a sentence or two what you hope to talk about')
      .max(INTRO_MESSAGE_MAX_LENGTH, `must be at most ${INTRO_MESSAGE_MAX_LENGTH} characters`),
    // Times of the member's own choosing (the guide accepts one), or, instead, one of the guide's open
    // intro slots (GET /guides/{guideId}/intro-slots), which is held for the member while the guide answers.
    proposedTimes: z
      .array(instant)
      .min(1, 'propose at least one time')
      .max(INTRO_MAX_PROPOSED_TIMES, `propose at most ${INTRO_MAX_PROPOSED_TIMES} times`)
      .optional(),
    slotStart: z.iso
      .datetime({ offset: true, message: 'must be the start of an open intro slot (ISO date-time)' })
      .optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.proposedTimes === undefined && input.slotStart === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['proposedTimes'],
        message: 'propose at least one time, or pick an open intro slot (slotStart)',
      });
    }
    if (input.proposedTimes !== undefined && input.slotStart !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['slotStart'],
        message: 'pick an open intro slot or propose times, not both',
      });
    }
  })
  .openapi('CreateIntroRequest');

export const respondIntroSchema = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('accept'), time: instant, note: z.string().trim().max(1000).default('') }),
    z.object({ action: z.literal('propose'), time: instant, note: z.string().trim().max(1000).default('') }),
    z.object({
      action: z.literal('decline'),
      reason: z.string().trim().min(3, 'give the member a short reason').max(1000),
    }),
  ])
  .openapi('RespondToIntro');

export const introIdParams = z.object({
  introId: z
    .uuid({ message: 'must be an intro request id' })
    .openapi({ param: { name: 'introId', in: 'path' } }),
});

const person = z.object({ userId: z.string(), name: z.string() });

export const introSchema = z
  .object({
    id: z.string(),
    member: person,
    guide: person,
    message: z.string(),
    proposedTimes: z.array(z.string()),
    /** The open intro slot the member picked, held for them; null when they proposed their own times. */
    slot: z.object({ start: z.string(), end: z.string() }).nullable(),
    status: z.enum(introStatuses),
    scheduledAt: z.string().nullable(),
    guideProposedAt: z.string().nullable(),
    guideNote: z.string(),
    declineReason: z.string().nullable(),
    guideNoShow: z.boolean(),
    createdAt: z.string(),
    respondedAt: z.string().nullable(),
  })
  .openapi('IntroRequest');

export type CreateIntroInput = z.infer<typeof createIntroSchema>;
export type RespondIntroInput = z.infer<typeof respondIntroSchema>;
export type IntroView = z.infer<typeof introSchema>;
