import { X509Certificate } from 'node:crypto';
import samlify from 'samlify';
import { Problem } from '../http/problem';

// samlify is CommonJS: Node's ESM loader gives its exports only as the default object.
const { IdPMetadata, IdentityProvider } = samlify;
export type IdpMetadata = { entityId: string; singleSignOnUrl: string };

const invalid = (why: string) =>
  new Problem(
    422,
    'invalid-saml-metadata',
    `This is not usable SAML identity provider metadata: ${why}.`,
    'metadataXml',
  );

// The identity provider's metadata, read once at registration so a wrong file is refused then, with
// a sentence, instead of at the first person's sign-in.
export function readIdpMetadata(xml: string): IdpMetadata {
  let metadata: ReturnType<typeof IdPMetadata>;
  try {
    metadata = IdPMetadata(xml);
  } catch {
    throw invalid('it is not an IDPSSODescriptor XML document');
  }
  const entityId = safely(() => metadata.getEntityID());
  if (typeof entityId !== 'string' || !entityId) throw invalid('it names no entityID');
  const certificate = safely(() => metadata.getX509Certificate('signing'));
  if (!certificate || (Array.isArray(certificate) && certificate.length === 0)) {
    throw invalid('it has no signing certificate, so Corner could not check its assertions');
  }
  const sso =
    safely(() => metadata.getSingleSignOnService('redirect')) ??
    safely(() => metadata.getSingleSignOnService('post'));
  if (typeof sso !== 'string' || !/^https?:\/\//.test(sso)) {
    throw invalid('it has no SingleSignOnService address');
  }
  return { entityId, singleSignOnUrl: sso };
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/**
 * The metadata an identity provider would publish, written from what its admin console shows: its
 * entity id, sign-in (SSO) URL and signing certificate (PEM, or the bare base64 consoles print).
 */
export function writeIdpMetadata(input: { entityId: string; ssoUrl: string; certificate: string }): string {
  const body = input.certificate.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  try {
    new X509Certificate(`-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`);
  } catch {
    throw new Problem(
      422,
      'invalid-saml-certificate',
      'This is not an X.509 certificate: paste the identity provider’s signing certificate (PEM).',
      'certificate',
    );
  }
  return IdentityProvider({
    entityID: input.entityId,
    signingCert: body,
    singleSignOnService: [{ Binding: REDIRECT, Location: input.ssoUrl }],
  }).getMetadata();
}
