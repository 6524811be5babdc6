import { z } from 'zod';
import { defineJob, schedule } from '../jobs/job-definition';
import type { WorkerContext } from '../jobs/worker-context';
import { refreshStaleRisk } from '../outcomes/pair-risk';
import { refreshStaleHealth } from './stored-health';

/**
 * Recomputes the stored states and early-warning risks of cohort pairs that a write or the clock has made stale, so an admin's
 * dashboard finds them ready instead of computing them on the request.
 */
export const refreshHealthJob = defineJob({
  name: 'refresh-relationship-health',
  payload: z.object({}),
  handler: async (_payload: Record<string, never>, context: WorkerContext) => {
    const now = context.clock();
    await refreshStaleHealth(context.db, now);
    await refreshStaleRisk(context.db, now);
  },
});

/** As often as the reminder sweep: between two runs a cohort of 20,000 pairs has some dozens gone stale. */
export const REFRESH_HEALTH_CRON = '*/15 * * * *';

export const programJobs = [refreshHealthJob];
export const programSchedules = [schedule(refreshHealthJob, REFRESH_HEALTH_CRON, {})];
