import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IdentityProvider, SamlLib, ServiceProvider } from 'samlify';

// A SAML identity provider built with samlify, the same library better-auth's sso plugin uses on
// the service-provider side: it reads Corner's AuthnRequest and issues a signed assertion, posted
// back as a browser form would. Tests change what it issues (audience, lifetime, assertion id) and
// how it signs (the assertion, only the envelope, or with a key Corner does not know).

const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

type KeyPair = { privateKey: string; certificate: string };

/** A fresh RSA key and self-signed certificate (openssl, as an IdP administrator would make one). */
export function newSigningKey(): KeyPair {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corner-saml-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-sha256',
        '-days',
        '2',
        '-subj',
        '/CN=Corner test IdP',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    return { privateKey: fs.readFileSync(keyFile, 'utf8'), certificate: fs.readFileSync(certFile, 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export type AssertionChanges = {
  audience?: string;
  /** Seconds from now the assertion stops being valid (negative: already expired). */
  validForSeconds?: number;
  assertionId?: string;
  /** Sign only the response envelope, not the assertion. */
  unsignedAssertion?: boolean;
  /** Sign with this key instead of the one in the metadata Corner was given. */
  signWith?: KeyPair;
};

export type TestSamlIdp = {
  entityId: string;
  metadataXml: string;
  /** Answers Corner's sign-in redirect for `email`: the form the browser would post to Corner. */
  respond: (
    signInUrl: string,
    email: string,
    corner: { acsUrl: string; entityId: string },
    changes?: AssertionChanges,
  ) => Promise<{ SAMLResponse: string; RelayState: string; assertionId: string }>;
};

export function startSamlIdp(): TestSamlIdp {
  const key = newSigningKey();
  const entityId = `https://idp-${randomUUID()}.example/saml`;
  const settings = (pair: KeyPair) => ({
    entityID: entityId,
    privateKey: pair.privateKey,
    signingCert: pair.certificate,
    nameIDFormat: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
    singleSignOnService: [{ Binding: REDIRECT, Location: `${entityId}/sso` }],
  });
  const idp = IdentityProvider(settings(key));
  const metadataXml = idp.getMetadata();

  return {
    entityId,
    metadataXml,
    async respond(signInUrl, email, corner, changes = {}) {
      const url = new URL(signInUrl);
      const sp = ServiceProvider({
        entityID: corner.entityId,
        assertionConsumerService: [{ Binding: POST, Location: corner.acsUrl }],
        wantAssertionsSigned: !changes.unsignedAssertion,
      });
      const issuer = changes.signWith ? IdentityProvider(settings(changes.signWith)) : idp;
      const request = await issuer.parseLoginRequest(sp, 'redirect', {
        query: Object.fromEntries(url.searchParams),
      });
      const requestId = String((request.extract as { request?: { id?: string } }).request?.id ?? '');
      const now = new Date();
      const until = new Date(now.getTime() + (changes.validForSeconds ?? 300) * 1000);
      const before = new Date(Math.min(now.getTime(), until.getTime()) - 60_000);
      const assertionId = changes.assertionId ?? `_${randomUUID()}`;
      const response = await issuer.createLoginResponse(
        sp,
        { extract: request.extract },
        'post',
        { email },
        (template: string) => {
          const id = `_${randomUUID()}`;
          return {
            id,
            context: SamlLib.replaceTagsByValue(template, {
              ID: id,
              AssertionID: assertionId,
              Destination: corner.acsUrl,
              Audience: changes.audience ?? corner.entityId,
              EntityID: corner.entityId,
              SubjectRecipient: corner.acsUrl,
              Issuer: entityId,
              IssueInstant: before.toISOString(),
              StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
              ConditionsNotBefore: before.toISOString(),
              ConditionsNotOnOrAfter: until.toISOString(),
              SubjectConfirmationDataNotOnOrAfter: until.toISOString(),
              NameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
              NameID: email,
              InResponseTo: requestId,
              AuthnStatement: '',
              AttributeStatement: '',
            }),
          };
        },
      );
      return {
        SAMLResponse: (response as { context: string }).context,
        RelayState: url.searchParams.get('RelayState') ?? '',
        assertionId,
      };
    },
  };
}
