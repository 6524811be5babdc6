import { z } from '@hono/zod-openapi';

export const outboxMessageSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    deliveredVia: z.enum(['outbox', 'smtp']),
    createdAt: z.string(),
    attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), size: z.number() })),
  })
  .openapi('OutboxMessage');

export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
