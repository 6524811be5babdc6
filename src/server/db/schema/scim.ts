import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { organization } from './orgs';
import { applications } from './programs';

// SCIM provisioning (src/server/scim). Two parts:
// - Corner's own: the bearer tokens an org owner or admin makes for their identity provider (only a
//   SHA-256 of the token is kept, so a copy of the database cannot provision anyone), and which cohort
//   invitations a SCIM group made (so removing someone from the group withdraws only those).
// - The tables of `@better-auth/scim` (one SCIM connection per organization: connection id and
//   provisioning domain are the organization's id). Their columns follow the plugin's field list
//   (node_modules/@better-auth/scim/dist/index.mjs, `schema:`); the plugin writes them, Corner reads them.

export const scimTokens = pgTable(
  'scim_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    // The last characters, so people can tell their tokens apart without the secret.
    hint: text('hint').notNull(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('scim_tokens_org_idx').on(t.organizationId)],
);

export const scimCohortInvitations = pgTable(
  'scim_cohort_invitations',
  {
    // The plugin's SCIM group id; no foreign key, so a deleted group's invitations can still be found.
    groupId: text('group_id').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('scim_cohort_invitations_group_application').on(t.groupId, t.applicationId),
    index('scim_cohort_invitations_application_idx').on(t.applicationId),
  ],
);

const created = () => timestamp('created_at', { withTimezone: true }).notNull();
const updated = () => timestamp('updated_at', { withTimezone: true }).notNull();

export const scimConnectionBinding = pgTable('scim_connection_binding', {
  id: text('id').primaryKey(),
  connectionId: text('connection_id').notNull(),
  connectionKey: text('connection_key').notNull().unique(),
  provisioningDomainId: text('provisioning_domain_id').notNull(),
  createdAt: created(),
  decommissionedAt: timestamp('decommissioned_at', { withTimezone: true }),
  decommissionStatus: text('decommission_status').notNull().default('active'),
  decommissionCursorUserId: text('decommission_cursor_user_id'),
  decommissionReconciledUserCount: integer('decommission_reconciled_user_count').notNull().default(0),
  decommissionBatchCount: integer('decommission_batch_count').notNull().default(0),
  decommissionRevision: integer('decommission_revision').notNull().default(0),
  decommissionCompletedAt: timestamp('decommission_completed_at', { withTimezone: true }),
  decommissionLeaseId: text('decommission_lease_id'),
  decommissionLeaseExpiresAt: timestamp('decommission_lease_expires_at', { withTimezone: true }),
});

export const scimIdentityTombstone = pgTable(
  'scim_identity_tombstone',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id').notNull(),
    provisioningDomainId: text('provisioning_domain_id').notNull(),
    externalId: text('external_id').notNull(),
    externalIdKey: text('external_id_key').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    profile: text('profile').notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('scim_identity_tombstone_connection_idx').on(t.connectionId)],
);

export const scimSubject = pgTable('scim_subject', {
  id: text('id').primaryKey(),
  userId: text('user_id')
    .notNull()
    .unique()
    .references(() => user.id, { onDelete: 'cascade' }),
  profileSourceId: text('profile_source_id'),
  revision: integer('revision').notNull(),
  createdAt: created(),
  updatedAt: updated(),
});

export const scimUser = pgTable(
  'scim_user',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id').notNull(),
    provisioningDomainId: text('provisioning_domain_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    connectionUserKey: text('connection_user_key').notNull().unique(),
    userName: text('user_name').notNull(),
    userNameKey: text('user_name_key').notNull().unique(),
    primaryEmail: text('primary_email').notNull(),
    workEmailValueIndex: text('work_email_value_index').notNull(),
    emailValueIndex: text('email_value_index').notNull(),
    displayName: text('display_name').notNull(),
    formattedName: text('formatted_name').notNull(),
    givenName: text('given_name'),
    familyName: text('family_name'),
    serializedEmails: text('serialized_emails').notNull(),
    serializedAttributes: text('serialized_attributes'),
    externalId: text('external_id'),
    externalIdKey: text('external_id_key').unique(),
    active: boolean('active').notNull(),
    orderKey: text('order_key').notNull().unique(),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('scim_user_connection_idx').on(t.connectionId),
    index('scim_user_domain_idx').on(t.provisioningDomainId),
    index('scim_user_user_idx').on(t.userId),
  ],
);

export const scimProjectionGrant = pgTable(
  'scim_projection_grant',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id').notNull(),
    provisioningDomainId: text('provisioning_domain_id').notNull(),
    scimUserId: text('scim_user_id')
      .notNull()
      .references(() => scimUser.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    sourceValue: text('source_value'),
    role: text('role').notNull(),
    grantKey: text('grant_key').notNull().unique(),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('scim_projection_grant_domain_user_idx').on(t.provisioningDomainId, t.userId),
    index('scim_projection_grant_scim_user_idx').on(t.scimUserId),
  ],
);

export const scimGroup = pgTable(
  'scim_group',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id').notNull(),
    provisioningDomainId: text('provisioning_domain_id').notNull(),
    revision: integer('revision').notNull().default(0),
    displayName: text('display_name').notNull(),
    displayNameKey: text('display_name_key').notNull().unique(),
    externalId: text('external_id'),
    externalIdKey: text('external_id_key').unique(),
    orderKey: text('order_key').notNull().unique(),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('scim_group_connection_idx').on(t.connectionId)],
);

export const scimGroupMember = pgTable(
  'scim_group_member',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id').notNull(),
    groupId: text('group_id')
      .notNull()
      .references(() => scimGroup.id, { onDelete: 'cascade' }),
    scimUserId: text('scim_user_id')
      .notNull()
      .references(() => scimUser.id, { onDelete: 'cascade' }),
    membershipKey: text('membership_key').notNull().unique(),
    createdAt: created(),
  },
  (t) => [
    index('scim_group_member_group_idx').on(t.groupId),
    index('scim_group_member_scim_user_idx').on(t.scimUserId),
  ],
);
