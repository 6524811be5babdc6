// Roles in an organization, most powerful first. Owners hold the organization itself; admins run its
// people, SSO and SCIM; coordinators run its programs; members belong (conflict of interest, directory).
export const ORG_ROLES = ['owner', 'admin', 'coordinator', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

const rank = (role: OrgRole) => ORG_ROLES.length - ORG_ROLES.indexOf(role);

export const isOrgRole = (value: string): value is OrgRole =>
  (ORG_ROLES as readonly string[]).includes(value);

/** At least as powerful as `needed`. */
export const holdsAtLeast = (role: OrgRole, needed: OrgRole) => rank(role) >= rank(needed);

export const mayManageMembers = (role: OrgRole) => holdsAtLeast(role, 'admin');
export const mayRunPrograms = (role: OrgRole) => holdsAtLeast(role, 'coordinator');
export const mayConfigureIdentity = (role: OrgRole) => holdsAtLeast(role, 'admin');
/** Who sees the member list with addresses (members see only their own membership). */
export const maySeeMembers = (role: OrgRole) => holdsAtLeast(role, 'coordinator');

export type RoleChange = { actor: OrgRole; from: OrgRole | null; to: OrgRole | null; ownersLeft: number };

/**
 * Why a role change (adding: from null; removing: to null) is refused, or null when it is allowed.
 * Only owners touch owners; an organization always keeps one owner.
 */
export function roleChangeRefusal({ actor, from, to, ownersLeft }: RoleChange): string | null {
  if (!mayManageMembers(actor)) return 'Only owners and admins of this organization can change its members.';
  if ((from === 'owner' || to === 'owner') && actor !== 'owner') {
    return 'Only an owner can make someone an owner or change an owner’s role.';
  }
  if (from === 'owner' && to !== 'owner' && ownersLeft <= 1) {
    return 'An organization needs at least one owner: make someone else an owner first.';
  }
  return null;
}
