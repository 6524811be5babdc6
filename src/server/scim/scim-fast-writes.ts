import { generateId } from 'better-auth';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/raw-rows';
import { liveTokenSql, type ScimPrincipal } from './scim-principal';
import {
  type CanonicalProfile,
  connectionUserKey,
  emailValueIndex,
  externalIdKey,
  orderKey,
  type StoredScimUser,
  serializedAttributes,
  userNameKey,
} from './scim-user-shape';

// The fast path's writes (scim-fast-users.ts), each ONE statement: PostgreSQL runs a statement with
// data-modifying CTEs atomically, so the person, their SCIM record, subject, membership and the audit
// entry are written together or not at all, in one round trip instead of the plugin's ~30. Each
// statement starts from the live-token condition (scim-principal.ts) and writes nothing when it, or
// any other precondition, fails; the caller then hands the request to the plugin. A race on a unique
// key fails the whole statement the same way.

type Row = Record<string, unknown>;
const asDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));
const storedOf = (row: Row): StoredScimUser & { userId: string } => ({
  id: String(row.id),
  userId: String(row.user_id),
  externalId: (row.external_id as string | null) ?? null,
  userName: String(row.user_name),
  displayName: String(row.display_name),
  active: row.active === true,
  serializedAttributes: (row.serialized_attributes as string | null) ?? null,
  createdAt: asDate(row.created_at),
  updatedAt: asDate(row.updated_at),
});

/**
 * Provisions a person nobody knows yet: the account (as better-auth's createUser makes it), the
 * plugin's scim_user and scim_subject (made, then claimed as the profile's source: revision 2), the
 * organization membership (reconcileMembership) and the audit entry. Nothing is written, and null
 * returned, when the token is no longer live, or the address, userName or externalId is already
 * known here or was deleted before (a tombstone): the plugin links, refuses or restores those.
 */
export async function insertScimUser(
  db: Db,
  principal: ScimPrincipal,
  profile: CanonicalProfile,
  externalId: string | undefined,
) {
  const org = principal.organizationId;
  const nameKey = userNameKey(org, profile.userName);
  const idKey = externalIdKey(org, externalId) ?? null;
  const now = new Date();
  const at = now.toISOString();
  const userId = generateId();
  const scimId = generateId();
  const meta = JSON.stringify({ scimToken: principal.tokenId, method: 'POST' });
  const result = await db.execute(sql`with live as (${liveTokenSql(principal, true)}),
    free as (
      select 1 from live
      where not exists (select 1 from "user" where email = ${profile.primaryEmail})
        and not exists (select 1 from scim_user where user_name_key = ${nameKey})
        and (${idKey}::text is null or (
          not exists (select 1 from scim_user where external_id_key = ${idKey})
          and not exists (select 1 from scim_identity_tombstone where external_id_key = ${idKey})))),
    person as (
      insert into "user" (id, name, email, email_verified, created_at, updated_at)
      select ${userId}, ${profile.displayName}, ${profile.primaryEmail}, false, ${at}, ${at} from free
      returning id),
    source as (
      insert into scim_user (id, connection_id, provisioning_domain_id, user_id, connection_user_key,
        user_name, user_name_key, primary_email, work_email_value_index, email_value_index, display_name,
        formatted_name, given_name, family_name, serialized_emails, serialized_attributes, external_id,
        external_id_key, active, order_key, created_at, updated_at)
      select ${scimId}, ${org}, ${org}, person.id, ${connectionUserKey(org, userId)},
        ${profile.userName}, ${nameKey}, ${profile.primaryEmail}, ${emailValueIndex(profile.emails, 'work')},
        ${emailValueIndex(profile.emails)}, ${profile.displayName}, ${profile.formattedName},
        ${profile.givenName ?? null}, ${profile.familyName ?? null}, ${JSON.stringify(profile.emails)},
        ${serializedAttributes(profile)}, ${externalId ?? null}, ${idKey}, true,
        ${orderKey(now, generateId(16))}, ${at}, ${at}
      from person
      returning *),
    subject as (
      insert into scim_subject (id, user_id, profile_source_id, revision, created_at, updated_at)
      select ${generateId()}, source.user_id, source.id, 2, ${at}, ${at} from source
      returning id),
    membership as (
      insert into organization_member (id, organization_id, user_id, role, created_at)
      select ${generateId()}, ${org}, source.user_id, 'member', ${at} from source
      returning id),
    audit as (
      insert into audit_events (actor_id, action, target, org_id, meta)
      select null, 'scim.user-provisioned', 'scim-user:' || source.id, ${org}, ${meta}::jsonb from source
      returning id)
    select source.*, (select count(*) from subject) + (select count(*) from membership)
      + (select count(*) from audit) as companions
    from source`);
  const [row] = rowsOf<Row>(result);
  if (!row) return null;
  if (Number(row.companions) !== 3)
    throw new Error('A SCIM user was stored without its subject, membership or audit entry.');
  return storedOf(row);
}

