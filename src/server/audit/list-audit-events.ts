import { and, desc, eq, lt } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { auditEvents, user } from '../db/schema';
import { stringifyCsv } from '../http/csv';
import { requireProgramAdmin } from '../policies/programs';

export const AUDIT_PAGE_SIZE = 100;
const CSV_MAX_ROWS = 100_000;

export type AuditEventView = {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string;
  programId: string | null;
  meta: Record<string, string | number | boolean | null>;
};

// Who reads which events: a program's admins read that program's events. When organizations land,
// an org admin reads events whose orgId is their organization — add the scope here, beside this one,
// with its own policy (requireOrgAdmin) and keep the query shape.
export type AuditScope = { kind: 'program'; programId: string };

async function loadEvents(db: Db, scope: AuditScope, limit: number, before?: Date) {
  const rows = await db
    .select({ event: auditEvents, actorName: user.name })
    .from(auditEvents)
    .leftJoin(user, eq(user.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.programId, scope.programId),
        before ? lt(auditEvents.occurredAt, before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
  return rows.map(
    ({ event, actorName }): AuditEventView => ({
      id: event.id,
      occurredAt: event.occurredAt.toISOString(),
      actorId: event.actorId,
      // A deleted account's events stay; its name does not.
      actorName: event.actorId ? (actorName ?? 'former member') : null,
      action: event.action,
      target: event.target,
      programId: event.programId,
      meta: event.meta,
    }),
  );
}

export async function listProgramAuditEvents(db: Db, actor: Actor, programId: string, before?: Date) {
  await requireProgramAdmin(db, actor, programId);
  return loadEvents(db, { kind: 'program', programId }, AUDIT_PAGE_SIZE, before);
}

export async function exportProgramAuditEvents(db: Db, actor: Actor, programId: string): Promise<string> {
  await requireProgramAdmin(db, actor, programId);
  const events = await loadEvents(db, { kind: 'program', programId }, CSV_MAX_ROWS);
  return stringifyCsv(
    events.map((e) => ({ ...e, meta: JSON.stringify(e.meta) })),
    {
      header: true,
      columns: ['occurredAt', 'actorId', 'actorName', 'action', 'target', 'programId', 'meta'],
    },
  );
}
