// The addresses an identity provider is given. better-auth serves them under /api/auth.
const authBase = (publicUrl: string) => `${publicUrl.replace(/\/$/, '')}/api/auth`;

export const oidcRedirectUrl = (publicUrl: string, providerId: string) =>
  `${authBase(publicUrl)}/sso/callback/${providerId}`;

export const samlAcsUrl = (publicUrl: string, providerId: string) =>
  `${authBase(publicUrl)}/sso/saml2/sp/acs/${providerId}`;

/** Corner's SAML entity id (the audience assertions must name) is its metadata address. */
export const samlMetadataUrl = (publicUrl: string, providerId: string) =>
  `${authBase(publicUrl)}/sso/saml2/sp/metadata?providerId=${encodeURIComponent(providerId)}`;
