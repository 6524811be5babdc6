import { z } from 'zod';
import { defineJob, schedule } from '../jobs/job-definition';
import type { WorkerContext } from '../jobs/worker-context';
import { sendPulsePrompts } from '../outcomes/pulse-check-ins';
import { recordReminders } from './record-reminders';
import { peopleWithPendingNotifications, sendDigest } from './send-digest';

/** Mails one person's digest if one is due now (see sendDigest for the once-a-day rule). */
export const sendDigestJob = defineJob({
  name: 'send-digest',
  payload: z.object({ userId: z.string().min(1) }),
  retryLimit: 5,
  handler: async ({ userId }: { userId: string }, context: WorkerContext) => {
    await sendDigest(context.db, context.mailer, userId, context.clock(), context.publicUrl);
  },
});

/**
 * Finds the reminders due now, stores the new ones in-app, then gives everyone in an active
 * relationship with something not yet mailed a digest job. Older pending items count, so what
 * arrived at night goes out in the morning.
 */
export const reminderSweepJob = defineJob({
  name: 'reminder-sweep',
  payload: z.object({}),
  handler: async (_payload: Record<string, never>, context: WorkerContext) => {
    const now = context.clock();
    const inputs = await context.reminderFacts(now);
    await recordReminders(context.db, inputs, now);
    const pulsed = await sendPulsePrompts(context.db, now);
    const people = [
      ...new Set([...inputs.flatMap((input) => [input.people.member, input.people.guide]), ...pulsed]),
    ];
    for (const userId of await peopleWithPendingNotifications(context.db, people)) {
      await context.jobs.enqueue(sendDigestJob, { userId }, { singletonKey: userId });
    }
  },
});

/** Every 15 minutes: a session reminder goes out within a quarter of an hour of its 24-hour mark. */
export const REMINDER_SWEEP_CRON = '*/15 * * * *';

export const notificationJobs = [reminderSweepJob, sendDigestJob];
export const notificationSchedules = [schedule(reminderSweepJob, REMINDER_SWEEP_CRON, {})];
