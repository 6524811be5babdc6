import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { organization } from './orgs';

// better-auth's sso plugin table (ssoProvider), one row per identity provider of an organization.
// Corner's own operations (src/server/sso) write it; the plugin reads it to sign people in.
// `domainVerified` is the operator's approval of the domain (`corner sso approve-domain`): until then
// the plugin refuses sign-ins through the provider and its domain is not routed to it.
export const ssoProvider = pgTable(
  'sso_provider',
  {
    id: text('id').primaryKey(),
    providerId: text('provider_id').notNull().unique(),
    issuer: text('issuer').notNull(),
    domain: text('domain').notNull(),
    domainVerified: boolean('domain_verified').notNull().default(false),
    // JSON in the plugin's shape; the OIDC client secret lives here and never leaves the server.
    oidcConfig: text('oidc_config'),
    samlConfig: text('saml_config'),
    // Who registered it; null when the operator did from the command line.
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sso_provider_org').on(t.organizationId),
    index('sso_provider_domain').on(t.domain),
    // An approved domain belongs to one provider, so an address never has two ways in.
    uniqueIndex('sso_provider_approved_domain').on(t.domain).where(sql`${t.domainVerified}`),
  ],
);
