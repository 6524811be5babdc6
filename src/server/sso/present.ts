import type { ssoProvider } from '../db/schema';
import type { SsoProviderView } from './schemas';
import { oidcRedirectUrl, samlAcsUrl, samlMetadataUrl } from './sso-urls';

type Row = typeof ssoProvider.$inferSelect;

// What an org admin sees of a provider: never the client secret, never keys.
export function presentSsoProvider(row: Row, publicUrl: string): SsoProviderView {
  const base = {
    providerId: row.providerId,
    domain: row.domain,
    issuer: row.issuer,
    approved: row.domainVerified,
    createdAt: row.createdAt.toISOString(),
  };
  if (row.samlConfig) {
    const idpEntityId = readString(row.samlConfig, 'idpEntityId');
    return {
      ...base,
      protocol: 'saml',
      identifier: idpEntityId,
      redirectUrl: samlAcsUrl(publicUrl, row.providerId),
      spEntityId: row.issuer,
      spMetadataUrl: samlMetadataUrl(publicUrl, row.providerId),
    };
  }
  return {
    ...base,
    protocol: 'oidc',
    identifier: readString(row.oidcConfig ?? '{}', 'clientId'),
    redirectUrl: oidcRedirectUrl(publicUrl, row.providerId),
  };
}

function readString(json: string, key: string): string {
  const value: unknown = JSON.parse(json)[key];
  return typeof value === 'string' ? value : '';
}
