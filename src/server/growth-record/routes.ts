import { createRoute, z } from '@hono/zod-openapi';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorOf } from '../auth/actor';
import { createRouter, json, problemResponses } from '../http/openapi';
import { exportGrowthRecord } from './export-growth-record';
import { getImportedHistory } from './imported-history';
import { renderGrowthRecordMarkdown } from './render-markdown';
import { actionsSection } from './sections/actions';
import { decisionsSection } from './sections/decisions';
import { journalSection } from './sections/journal';
import { relationshipsSection } from './sections/relationships';
import { reportsSection } from './sections/reports';
import { sessionsSection } from './sections/sessions';

const tags = ['Growth record'];

const exportQuery = z.object({
  format: z.enum(['json', 'markdown'], { message: 'must be json or markdown' }).default('json'),
});

const importedHistorySchema = z
  .object({
    relationships: relationshipsSection.schema,
    sessions: sessionsSection.schema,
    actions: actionsSection.schema,
    journal: journalSection.schema,
    decisions: decisionsSection.schema,
    reports: reportsSection.schema,
  })
  .openapi('ImportedHistory');

export const growthRecordRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/growth-record',
      tags,
      summary: 'Export my complete growth record (JSON or Markdown), to keep or move to another Corner',
      request: { query: exportQuery },
      responses: {
        200: {
          description: 'The record as a download',
          content: {
            'application/json': { schema: z.object({ format: z.string(), version: z.number() }).loose() },
            'text/markdown': { schema: z.string() },
          },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const now = c.var.deps.clock();
      const { userId } = actorOf(c);
      const record = await exportGrowthRecord(c.var.deps.db, userId, now);
      const format = c.req.valid('query').format === 'markdown' ? 'markdown' : 'json';
      await recordAuditEvent(c.var.deps.db, {
        actor: userId,
        action: 'export.growth-record',
        target: `user:${userId}`,
        meta: { format },
      });
      const stamp = now.toISOString().slice(0, 10);
      if (c.req.valid('query').format === 'markdown') {
        c.header('content-disposition', `attachment; filename="corner-growth-record-${stamp}.md"`);
        return c.body(renderGrowthRecordMarkdown(record), 200, {
          'content-type': 'text/markdown; charset=utf-8',
        });
      }
      c.header('content-disposition', `attachment; filename="corner-growth-record-${stamp}.json"`);
      return c.json(record, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/growth-record/history',
      tags,
      summary: 'Relationships and their records imported from another Corner (read-only)',
      responses: { 200: json(importedHistorySchema, 'The imported history'), ...problemResponses },
    }),
    async (c) => c.json(await getImportedHistory(c.var.deps.db, actorOf(c), c.var.deps.clock()), 200),
  );
