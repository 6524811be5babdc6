import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { createRouter, json, problemResponses } from '../http/openapi';
import { programIdParams } from '../programs/schemas';
import { exportProgramAuditEvents, listProgramAuditEvents } from './list-audit-events';

const tags = ['Audit log'];

const auditEventSchema = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    target: z.string(),
    programId: z.string().nullable(),
    meta: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .openapi('AuditEvent');

// Read-only on purpose: there is no route that changes or deletes an entry, and the table's trigger
// refuses it even if one were written.
export const auditRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/programs/{programId}/audit-events',
      tags,
      summary: "The program's audit log, newest first (program admins)",
      request: {
        params: programIdParams,
        query: z.object({ before: z.iso.datetime({ message: 'must be an ISO date-time' }).optional() }),
      },
      responses: {
        200: json(z.object({ events: z.array(auditEventSchema) }), 'One page of events'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { before } = c.req.valid('query');
      const events = await listProgramAuditEvents(
        c.var.deps.db,
        actorOf(c),
        c.req.valid('param').programId,
        before ? new Date(before) : undefined,
      );
      return c.json({ events }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/programs/{programId}/audit-events/export',
      tags,
      summary: "The program's audit log as CSV (program admins)",
      request: { params: programIdParams },
      responses: {
        200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' },
        ...problemResponses,
      },
    }),
    async (c) => {
      const csv = await exportProgramAuditEvents(c.var.deps.db, actorOf(c), c.req.valid('param').programId);
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="audit-log.csv"',
      });
    },
  );
