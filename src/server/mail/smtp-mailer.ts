import nodemailer from 'nodemailer';
import type { Db } from '../db/client';
import { outboxMessages } from '../db/schema';
import { htmlFromText } from './html-from-text';
import { createOutboxMailer, type Mailer, type MailMessage } from './mailer';

export type SmtpMailer = Mailer & { close: () => void };

// Sends through an SMTP server and keeps a copy in the outbox, so a person can always see in the app
// what Corner mailed them, whichever way it left. The copy is written only after the server accepted
// the message: a failed send throws, and the job that sent it retries without leaving a false record.
export function createSmtpMailer(db: Db, options: { url: string; from: string }): SmtpMailer {
  const transport = nodemailer.createTransport(options.url);
  return {
    async send(message: MailMessage) {
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? htmlFromText(message.text),
        attachments: (message.attachments ?? []).map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: attachment.content,
        })),
      });
      await db.insert(outboxMessages).values({
        to: message.to.toLowerCase(),
        subject: message.subject,
        text: message.text,
        html: message.html ?? htmlFromText(message.text),
        attachments: message.attachments ?? [],
        deliveredVia: 'smtp',
      });
    },
    close: () => transport.close(),
  };
}

// SMTP when configured, otherwise the outbox alone (the embedded default needs no mail server).
export function createMailer(db: Db, options: { smtpUrl: string | undefined; from: string }): SmtpMailer {
  if (options.smtpUrl) return createSmtpMailer(db, { url: options.smtpUrl, from: options.from });
  return { ...createOutboxMailer(db), close: () => {} };
}
