import { createMailer, type SmtpMailer } from '../../src/server/mail/smtp-mailer';
import { noRelationships } from '../../src/server/notifications/reminder-source';
import { parseMime, startSmtpSink } from './smtp-sink';
import { createTestApp, type TestApp } from './test-app';

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

/**
 * The in-process app with every mail, the app's own and the job worker's, sent over SMTP to a real
 * `smtp-server` sink, so a test reads what people would receive. `close` stops all three.
 */
export async function startAppWithSmtp(
  now: Date,
): Promise<{ t: TestApp; sink: SmtpSink; close: () => Promise<void> }> {
  const sink = await startSmtpSink();
  let mailer: SmtpMailer | undefined;
  const t = await createTestApp(now, {
    mailer: {
      send: (message) => {
        if (!mailer) throw new Error('the SMTP mailer is not ready yet');
        return mailer.send(message);
      },
    },
  });
  const smtp = createMailer(t.database.db, { smtpUrl: sink.url, from: 'Corner <corner@example.test>' });
  mailer = smtp;
  await t.jobs.startWorker({
    db: t.database.db,
    mailer: smtp,
    clock: () => t.clock.now,
    jobs: t.jobs,
    reminderFacts: noRelationships,
    publicUrl: 'https://corner.test',
  });
  return {
    t,
    sink,
    close: async () => {
      await t.close();
      smtp.close();
      await sink.close();
    },
  };
}

/** The text/calendar part of a raw mail, or '' when it has none. */
export const calendarPartOf = (raw: string) =>
  parseMime(raw).find((part) => part.headers['content-type']?.startsWith('text/calendar'))?.body ?? '';
