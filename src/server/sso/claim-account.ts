import type { GenericEndpointContext } from 'better-auth';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { domainCovers, domainOfEmail } from '../../domain/sso/email-domain';
import { recordAuditEvent } from '../audit/record-audit-event';
import { currentAuthTransaction } from '../auth/auth-transaction';
import { accessTokens, calendarConnections, calendarFeedTokens, session, ssoProvider } from '../db/schema';

const PASSWORD_PROVIDER = 'credential';

/**
 * account.create.before: an identity provider the operator approved for an address is the first
 * proof that the address belongs to whoever signs in with it, because Corner never verifies e-mail.
 * So when such a provider links an account whose address was never proven, whoever made that account
 * proved nothing, and may be an attacker who signed up in advance under the victim's address
 * ("pre-hijacking"). Every way in they could have set up goes, in the transaction that links:
 * the password, every open session, personal access tokens, calendar feed links and calendar
 * connections. The person keeps their history (a real early user loses nothing they wrote, only
 * has to sign in through their organization from now on), and the address counts as verified, so
 * later sign-ins and providers change nothing.
 */
export async function claimAccountOnSsoLink(
  linked: { userId: string; providerId: string },
  context: GenericEndpointContext | null,
): Promise<undefined> {
  if (!context || linked.providerId === PASSWORD_PROVIDER) return undefined;
  const internal = context.context.internalAdapter;
  const person = await internal.findUserById(linked.userId);
  if (!person || person.emailVerified) return undefined;
  const tx = currentAuthTransaction();
  const [provider] = await tx
    .select({
      domain: ssoProvider.domain,
      approved: ssoProvider.domainVerified,
      orgId: ssoProvider.organizationId,
    })
    .from(ssoProvider)
    .where(eq(ssoProvider.providerId, linked.providerId));
  const emailDomain = domainOfEmail(person.email);
  // better-auth links an existing account only through such a provider; anything else proves nothing.
  if (!provider?.approved || !emailDomain || !domainCovers(provider.domain, emailDomain)) return undefined;

  const accounts = await internal.findAccounts(person.id);
  if (accounts.length === 0) {
    // A person created by this very sign-in (or by SCIM): nothing anyone could have set up.
    await internal.updateUser(person.id, { emailVerified: true });
    return undefined;
  }
  const passwords = accounts.filter((row) => row.providerId === PASSWORD_PROVIDER);
  for (const password of passwords) await internal.deleteAccount(password.id);
  const [open] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(session)
    .where(eq(session.userId, person.id));
  await internal.deleteUserSessions(person.id);
  const tokens = await tx
    .update(accessTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(accessTokens.userId, person.id), isNull(accessTokens.revokedAt)))
    .returning({ id: accessTokens.id });
  await tx
    .update(calendarFeedTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(calendarFeedTokens.userId, person.id), isNull(calendarFeedTokens.revokedAt)));
  const calendars = await tx
    .delete(calendarConnections)
    .where(eq(calendarConnections.userId, person.id))
    .returning({ id: calendarConnections.id });
  // Also makes this instance's session cache forget the person (user.update.after in auth.ts).
  await internal.updateUser(person.id, { emailVerified: true });
  await recordAuditEvent(tx, {
    actor: person.id,
    action: 'account.claimed-through-sso',
    target: `user:${person.id}`,
    orgId: provider.orgId,
    meta: {
      provider: linked.providerId,
      passwordRemoved: passwords.length > 0,
      sessionsEnded: open?.count ?? 0,
      accessTokensRevoked: tokens.length,
      calendarConnectionsRemoved: calendars.length,
    },
  });
  return undefined;
}
