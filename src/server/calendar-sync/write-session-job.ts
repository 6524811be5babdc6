import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { buildSessionInvite, type SessionInvite } from '../calendar/build-session-invite';
import type { Db } from '../db/client';
import { calendarConnections } from '../db/schema';
import { defineJob } from '../jobs/job-definition';
import type { WorkerContext } from '../jobs/worker-context';
import { connectCaldav } from './caldav-connector';
import type { ConnectorFactory } from './connectors';
import { connectorsFor } from './connectors';
import { decryptCredentials, encryptCredentials } from './credentials';
import { recordWrittenEvent } from './session-event-records';

// A booked, moved or cancelled session written into the chosen calendar of each connected person, with
// the same UID as the mailed .ics invite (the same builder makes both), so calendars that also received
// the invite see one event, not two.

const payload = z.object({
  userIds: z.array(z.string().min(1)).min(1).max(10),
  change: z.enum(['booked', 'moved', 'cancelled']),
  /** The session, so what was written can be checked at each sync (absent in jobs queued before). */
  sessionId: z.string().uuid().optional(),
  invite: z.custom<SessionInvite>((value) => typeof value === 'object' && value !== null && 'uid' in value),
});

export type WriteSessionPayload = z.infer<typeof payload>;

/** A calendar object resource must not carry METHOD (RFC 4791 §4.1); the mailed invite needs it. */
export function calendarObjectFor(invite: SessionInvite): string {
  return buildSessionInvite({ ...invite, method: 'REQUEST' }).replace(/^METHOD:[^\r\n]*\r?\n/m, '');
}

export async function writeSessionToCalendars(
  db: Db,
  key: Buffer,
  job: WriteSessionPayload,
  connect: ConnectorFactory = connectCaldav,
  now: Date = new Date(),
): Promise<number> {
  const targets = await db
    .select()
    .from(calendarConnections)
    .where(
      and(inArray(calendarConnections.userId, job.userIds), isNotNull(calendarConnections.writeCalendarUrl)),
    );
  let written = 0;
  for (const target of targets) {
    if (!target.writeCalendarUrl) continue;
    const connector = await connect({
      provider: target.provider,
      saveSecret: async (secret) => {
        await db
          .update(calendarConnections)
          .set({ credentials: encryptCredentials(key, secret) })
          .where(eq(calendarConnections.id, target.id));
      },
      url: target.serverUrl,
      username: target.username,
      password: decryptCredentials(key, target.credentials),
    });
    if (job.change === 'cancelled') await connector.deleteObject(target.writeCalendarUrl, job.invite.uid);
    else await connector.putObject(target.writeCalendarUrl, job.invite.uid, calendarObjectFor(job.invite));
    if (job.sessionId) {
      await recordWrittenEvent(db, {
        connectionId: target.id,
        sessionId: job.sessionId,
        calendarUrl: target.writeCalendarUrl,
        change: job.change,
        start: new Date(job.invite.start),
        end: new Date(job.invite.end),
        now,
      });
    }
    written += 1;
  }
  return written;
}

export const writeSessionToCalendarsJob = defineJob({
  name: 'write-session-to-calendars',
  payload,
  retryLimit: 5,
  handler: async (job: WriteSessionPayload, context: WorkerContext) => {
    if (!context.calendarKey)
      throw new Error('the worker has no calendar key, so calendars cannot be written');
    await writeSessionToCalendars(
      context.db,
      context.calendarKey,
      job,
      connectorsFor(context.calendarProviders ?? {}),
      context.clock(),
    );
  },
});
