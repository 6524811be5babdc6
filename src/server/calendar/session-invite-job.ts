import { z } from 'zod';
import { defineJob } from '../jobs/job-definition';
import type { WorkerContext } from '../jobs/worker-context';
import { buildSessionInvite } from './build-session-invite';

const person = z.object({ name: z.string().min(1), email: z.email() });

const sessionInvitePayload = z.object({
  /** Who gets this mail (one job per recipient, so a failure retries only that person). */
  to: z.email(),
  subject: z.string().min(1).max(300),
  text: z.string().max(20_000),
  invite: z.object({
    uid: z.string().min(1),
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
    timeZone: z.string().min(1),
    summary: z.string().min(1),
    description: z.string().optional(),
    location: z.string().optional(),
    url: z.string().optional(),
    organizer: person,
    attendees: z.array(person),
    sequence: z.number().int().min(0),
    method: z.enum(['REQUEST', 'CANCEL']),
  }),
});

export type SessionInviteMail = z.infer<typeof sessionInvitePayload>;

/**
 * A scheduling mail (booked, moved or cancelled) with the .ics invite attached. Enqueue it after the
 * session's transaction commits, one per person; the invite is built when the mail is sent, in the
 * zone the payload names.
 */
export const sendSessionInviteJob = defineJob({
  name: 'send-session-invite',
  payload: sessionInvitePayload,
  retryLimit: 5,
  handler: async (mail: SessionInviteMail, context: WorkerContext) => {
    await context.mailer.send({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      attachments: [
        {
          filename: mail.invite.method === 'CANCEL' ? 'cancelled-session.ics' : 'session.ics',
          contentType: `text/calendar; charset=utf-8; method=${mail.invite.method}`,
          content: buildSessionInvite(mail.invite),
        },
      ],
    });
  },
});
