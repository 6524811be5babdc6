import { and, eq, sql } from 'drizzle-orm';
import { domainOfEmail } from '../../domain/sso/email-domain';
import type { Db, Tx } from '../db/client';
import { organization, ssoProvider } from '../db/schema';

export type SsoRoute = {
  providerId: string;
  orgName: string;
  orgSlug: string;
  ssoRequired: boolean;
};

/**
 * The approved provider whose domain covers this address, or null. Providers waiting for the
 * operator's approval route nobody: an admin's claim on a domain alone must not send its people
 * to an identity provider the admin controls.
 */
export async function findSsoRoute(db: Db | Tx, email: string): Promise<SsoRoute | null> {
  const emailDomain = domainOfEmail(email);
  if (!emailDomain) return null;
  const [row] = await db
    .select({
      providerId: ssoProvider.providerId,
      orgName: organization.name,
      orgSlug: organization.slug,
      ssoRequired: organization.ssoRequired,
    })
    .from(ssoProvider)
    .innerJoin(organization, eq(organization.id, ssoProvider.organizationId))
    .where(
      and(
        eq(ssoProvider.domainVerified, true),
        sql`(${ssoProvider.domain} = ${emailDomain} or ${emailDomain} like '%.' || ${ssoProvider.domain})`,
      ),
    )
    // The most specific domain wins (eu.acme.com before acme.com).
    .orderBy(sql`length(${ssoProvider.domain}) desc`)
    .limit(1);
  return row ?? null;
}

/** The sentence a refused password sign-in shows: why, and where to sign in instead. */
export function ssoRequiredSentence(route: SsoRoute): string {
  return (
    `${route.orgName} signs its people in through its own identity provider, so addresses on this ` +
    'domain cannot use a password here. Choose "Continue" with your work address on the Corner ' +
    'sign-in page and sign in with your organization’s account.'
  );
}
