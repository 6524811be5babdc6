import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createTestApp, queueConnection, type TestApp } from '../../../test/support/test-app';
import { outboxMessages } from '../db/schema';
import { transactionThenEnqueue } from './after-commit';
import { defineJob, schedule } from './job-definition';
import { createJobQueue, type JobQueue } from './job-queue';

const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;

type Context = { seen: { subject: string; visible: boolean }[] };

let t: TestApp;
let queue: JobQueue<Context>;
const context: Context = { seen: [] };

// Reads the outbox row the job is about: it must already be committed when the job runs.
const noteMail = defineJob({
  name: 'test-note-mail',
  payload: z.object({ subject: z.string().min(1) }),
  handler: async (payload: { subject: string }, ctx: Context) => {
    const rows = await t.database.db
      .select()
      .from(outboxMessages)
      .where(sql`${outboxMessages.subject} = ${payload.subject}`);
    ctx.seen.push({ subject: payload.subject, visible: rows.length === 1 });
  },
});

beforeAll(async () => {
  t = await createTestApp();
  queue = createJobQueue<Context>(queueConnection(t), {
    definitions: [noteMail],
    schedules: [schedule(noteMail, '*/15 * * * *', { subject: 'scheduled' })],
    pollingIntervalSeconds: 0.5,
  });
  await queue.startWorker(context);
});
afterAll(async () => {
  await queue.stop();
  await t.close();
});

const insertMail = (tx: Parameters<Parameters<typeof t.database.db.transaction>[0]>[0], subject: string) =>
  tx.insert(outboxMessages).values({ to: 'x@example.test', subject, text: 't', deliveredVia: 'outbox' });

describe(`the job queue on ${process.env.CORNER_TEST_DB ?? 'pglite'}`, () => {
  it('runs an enqueued job in the worker', async () => {
    await queue.enqueue(noteMail, { subject: 'plain' });
    await vi.waitFor(() => expect(context.seen.map((s) => s.subject)).toContain('plain'), {
      timeout: 20_000,
      interval: 100,
    });
  });

  it('enqueues after the transaction commits, so the job sees the committed row', async () => {
    await transactionThenEnqueue(t.database.db, queue, async (tx, later) => {
      later.add(noteMail, { subject: 'committed' });
      await insertMail(tx, 'committed');
    });
    await vi.waitFor(() => expect(context.seen).toContainEqual({ subject: 'committed', visible: true }), {
      timeout: 20_000,
      interval: 100,
    });
  });

  it('enqueues nothing when the transaction rolls back', async () => {
    await expect(
      transactionThenEnqueue(t.database.db, queue, async (tx, later) => {
        later.add(noteMail, { subject: 'rolled-back' });
        await insertMail(tx, 'rolled-back');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // A job enqueued after this one runs, so the queue has moved past where the first would be.
    await queue.enqueue(noteMail, { subject: 'after-rollback' });
    await vi.waitFor(() => expect(context.seen.map((s) => s.subject)).toContain('after-rollback'), {
      timeout: 20_000,
      interval: 100,
    });
    expect(context.seen.map((s) => s.subject)).not.toContain('rolled-back');
    const queued = await t.database.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = 'test-note-mail' and data->>'subject' = 'rolled-back'`,
    );
    expect(rowsOf(queued)[0]).toEqual({ n: 0 });
  });

  it('refuses a payload that does not match the job, before anything is queued', async () => {
    await expect(queue.enqueue(noteMail, { subject: '' })).rejects.toThrow();
    await expect(
      transactionThenEnqueue(t.database.db, queue, async (_tx, later) =>
        later.add(noteMail, { subject: '' }),
      ),
    ).rejects.toThrow();
  });

  it('keeps the cron schedule', async () => {
    const result = await t.database.db.execute(sql`select name, cron from pgboss.schedule`);
    expect(rowsOf(result)).toContainEqual({ name: 'test-note-mail', cron: '*/15 * * * *' });
  });
});
