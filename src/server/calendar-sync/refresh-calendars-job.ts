import { z } from 'zod';
import {
  CALENDAR_REFRESH_CRON,
  CALENDAR_REFRESH_INTERVAL_MINUTES,
} from '../../domain/settings/calendar-sync';
import { defineJob, schedule } from '../jobs/job-definition';
import type { WorkerContext } from '../jobs/worker-context';
import { connectCaldav } from './caldav-connector';
import { type ConnectorFactory, connectorsFor } from './connectors';
import { staleConnectionIds, syncConnection } from './sync-connection';
import { writeSessionToCalendarsJob } from './write-session-job';

/** Refreshes every calendar connection whose cache is older than the refresh interval, oldest first. */
export async function refreshStaleCalendars(
  db: WorkerContext['db'],
  key: Buffer,
  now: Date,
  connect: ConnectorFactory = connectCaldav,
): Promise<number> {
  const ids = await staleConnectionIds(
    db,
    new Date(now.getTime() - CALENDAR_REFRESH_INTERVAL_MINUTES * 60_000),
  );
  // One after another: a slow server delays the sweep, it never floods the calendar servers.
  for (const id of ids) await syncConnection(db, key, id, now, connect);
  return ids.length;
}

export const refreshCalendarsJob = defineJob({
  name: 'refresh-calendar-connections',
  payload: z.object({}),
  handler: async (_payload: Record<string, never>, context: WorkerContext) => {
    if (!context.calendarKey) throw new Error('the worker has no calendar key, so calendars cannot be read');
    await refreshStaleCalendars(
      context.db,
      context.calendarKey,
      context.clock(),
      connectorsFor(context.calendarProviders ?? {}),
    );
  },
});

export const calendarSyncJobs = [refreshCalendarsJob, writeSessionToCalendarsJob];
export const calendarSyncSchedules = [schedule(refreshCalendarsJob, CALENDAR_REFRESH_CRON, {})];
