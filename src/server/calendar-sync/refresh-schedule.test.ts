import { eq } from 'drizzle-orm';
import { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RadicaleServer, startRadicale } from '../../../test/support/radicale';
import { json } from '../../../test/support/relationship-fixtures';
import {
  createTestApp,
  queueConnection,
  signUp,
  TEST_CALENDAR_KEY,
  type TestApp,
} from '../../../test/support/test-app';
import { CALENDAR_REFRESH_INTERVAL_MINUTES } from '../../domain/settings/calendar-sync';
import { calendarConnections } from '../db/schema';
import { createJobQueue, type JobQueue } from '../jobs/job-queue';
import { jobDefinitions, jobSchedules } from '../jobs/registry';
import type { WorkerContext } from '../jobs/worker-context';
import { createOutboxMailer } from '../mail/mailer';
import { noRelationships } from '../notifications/reminder-source';
import { calendarSyncSchedules } from './refresh-calendars-job';

// The refresh job runs by itself: the worker keeps Corner's real schedule for it, and when pg-boss's clock
// (its own TestClock, so the test need not wait minutes for the cron) passes an occurrence, the job
// fires and reads the stale connection again. Nothing here calls the handler.

// Monday 7 December 2026, 12:01 UTC.
const START = new Date('2026-12-07T12:01:00Z');

let t: TestApp;
let radicale: RadicaleServer;
let queue: JobQueue<WorkerContext>;
const clock = new TestClock(START);

beforeAll(async () => {
  radicale = await startRadicale();
  await radicale.createCalendar('work', 'Work');
  t = await createTestApp(START);
});
afterAll(async () => {
  await queue?.stop({ graceMs: 1_000 });
  await t?.close();
  await radicale?.close();
});

describe('the calendar refresh schedule', () => {
  it('is among the worker’s schedules', () => {
    const refresh = calendarSyncSchedules.find((s) => s.name === 'refresh-calendar-connections');
    expect(refresh).toBeDefined();
    expect(jobSchedules).toContainEqual(refresh);
  });

  it('fires on its own and refreshes a connection older than the refresh interval', async () => {
    const ana = await signUp(t, 'Ana Guide', 'Europe/Berlin');
    const connection = await json<{ id: string; lastSyncedAt: string }>(
      await ana.request('/api/v1/me/calendar-connections', {
        method: 'POST',
        body: {
          provider: 'caldav',
          url: radicale.url,
          username: radicale.username,
          password: radicale.password,
        },
      }),
      201,
    );
    expect(connection.lastSyncedAt).toBe(START.toISOString());
    // Later than the refresh interval, so the connection is stale when the schedule next fires.
    const later = new Date(START.getTime() + (CALENDAR_REFRESH_INTERVAL_MINUTES + 1) * 60_000);
    await clock.setTime(later);
    queue = createJobQueue<WorkerContext>(queueConnection(t), {
      definitions: jobDefinitions,
      // Only the calendar schedule: on a shared database the other sweeps would work on other files' rows.
      schedules: calendarSyncSchedules,
      pollingIntervalSeconds: 1,
      schema: `pgboss_refresh_${process.pid}`,
      clock,
    });
    await queue.startWorker({
      db: t.database.db,
      mailer: createOutboxMailer(t.database.db),
      clock: () => new Date(clock.now()),
      jobs: queue,
      reminderFacts: noRelationships,
      publicUrl: 'https://corner.test',
      calendarKey: TEST_CALENDAR_KEY,
    });
    const lastSynced = async () => {
      const [row] = await t.database.db
        .select({ lastSyncedAt: calendarConnections.lastSyncedAt })
        .from(calendarConnections)
        .where(eq(calendarConnections.id, connection.id));
      return row?.lastSyncedAt?.getTime();
    };
    expect(await lastSynced()).toBe(START.getTime());
    // Five minutes of pg-boss time: the */5 cron passes an occurrence, the job is sent and worked.
    await vi.waitFor(
      async () => {
        await clock.tick(30_000);
        expect(await lastSynced()).toBeGreaterThan(START.getTime());
      },
      { timeout: 60_000, interval: 200 },
    );
    expect(await lastSynced()).toBeGreaterThanOrEqual(later.getTime());
  }, 90_000);
});
