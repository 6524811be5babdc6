import { sendSessionInviteJob } from '../calendar/session-invite-job';
import { notificationJobs, notificationSchedules } from '../notifications/notification-jobs';
import { createJobQueue, type JobQueue, type QueueConnection } from './job-queue';
import type { WorkerContext } from './worker-context';

// Every job Corner knows and every recurring one. A new capability adds its definitions here.
export const jobDefinitions = [...notificationJobs, sendSessionInviteJob];
export const jobSchedules = [...notificationSchedules];

export function createCornerJobQueue(
  connection: QueueConnection,
  options: { pollingIntervalSeconds?: number } = {},
): JobQueue<WorkerContext> {
  return createJobQueue<WorkerContext>(connection, {
    definitions: jobDefinitions,
    schedules: jobSchedules,
    ...options,
  });
}