/**
 * Sets one SCIM source active or inactive, and what the plugin's identity reconciliation makes of it:
 * the person is active while any of their SCIM sources (of a connection not retired) is; inactive,
 * `deactivatedAt` is set (reconcileDeactivation in scim-plugin.ts; a trigger takes a guide out of the
 * directory) and every session ends; the profile's source re-writes the account's name; the
 * membership is made again if an admin removed it (reconcileMembership). One statement sees one
 * snapshot, so the other sources are read as they were and this one as it becomes.
 * Null (nothing written) when the token is not live, the source is not this organization's, nothing
 * would change, or the account's address drifted from the source's: the plugin's cases.
 */
export async function setScimUserActive(db: Db, principal: ScimPrincipal, scimId: string, active: boolean) {
  const org = principal.organizationId;
  const at = new Date().toISOString();
  const meta = JSON.stringify({ scimToken: principal.tokenId, method: 'PATCH' });
  const action = active ? 'scim.user-changed' : 'scim.user-deactivated';
  const result = await db.execute(sql`with live as (${liveTokenSql(principal, true)}),
    current as (
      select s.id, s.user_id, s.display_name, sub.profile_source_id = s.id as profile_source
      from scim_user s
      join scim_subject sub on sub.user_id = s.user_id
      join "user" u on u.id = s.user_id
      where exists (select 1 from live) and s.id = ${scimId} and s.connection_id = ${org}
        and s.provisioning_domain_id = ${org} and s.active <> ${active}
        and (sub.profile_source_id is distinct from s.id or u.email = s.primary_email)
      for update of s, sub),
    subject as (
      update scim_subject set revision = revision + 1, updated_at = ${at}
      where user_id = (select user_id from current)
      returning id),
    source as (
      update scim_user set active = ${active}, updated_at = ${at}
      where id = (select id from current)
      returning *),
    state as (
      select coalesce(bool_or(case when s.id = ${scimId} then ${active} else s.active end), false) as active
      from scim_user s
      where s.user_id = (select user_id from current) and not exists (
        select 1 from scim_connection_binding b
        where b.connection_id = s.connection_id and b.decommission_status <> 'active')),
    person as (
      update "user" u set
        name = case when c.profile_source then c.display_name else u.name end,
        deactivated_at = case when st.active then null else coalesce(u.deactivated_at, ${at}::timestamptz) end,
        updated_at = ${at}
      from current c, state st
      where u.id = c.user_id
        and (c.profile_source or (st.active = (u.deactivated_at is not null)))
      returning u.id),
    ended as (
      delete from session
      where user_id = (select user_id from current) and not (select active from state)
      returning token),
    membership as (
      insert into organization_member (id, organization_id, user_id, role, created_at)
      select ${generateId()}, ${org}, user_id, 'member', ${at} from current
      on conflict do nothing
      returning id),
    audit as (
      insert into audit_events (actor_id, action, target, org_id, meta)
      select null, ${action}, 'scim-user:' || id, ${org}, ${meta}::jsonb from current
      returning id)
    select source.*, (select coalesce(array_agg(token), '{}') from ended) as ended_tokens,
      (select count(*) from subject) + (select count(*) from audit) as companions
    from source`);
  const [row] = rowsOf<Row>(result);
  if (!row) return null;
  if (Number(row.companions) !== 2)
    throw new Error('A SCIM user changed without its subject or audit entry.');
  return { user: storedOf(row), endedTokens: tokensOf(row.ended_tokens) };
}

// node-postgres parses a text[] into an array; PGlite may hand back the literal.
function tokensOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  const text = String(value ?? '{}');
  return text === '{}'
    ? []
    : text
        .slice(1, -1)
        .split(',')
        .map((token) => token.replace(/^"|"$/g, ''));
}
