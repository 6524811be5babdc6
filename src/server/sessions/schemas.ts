import { z } from '@hono/zod-openapi';
import { SESSION_LENGTH_OPTIONS_MINUTES } from '../../domain/settings/agreements';
import { PULSE_MAX, PULSE_MIN } from '../../domain/settings/momentum';
import {
  NEXT_STEPS_MAX,
  PULSE_WORD_MAX_LENGTH,
  RELATIONSHIP_TEXT_MAX_LENGTH,
  SHARED_NOTES_MAX_LENGTH,
} from '../../domain/settings/relationships';
import { webUrl } from '../http/web-url';

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local date and time written as YYYY-MM-DDTHH:MM');
const longText = z
  .string()
  .trim()
  .max(RELATIONSHIP_TEXT_MAX_LENGTH, `must be at most ${RELATIONSHIP_TEXT_MAX_LENGTH} characters`);
const url = webUrl('must be a web address like https://meet.example.com/abc');

export const sessionIdParams = z.object({
  sessionId: z
    .uuid({ message: 'must be a session id' })
    .openapi({ param: { name: 'sessionId', in: 'path' } }),
});

export const scheduleSchema = z
  .object({
    localStart: localDateTime,
    timeZone: z.string().min(1, 'must be a time zone such as Europe/Berlin').max(100),
    minutes: z.literal(SESSION_LENGTH_OPTIONS_MINUTES).optional(),
    template: z.enum(['first', 'regular', 'last'], { message: 'must be first, regular or last' }).optional(),
    meetingLink: url.nullable().default(null),
    place: z.string().trim().max(200).nullable().default(null),
    agendaTopic: longText.default(''),
    allowShortNotice: z.boolean().default(false),
  })
  .openapi('ScheduleSession');

export const rescheduleSchema = z
  .object({
    localStart: localDateTime,
    timeZone: scheduleSchema.shape.timeZone,
    allowShortNotice: z.boolean().default(false),
  })
  .openapi('RescheduleSession');

export const preparationSchema = z
  .object({
    agendaTopic: longText.optional(),
    preNote: longText.optional(),
    meetingLink: url.nullable().optional(),
    place: z.string().trim().max(200).nullable().optional(),
  })
  .strict()
  .openapi('SessionPreparation');

export const sharedNotesSchema = z
  .object({
    body: z.string().max(SHARED_NOTES_MAX_LENGTH, `must be at most ${SHARED_NOTES_MAX_LENGTH} characters`),
    version: z.number().int().min(0, 'must be the version you edited'),
  })
  .openapi('SharedNotesSave');

export const privateNoteSchema = z
  .object({ body: z.string().max(SHARED_NOTES_MAX_LENGTH) })
  .openapi('PrivateNoteSave');

export const nextStepInputSchema = z.object({
  kind: z.enum(['practical', 'reflective'], { message: 'must be practical or reflective' }),
  text: z.string().trim().max(500, 'must be at most 500 characters'),
  owner: z.enum(['member', 'guide']).default('member'),
  dueDate: z.iso.date({ message: 'must be a date written as YYYY-MM-DD' }).nullable().default(null),
});

export const closeSessionSchema = z
  .object({
    outcome: z.enum(['held', 'cancelled', 'no-show'], { message: 'must be held, cancelled or no-show' }),
    nextSteps: z.array(nextStepInputSchema).max(NEXT_STEPS_MAX).default([]),
    insights: longText.default(''),
    reason: longText.default(''),
  })
  .openapi('CloseSession');

export const pulseInputSchema = z
  .object({
    score: z
      .number()
      .int('must be a whole number')
      .min(PULSE_MIN, `must be ${PULSE_MIN} to ${PULSE_MAX}`)
      .max(PULSE_MAX, `must be ${PULSE_MIN} to ${PULSE_MAX}`),
    word: z
      .string()
      .trim()
      .min(1, 'one word on how it felt')
      .max(PULSE_WORD_MAX_LENGTH, `must be at most ${PULSE_WORD_MAX_LENGTH} characters`)
      .regex(/^\S+$/, 'must be a single word'),
  })
  .openapi('PulseInput');

