import { sendSessionInviteJob } from '../calendar/session-invite-job';
import { calendarSyncJobs, calendarSyncSchedules } from '../calendar-sync/refresh-calendars-job';
import { notificationJobs, notificationSchedules } from '../notifications/notification-jobs';
import { programJobs, programSchedules } from '../programs/refresh-health-job';
import { createJobQueue, type JobQueue, type QueueConnection } from './job-queue';
import type { WorkerContext } from './worker-context';

// Every job Corner knows and every recurring one. A new capability adds its definitions here.
export const jobDefinitions = [
  ...notificationJobs,
  sendSessionInviteJob,
  ...programJobs,
  ...calendarSyncJobs,
];
export const jobSchedules = [...notificationSchedules, ...programSchedules, ...calendarSyncSchedules];

export function createCornerJobQueue(
  connection: QueueConnection,
  options: { pollingIntervalSeconds?: number; schema?: string; withSchedules?: boolean } = {},
): JobQueue<WorkerContext> {
  return createJobQueue<WorkerContext>(connection, {
    definitions: jobDefinitions,
    schedules: options.withSchedules === false ? [] : jobSchedules,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
    schema: options.schema,
  });
}
