import type { Db, Tx } from '../db/client';
import { outboxMessages, type StoredAttachment } from '../db/schema';
import { htmlFromText } from './html-from-text';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: StoredAttachment[];
};

// One interface for every way mail leaves Corner. Operations call `send` after their transaction
// commits, so a rolled-back change never mails anyone.
export type Mailer = { send: (message: MailMessage) => Promise<void> };

export function createOutboxMailer(db: Db | Tx): Mailer {
  return {
    async send(message) {
      await db.insert(outboxMessages).values({
        to: message.to.toLowerCase(),
        subject: message.subject,
        text: message.text,
        html: message.html ?? htmlFromText(message.text),
        attachments: message.attachments ?? [],
        deliveredVia: 'outbox',
      });
    },
  };
}
