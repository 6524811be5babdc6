import { createAuthMiddleware } from 'better-auth/api';
import { type AuditAction, recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/client';
import { syncGroupCohorts } from './sync-group-cohorts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const failed = (returned: unknown) =>
  (returned instanceof Response && !returned.ok) ||
  (isRecord(returned) && typeof returned.statusCode === 'number' && returned.statusCode >= 400);

function userAction(method: string, returned: unknown): AuditAction {
  if (method === 'POST') return 'scim.user-provisioned';
  if (method === 'DELETE') return 'scim.user-deleted';
  return isRecord(returned) && returned.active === false ? 'scim.user-deactivated' : 'scim.user-changed';
}

// The token the plugin's middleware verified for this request (cornerScim's verifyBearerToken: the
// credential is our token's id, the provisioning domain its organization). Reading it here instead of
// verifying the token a second time saves a query per SCIM write; a request whose token failed never
// reaches this hook.
function principalOf(context: unknown): { tokenId: string; organizationId: string } | null {
  const principal = isRecord(context) ? context.scimPrincipal : undefined;
  if (!isRecord(principal)) return null;
  const { credentialId, provisioningDomainId } = principal;
  return typeof credentialId === 'string' && typeof provisioningDomainId === 'string'
    ? { tokenId: credentialId, organizationId: provisioningDomainId }
    : null;
}

// Runs after a SCIM write has committed: the audit entry (ids only, never names or addresses), and
// for groups the cohort invitations the group stands for (sync-group-cohorts.ts), which live in
// Corner's tables and so are written through Corner's database, not the plugin's transaction.
export function scimAfterHook(db: Db) {
  return {
    matcher: (ctx: { path?: string }) =>
      ctx.path?.startsWith('/scim/v2/Users') === true || ctx.path?.startsWith('/scim/v2/Groups') === true,
    handler: createAuthMiddleware(async (ctx) => {
      const method = ctx.request?.method ?? ctx.method;
      if (!WRITES.has(method)) return;
      const returned: unknown = ctx.context.returned;
      if (failed(returned)) return;
      const verified = principalOf(ctx.context);
      if (!verified) return;
      const params: Record<string, string | undefined> = ctx.params ?? {};
      const id =
        params.userId ??
        params.groupId ??
        (isRecord(returned) && typeof returned.id === 'string' ? returned.id : '');
      const isGroup = ctx.path.startsWith('/scim/v2/Groups');
      await recordAuditEvent(db, {
        actor: null,
        action: isGroup ? 'scim.group-changed' : userAction(method, returned),
        target: `${isGroup ? 'scim-group' : 'scim-user'}:${id}`,
        orgId: verified.organizationId,
        meta: { scimToken: verified.tokenId, method },
      });
      if (isGroup && id) await syncGroupCohorts(db, verified.organizationId, id);
    }),
  };
}
