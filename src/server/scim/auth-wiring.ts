import type { GenericEndpointContext } from 'better-auth';
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
export async function refuseDeactivatedSessions(
  session: { userId: string },
  context: GenericEndpointContext | null,
): Promise<false | undefined> {
  if (!context) return undefined;
  const person = await context.context.internalAdapter.findUserById(session.userId);
  return person && 'deactivatedAt' in person && person.deactivatedAt ? false : undefined;
}
