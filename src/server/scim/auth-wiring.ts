import type { GenericEndpointContext } from 'better-auth';
import { APIError } from 'better-auth/api';
import {
  scimConnectionBinding,
  scimGroup,
  scimGroupMember,
  scimIdentityTombstone,
  scimProjectionGrant,
  scimSubject,
  scimUser,
} from '../db/schema';

/** The SCIM plugin's models, by the names it uses, for better-auth's drizzle adapter (auth.ts). */
export const scimAdapterSchema = {
  scimConnectionBinding,
  scimIdentityTombstone,
  scimSubject,
  scimUser,
  scimProjectionGrant,
  scimGroup,
  scimGroupMember,
};

// A person their identity provider deactivated gets no new session, whichever way they sign in
// (password, SSO): better-auth refuses the sign-in when this returns false. Read through
// better-auth's adapter, inside the transaction a sign-up runs in (on PGlite a query on another
// handle would wait for that transaction to end).
// Refused with a sentence of its own: better-auth's answer to a plain `false` is "Failed to create
// session", which tells the person nothing. A refused SSO sign-in carries the code to /sign-in.
export async function refuseDeactivatedSessions(
  session: { userId: string },
  context: GenericEndpointContext | null,
): Promise<undefined> {
  if (!context) return undefined;
  const person = await context.context.internalAdapter.findUserById(session.userId);
  if (person && 'deactivatedAt' in person && person.deactivatedAt) {
    throw new APIError('FORBIDDEN', {
      code: 'ACCOUNT_DEACTIVATED',
      message:
        'This account was deactivated by your organization, so it cannot sign in. ' +
        'If you think that is a mistake, ask your organization’s admin.',
    });
  }
  return undefined;
}
