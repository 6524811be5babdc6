import type { Db, Tx } from '../db/client';
import { auditEvents } from '../db/schema';

// The events Corner records. A new kind of event is added here first, so the list stays readable.
export const auditActions = [
  'sign-in.succeeded',
  'sign-in.failed',
  'program.created',
  'program-admin.added',
  'export.applications',
  'export.pair-health',
  'export.growth-record',
  'match-run.published',
  'account.deleted',
  'account.claimed-through-sso',
  'sso-provider.created',
  'sso-provider.deleted',
  'sso-domain.approved',
  'sso-required.changed',
  'scim.token-created',
  'scim.token-revoked',
  'scim.user-provisioned',
  'scim.user-changed',
  'scim.user-deactivated',
  'scim.user-deleted',
  'scim.group-changed',
] as const;
export type AuditAction = (typeof auditActions)[number];

type MetaValue = string | number | boolean | null;

export type AuditEventInput = {
  /** The person who acted; null when nobody is signed in (a failed sign-in). */
  actor: string | null;
  action: AuditAction;
  /** What was acted on, as a kind and an id ("cohort:<uuid>", "user:<id>", "email:<address>"). */
  target: string;
  orgId?: string | null;
  programId?: string | null;
  /** Ids and counts only: never names of notes, text people wrote, or anything private (PRODUCT.md §3). */
  meta?: Record<string, MetaValue>;
};

// Called inside the operation's transaction where there is one, so the event and the change it
// records are written together or not at all.
export async function recordAuditEvent(db: Db | Tx, event: AuditEventInput): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: event.actor,
    action: event.action,
    target: event.target,
    orgId: event.orgId ?? null,
    programId: event.programId ?? null,
    meta: event.meta ?? {},
  });
}
