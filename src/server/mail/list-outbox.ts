import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { outboxMessages } from '../db/schema';
import type { OutboxMessage } from './schemas';

const OUTBOX_PAGE_SIZE = 100;

// Only mail addressed to the signed-in person's own address: the outbox is their inbox inside Corner,
// never a window onto what others were sent.
export async function listOutbox(db: Db, actor: Actor): Promise<OutboxMessage[]> {
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.to, actor.email.toLowerCase()))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.seq))
    .limit(OUTBOX_PAGE_SIZE);
  return rows.map((row) => ({
    id: row.id,
    to: row.to,
    subject: row.subject,
    text: row.text,
    deliveredVia: row.deliveredVia,
    createdAt: row.createdAt.toISOString(),
    attachments: row.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: Buffer.byteLength(attachment.content, 'utf8'),
    })),
  }));
}