const notesVersionSchema = z.object({ body: z.string(), version: z.number() });

export const noteConflictSchema = z
  .object({
    code: z.literal('stale-notes'),
    detail: z.string(),
    status: z.number(),
    title: z.string(),
    type: z.string(),
    yours: notesVersionSchema,
    current: notesVersionSchema.extend({ updatedBy: z.string().nullable() }),
  })
  .openapi('NotesConflict');

const agendaItemSchema = z.object({
  key: z.string(),
  source: z.enum(['open-action', 'unanswered-question', 'journal-note', 'template']),
  sourceId: z.string().nullable(),
  title: z.string(),
  prompts: z.array(z.string()),
});

export const actionSchema = z
  .object({
    id: z.string(),
    relationshipId: z.string(),
    sessionId: z.string().nullable(),
    kind: z.enum(['practical', 'reflective']),
    title: z.string(),
    ownerRole: z.enum(['member', 'guide']),
    ownerName: z.string(),
    dueDate: z.string().nullable(),
    status: z.enum(['open', 'done', 'renegotiated', 'dropped']),
    outcome: z.string(),
    dropReason: z.string().nullable(),
    replacesId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Action');

export const calendarChangeSchema = z
  .object({
    kind: z.enum(['deleted', 'moved']),
    /** Whose calendar the event was moved or deleted in. */
    personId: z.string(),
    personName: z.string(),
    /** Where the event is now, when it was moved. */
    movedTo: z.object({ start: z.string(), end: z.string() }).nullable(),
    /** "deleted from Ana’s calendar" / "moved to … in Ana’s calendar", in the reader's zone. */
    reason: z.string(),
    noticedAt: z.string(),
  })
  .openapi('SessionCalendarChange');

export const sessionSummarySchema = z
  .object({
    id: z.string(),
    relationshipId: z.string(),
    status: z.enum(['scheduled', 'held', 'cancelled', 'no-show']),
    template: z.enum(['first', 'regular', 'last']),
    startsAt: z.string(),
    endsAt: z.string(),
    bookedTimeZone: z.string(),
    times: z.object({ member: z.string(), guide: z.string() }),
    agendaTopic: z.string(),
    /**
     * Non-empty = the session needs rescheduling: its event was moved or deleted in a person's calendar.
     * Shown to the pair only; it clears when the session is moved or cancelled in Corner, or kept.
     */
    calendarChanges: z.array(calendarChangeSchema),
  })
  .openapi('SessionSummary');

export const sessionDetailSchema = sessionSummarySchema
  .extend({
    myRole: z.enum(['member', 'guide']),
    templateTitle: z.string(),
    templateSummary: z.string(),
    meetingLink: z.string().nullable(),
    place: z.string().nullable(),
    preNote: z.string(),
    agenda: z.array(agendaItemSchema),
    sharedNotes: z.object({ body: z.string(), version: z.number(), updatedBy: z.string().nullable() }),
    myPrivateNote: z.string(),
    pulse: z.object({
      mine: z.object({ score: z.number(), word: z.string() }).nullable(),
      theirs: z.object({ score: z.number(), word: z.string() }).nullable(),
      theyAnswered: z.boolean(),
    }),
    nextSteps: z.array(actionSchema),
    insights: z.string(),
    statusReason: z.string().nullable(),
    relationshipStatus: z.string(),
  })
  .openapi('SessionDetail');

export const slotsSchema = z
  .object({
    slots: z.array(
      z.object({
        start: z.string(),
        end: z.string(),
        times: z.object({ member: z.string(), guide: z.string() }),
      }),
    ),
  })
  .openapi('RescheduleSlots');

export type ScheduleInput = z.infer<typeof scheduleSchema>;
export type CloseSessionInput = z.infer<typeof closeSessionSchema>;
export type SessionDetail = z.infer<typeof sessionDetailSchema>;
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
export type CalendarChangeView = z.infer<typeof calendarChangeSchema>;
export type ActionView = z.infer<typeof actionSchema>;
