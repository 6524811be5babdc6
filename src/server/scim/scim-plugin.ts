import {
  type SCIMIdentityResolution,
  type SCIMIdentityResolutionContext,
  type SCIMIdentityResolutionInput,
  type SCIMIdentityState,
  type SCIMProjectedUserState,
  type SCIMTransactionContext,
  scim,
} from '@better-auth/scim';
import type { Db } from '../db/client';
import { scimAfterHook } from './scim-after-hook';
import { verifyScimToken } from './scim-tokens';

const ALL_SCOPES = ['scim.users.read', 'scim.users.write', 'scim.groups.read', 'scim.groups.write'] as const;

type Options = {
  db: Db;
  /** Evicts a person from this instance's session cache (session-cache.ts). */
  forgetUser: (userId: string) => void;
};

// `@better-auth/scim`, wired to Corner: one SCIM connection per organization (connection id and
// provisioning domain are the organization's id), resolved from Corner's own hashed tokens, so the
// plugin's managed-connection endpoints (which would let anyone with a session mint tokens outside
// Corner's policies) are never switched on. SCIM lives at /api/auth/scim/v2 (app.ts).
export function cornerScim({ db, forgetUser }: Options) {
  const plugin = scim({
    connections: [],
    authentication: {
      async verifyBearerToken({ token }) {
        const verified = await verifyScimToken(db, token);
        if (!verified) return null;
        const id = verified.organizationId;
        return {
          connection: { id, provisioningDomainId: id },
          credentialId: verified.tokenId,
          scopes: ALL_SCOPES,
        };
      },
    },
    // Both run inside the plugin's transaction and write through its adapter, so the SCIM change and
    // what it means in Corner (deactivated, member of the organization) commit together.
    identity: {
      resolveUser: linkExistingMember,
      reconcileUser: (state, context) => reconcileDeactivation(state, context, forgetUser),
    },
    projection: { reconcileUser: reconcileMembership },
    compatibility: { microsoftEntra: { acceptLegacyGroupSchema: true } },
  });
  return { ...plugin, hooks: { after: [...plugin.hooks.after, scimAfterHook(db)] } };
}

// Someone who already has a Corner account and whom the organization's owners or admins already made a
// member is that person: the identity provider takes them over (their own name and settings kept).
// An address alone never links: anyone else with that address gets a 409 from the plugin.
async function linkExistingMember(
  input: SCIMIdentityResolutionInput,
  { database }: SCIMIdentityResolutionContext,
): Promise<SCIMIdentityResolution> {
  const existing = await database.findOne<{ id: string }>({
    model: 'user',
    where: [{ field: 'email', value: input.resource.primaryEmail.toLowerCase() }],
  });
  if (!existing) return { action: 'create' };
  const membership = await database.findOne({
    model: 'member',
    where: [
      { field: 'organizationId', value: input.provisioningDomainId },
      { field: 'userId', value: existing.id },
    ],
  });
  return membership ? { action: 'link', userId: existing.id, profile: 'preserve' } : { action: 'create' };
}

// `active` is true while any SCIM source of the person is active. Inactive (deactivated, or deleted
// at the identity provider): `deactivatedAt` is set, which the plugin follows by deleting every
// session; a database trigger pauses their guide profile and matching leaves them out. Their
// relationships, notes and records stay. Active again: the flag (and that pause) is lifted.
async function reconcileDeactivation(
  state: SCIMIdentityState,
  { database }: SCIMTransactionContext,
  forgetUser: (userId: string) => void,
) {
  const person = await database.findOne<{ deactivatedAt: Date | null }>({
    model: 'user',
    where: [{ field: 'id', value: state.userId }],
  });
  if (!person) return;
  const deactivated = Boolean(person.deactivatedAt);
  if (state.active === !deactivated) return;
  await database.update({
    model: 'user',
    where: [{ field: 'id', value: state.userId }],
    update: { deactivatedAt: state.active ? null : new Date() },
  });
  forgetUser(state.userId);
}

// A provisioned person is a member of the token's organization. Deleted at the identity provider
// (no SCIM source left in this organization), a plain member leaves it; owners, admins and
// coordinators keep their role, which only the organization's own people change.
async function reconcileMembership(state: SCIMProjectedUserState, { database }: SCIMTransactionContext) {
  const where = [
    { field: 'organizationId', value: state.provisioningDomainId },
    { field: 'userId', value: state.userId },
  ];
  const existing = await database.findOne<{ id: string; role: string }>({ model: 'member', where });
  if (state.sources.length > 0 && !existing) {
    await database.create({
      model: 'member',
      data: {
        organizationId: state.provisioningDomainId,
        userId: state.userId,
        role: 'member',
        createdAt: new Date(),
      },
    });
  } else if (state.sources.length === 0 && existing?.role === 'member') {
    await database.delete({ model: 'member', where: [{ field: 'id', value: existing.id }] });
  }
}
