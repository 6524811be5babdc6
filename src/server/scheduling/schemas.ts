import { z } from '@hono/zod-openapi';
import { bookingRulesSchema as domainRules } from '../../domain/scheduling/booking-rules';

// The domain schema as is: it is plain zod (no .openapi() outside the server's z), so it names no component.
export const bookingRulesSchema = domainRules;

export const slotsQuery = z.object({
  from: z.iso.datetime({ offset: true, message: 'must be an ISO date-time such as 2026-12-14T00:00:00Z' }),
  to: z.iso.datetime({ offset: true, message: 'must be an ISO date-time such as 2026-12-21T00:00:00Z' }),
});

const slotSchema = z.object({ start: z.string(), end: z.string() }).openapi('Slot');

export const slotsAnswerSchema = z
  .object({
    slots: z.array(slotSchema),
    hidden: z.array(
      z.object({
        who: z.string(),
        userId: z.string(),
        reason: z.string(),
        calendarName: z.string().optional(),
        since: z.string().optional(),
      }),
    ),
    byAgreement: z.object({ available: z.boolean(), how: z.string() }).nullable(),
    sessionMinutes: z.number().int(),
    zones: z.object({ member: z.string(), guide: z.string() }),
    suggested: z.array(slotSchema),
    balance: z.object({ member: z.number().int(), guide: z.number().int() }),
  })
  .openapi('OpenSlots');

export const introSlotsAnswerSchema = slotsAnswerSchema
  .pick({ slots: true, hidden: true, byAgreement: true, sessionMinutes: true, zones: true })
  .openapi('OpenIntroSlots');

export const bookSlotSchema = z
  .object({
    start: z.iso.datetime({ offset: true, message: 'must be the start of an open slot (ISO date-time)' }),
  })
  .openapi('BookSlot');

export const proposeSessionSchema = z
  .object({
    start: z.iso.datetime({
      offset: true,
      message: 'must be the proposed start as an ISO date-time such as 2026-12-14T09:00:00+01:00',
    }),
  })
  .openapi('ProposeSession');

export const proposalParams = z.object({
  relationshipId: z
    .uuid({ message: 'must be a relationship id' })
    .openapi({ param: { name: 'relationshipId', in: 'path' } }),
  proposalId: z
    .uuid({ message: 'must be a proposal id' })
    .openapi({ param: { name: 'proposalId', in: 'path' } }),
});

export const sessionProposalSchema = z
  .object({
    id: z.string(),
    relationshipId: z.string(),
    proposedBy: z.object({ id: z.string(), name: z.string() }),
    start: z.string(),
    end: z.string(),
    status: z.enum(['open', 'confirmed', 'declined', 'withdrawn', 'expired']),
    sessionId: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    canDecide: z.boolean(),
    canWithdraw: z.boolean(),
  })
  .openapi('SessionProposal');
